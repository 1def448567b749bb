using System.Globalization;
using System.Text;
using Gongkai.Core.Publishing;

namespace Gongkai.Benchmarks;

/// <summary>One generated catalogue item: its metadata, its text and (once segmented) the text the index holds.</summary>
public sealed class CorpusItem
{
    /// <summary>1 … N in order of first publication, so the item id order is the date order (as in a real catalogue).</summary>
    public required int Id { get; init; }

    public required int AgencyIndex { get; init; }

    public required ItemKind Kind { get; init; }

    public required ColumnDirectory Directory { get; init; }

    public required int? Article20Item { get; init; }

    public required string Topic { get; init; }

    public required DateTimeOffset FirstPublished { get; init; }

    public required string Title { get; init; }

    public required string Summary { get; init; }

    public required string Body { get; init; }

    public required string DocumentNumber { get; init; }

    /// <summary>The title's tokens joined by spaces (<c>ChineseText.Joined</c>).</summary>
    public string TitleTokens { get; set; } = string.Empty;

    /// <summary>The summary's, body's and metadata's tokens joined by spaces.</summary>
    public string BodyTokens { get; set; } = string.Empty;
}

/// <summary>
/// A deterministic corpus of government catalogue items for the search benchmark: titles, summaries and bodies of
/// 100–600 characters composed from a vocabulary in the style of the demo catalogue (themes such as 养老, 社会救助,
/// 教育, 安全生产), words drawn with Zipf-like frequencies so that a few words (工作, 管理, 服务) are in most items,
/// theme words (养老, 低保) in some, compounds (养老服务中心, 城乡低保) in fewer, and place and project names rarely.
/// Items are generated in blocks of <see cref="BlockSize"/>, each from its own seed, so blocks can be built in
/// parallel and the corpus is the same whatever the order.
/// </summary>
public static class SearchCorpus
{
    public const int BlockSize = 10_000;
    private const int Seed = 20261128;

    public static readonly DateTimeOffset FirstDate = new(2015, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset LastDate = new(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] Regions =
    [
        "昆都仑区", "青山区", "东河区", "九原区", "石拐区", "白云鄂博矿区", "土默特右旗", "固阳县", "达尔罕茂明安联合旗", "稀土高新区",
    ];

    private static readonly string[] Departments =
    [
        "人民政府", "人民政府办公室", "民政局", "教育局", "财政局", "人力资源和社会保障局", "住房和城乡建设局", "卫生健康委员会",
        "市场监督管理局", "应急管理局", "发展和改革委员会", "司法局", "医疗保障局", "农牧局", "自然资源局", "交通运输局",
        "文化旅游体育局", "退役军人事务局", "审计局", "政务服务局",
    ];

    /// <summary>Every (region, department) pair: 200 agencies.</summary>
    public static readonly string[] Agencies = [.. Regions.SelectMany(r => Departments.Select(d => r + d))];

    private static readonly string[] Topics =
    [
        "综合政务", "民政、扶贫、救灾", "科技、教育", "劳动、人事、监察", "卫生、体育", "城乡建设、环境保护", "市场监管、安全生产监管",
        "财政、金融、审计", "农业、林业、水利", "国民经济管理、国有资产监管", "公安、安全、司法", "文化、广电、新闻出版",
    ];

    /// <summary>Themes, most frequent first; within a theme, its words most frequent first (compounds after their parts).</summary>
    private static readonly (string Name, string[] Words)[] Themes =
    [
        ("政务", ["政务公开", "政务服务", "营商环境", "12345热线", "一网通办", "好差评", "政府网站", "政务新媒体", "依法行政", "行政审批"]),
        ("养老", ["养老服务", "老年人", "养老机构", "居家养老", "养老服务中心", "高龄津贴", "社区嵌入式养老", "老年助餐点", "适老化改造", "养老护理员"]),
        ("社会救助", ["低保", "城乡低保", "最低生活保障", "特困供养", "临时救助", "低保对象", "低保标准", "低保边缘家庭", "救助资金", "困难群众"]),
        ("教育", ["义务教育", "中小学", "幼儿园", "招生入学", "教师资格", "校外培训", "学生资助", "课后服务", "教育督导", "学前教育"]),
        ("就业", ["城镇新增就业", "职业技能培训", "高校毕业生", "创业担保贷款", "稳岗返还", "社会保险", "劳动保障监察", "公益性岗位", "零工市场", "就业见习"]),
        ("医疗", ["医疗机构", "基本公共卫生服务", "家庭医生签约", "预防接种", "医疗保障", "医保基金", "公共场所卫生", "传染病防控", "母婴保健", "健康体检"]),
        ("城建", ["老旧小区改造", "保障性住房", "公共租赁住房", "供热管网", "施工许可", "城市更新", "雨污分流", "物业管理", "燃气管道", "背街小巷"]),
        ("市场", ["行政处罚", "食品安全", "监督抽检", "特种设备", "双随机一公开", "产品质量", "价格监测", "知识产权", "企业开办", "消费维权"]),
        ("安全", ["安全生产", "隐患排查", "应急演练", "防汛抗旱", "森林草原防灭火", "危险化学品", "应急物资", "自然灾害", "消防安全", "矿山安全"]),
        ("财政", ["部门预算", "部门决算", "政府采购", "三公经费", "专项资金", "绩效评价", "政府债务", "转移支付", "国有资产", "资金分配"]),
        ("生态", ["扬尘污染防治", "垃圾分类", "大气污染防治", "黄河流域生态保护", "人居环境整治", "河长制", "水土保持", "绿化造林", "噪声污染", "排污许可"]),
        ("农牧", ["耕地地力保护补贴", "乡村振兴", "高标准农田", "农村宅基地", "土地流转", "畜牧业", "农机购置补贴", "草原生态保护补助", "动物防疫", "种植结构调整"]),
    ];

    /// <summary>Words of everyday government prose; the first ones are in most items.</summary>
    private static readonly string[] Verbs =
    [
        "加强", "推进", "落实", "开展", "做好", "完善", "提升", "规范", "强化", "深化", "健全", "优化", "保障", "统筹", "创新", "巩固", "扩大", "督促",
    ];

    private static readonly string[] Nouns =
    [
        "工作", "管理", "服务", "建设", "监督", "制度", "机制", "体系", "保障", "能力", "水平", "质量", "标准", "措施", "责任", "任务", "考核", "宣传",
    ];

    private static readonly string[] Plans = ["实施方案", "工作方案", "管理办法", "实施细则", "工作要点", "三年行动计划", "专项规划", "考核办法"];

    private static readonly string[] Checks = ["专项检查", "督导检查", "执法检查", "随机抽查", "明察暗访", "联合检查"];

    private static readonly string[] Targets = ["困难群众", "老年人", "残疾人", "低保对象", "特困人员", "退役军人", "在校学生", "农牧民", "城乡居民", "企业职工"];

    private static readonly string[] Laws =
    [
        "中华人民共和国政府信息公开条例", "社会救助暂行办法", "中华人民共和国老年人权益保障法", "中华人民共和国安全生产法", "中华人民共和国预算法",
        "中华人民共和国义务教育法", "中华人民共和国食品安全法", "中华人民共和国就业促进法", "优化营商环境条例", "中华人民共和国行政处罚法",
    ];

    private static readonly string[] Streets =
    [
        "钢铁大街", "阿尔丁大街", "团结大街", "友谊大街", "少先路", "林荫路", "富强路", "市府东路", "青年路", "白云路", "民族东路", "建设路",
        "巴彦塔拉大街", "黄河大街", "幸福路", "文化路", "劳动路", "呼得木林大街", "哈屯高勒路", "昆河北路",
    ];

    private static readonly string[] Areas = ["北侧片区", "南侧片区", "东段", "西段", "沿线", "街坊", "社区", "周边"];

    private static readonly string[] ProjectKinds =
    [
        "老旧小区改造", "地下管网改造", "雨污分流改造", "养老服务中心建设", "便民服务中心改造", "智慧停车设施建设", "集中供热管网提质改造",
        "中小学新校区建设", "社区卫生服务中心建设", "应急物资储备库建设", "高标准农田建设", "生态综合治理",
    ];

    /// <summary>Rare words: each in a small share of the items (names of villages, people's programmes, landmarks).</summary>
    public static readonly string[] RareWords =
    [
        "哈林格尔", "阿吉奈", "卜尔塔亥", "沙尔沁", "萨拉齐", "美岱召", "五当召", "梅力更", "希拉穆仁", "百灵淖",
        "春坤山", "南海湿地", "赛汗塔拉", "乌兰察布", "大青山", "九峰山", "包钢", "北梁棚户区", "昆河湿地", "阿善遗址",
    ];

    public static string AgencyName(int index) => Agencies[index];

    /// <summary>The items of block <paramref name="block"/> (ids block·BlockSize + 1 …), at most up to <paramref name="total"/>.</summary>
    public static List<CorpusItem> Block(int block, int total)
    {
        var first = block * BlockSize + 1;
        var last = Math.Min(total, first + BlockSize - 1);
        var random = new Random(HashCode.Combine(Seed, block) ^ (block * 7919));
        var items = new List<CorpusItem>(Math.Max(0, last - first + 1));
        var span = (LastDate - FirstDate).Ticks;
        for (var id = first; id <= last; id++)
        {
            // Evenly over 2015-01-01 … 2026-11-27, in id order, at a whole second.
            var at = FirstDate.AddTicks(span / total * (id - 1L));
            at = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
            items.Add(Item(random, id, at));
        }

        return items;
    }

    private static readonly Zipf AgencyPick = new(Agencies.Length, 0.9);
    private static readonly Zipf ThemePick = new(Themes.Length, 0.7);
    private static readonly Zipf WordPick = new(10, 1.1);
    private static readonly Zipf VerbPick = new(Verbs.Length, 1.0);
    private static readonly Zipf NounPick = new(Nouns.Length, 1.2);
    private static readonly Zipf StreetPick = new(Streets.Length, 1.0);
    private static readonly Zipf RarePick = new(RareWords.Length, 1.0);

    private static CorpusItem Item(Random r, int id, DateTimeOffset at)
    {
        var agency = AgencyPick.Next(r);
        var region = Regions[agency / Departments.Length];
        var name = Agencies[agency];
        var theme = ThemePick.Next(r);
        var year = at.Year;
        var month = at.Month;
        var c = new Context(r, name, region, theme, year, month);
        var interpretation = r.Next(20) == 0;
        var title = interpretation ? $"《{region}{c.Word()}{Pick(r, Plans)}》政策解读" : Title(c);
        var summary = Summary(c);
        var body = Body(c, 100 + r.Next(501));
        var directory = r.Next(100) switch
        {
            < 2 => ColumnDirectory.Guide,
            < 4 => ColumnDirectory.Rules,
            < 5 => ColumnDirectory.AnnualReports,
            _ => ColumnDirectory.Statutory,
        };
        return new CorpusItem
        {
            Id = id,
            AgencyIndex = agency,
            Kind = interpretation ? ItemKind.Interpretation : ItemKind.Information,
            Directory = directory,
            Article20Item = directory == ColumnDirectory.Statutory && r.Next(3) > 0 ? 1 + r.Next(15) : null,
            Topic = Topics[(theme + r.Next(2)) % Topics.Length],
            FirstPublished = at,
            Title = title,
            Summary = summary,
            Body = body,
            DocumentNumber = r.Next(4) == 0 ? $"{region[..2]}政发〔{year}〕{1 + r.Next(200)}号" : string.Empty,
        };
    }

    private static string Title(Context c) => c.R.Next(10) switch
    {
        0 => $"{c.Agency}关于{c.Verb()}{c.Word()}{c.Noun()}的通知",
        1 => $"{c.Agency}关于印发《{c.Region}{c.Word()}{Pick(c.R, Plans)}》的通知",
        2 => $"{c.Region}{c.Year}年{c.Month}月{c.Word()}{c.Noun()}情况",
        3 => $"{c.Agency}{c.Year}年{c.Word()}工作总结",
        4 => $"{c.Region}{c.Word()}{Pick(c.R, ["审核结果", "资格认定结果", "发放情况", "检查结果"])}公示（{c.Year}年第{1 + c.R.Next(12)}批）",
        5 => $"关于{c.Place()}{Pick(c.R, ProjectKinds)}项目的公告",
        6 => $"{c.Agency}关于{c.Year}年{c.Word()}资金分配情况的公示",
        7 => $"{c.Region}{c.Year}年第{1 + c.R.Next(4)}季度{c.Word()}{c.Noun()}情况通报",
        8 => $"{c.Agency}{c.Year}年{c.Word()}{Pick(c.R, Checks)}情况",
        _ => $"{c.Region}{c.Word()}{c.Noun()}{Pick(c.R, ["工作简报", "信息公告", "办事指南"])}（{c.Year}年第{1 + c.R.Next(30)}期）",
    };

    private static string Summary(Context c) => c.R.Next(4) switch
    {
        0 => $"公开{c.Year}年{c.Month}月{c.Region}{c.Word()}{c.Noun()}情况。",
        1 => $"{c.Agency}就{c.Word()}有关事项{Pick(c.R, ["发布通知", "作出部署", "予以公示", "发布公告"])}，明确{c.Noun()}要求。",
        2 => $"公示本批次{c.Word()}的{Pick(c.R, ["审核结果", "发放金额", "检查结果", "办理情况"])}。",
        _ => $"部署{c.Year}年{c.Word()}{c.Noun()}，明确时间安排和{c.Noun()}要求。",
    };

    private static string Body(Context c, int length)
    {
        var sb = new StringBuilder(length + 120);
        sb.Append(Sentence(c, 0));
        while (sb.Length < length)
        {
            sb.Append(Sentence(c, 1 + c.R.Next(11)));
        }

        return sb.ToString();
    }

    private static string Sentence(Context c, int kind) => kind switch
    {
        0 => $"为进一步{c.Verb()}{c.Word()}{c.Noun()}，根据《{Pick(c.R, Laws)}》有关规定，结合{c.Region}实际，制定本{Pick(c.R, Plans)}。",
        1 => $"{c.Year}年，{c.Region}{c.Verb()}{c.Word()}{c.Noun()}，累计惠及{c.R.Next(100, 9000)}户{c.R.Next(200, 20000)}人，发放资金{c.R.Next(10, 5000)}万元。",
        2 => $"{c.Agency}高度重视{c.Word()}工作，成立了由主要负责同志任组长的工作领导小组，明确责任分工，{c.Verb()}{c.Noun()}{c.Noun()}。",
        3 => $"各{Pick(c.R, ["街道", "部门", "单位", "镇", "社区"])}要{c.Verb()}{c.Word()}{c.Noun()}，{c.Verb()}{c.Noun()}，确保各项任务落到实处。",
        4 => $"本次{Pick(c.R, Checks)}共检查{c.R.Next(5, 300)}家单位，发现问题{c.R.Next(0, 80)}个，已全部整改到位。",
        5 => $"{c.Place()}{Pick(c.R, ProjectKinds)}项目总投资{c.R.Next(100, 90000)}万元，主要建设内容包括{c.Word()}、{c.Word()}等，计划于{c.Year + 1}年底前完工。",
        6 => $"对符合条件的{Pick(c.R, Targets)}，按照每人每月{c.R.Next(50, 900)}元的标准发放补贴，所需资金由{Pick(c.R, ["区级财政", "上级补助资金", "专项资金"])}统筹解决。",
        7 => $"如对公示内容有异议，请于公示之日起{c.R.Next(5, 10)}个工作日内向{c.Agency}反映，联系电话：0472-{c.R.Next(2100000, 6999999)}。",
        8 => $"下一步，{c.Agency}将继续{c.Verb()}{c.Word()}{c.Noun()}，不断提升{c.Noun()}水平，切实增强人民群众的获得感、幸福感、安全感。",
        9 => $"截至{c.Year}年{c.Month}月底，全区{c.Word()}{c.Noun()}覆盖{c.R.Next(3, 120)}个社区，服务{Pick(c.R, Targets)}{c.R.Next(100, 50000)}人次。",
        10 => $"{c.Year}年{c.Month}月{c.R.Next(1, 29)}日，{c.Agency}在{c.Place()}组织开展{c.Word()}{Pick(c.R, ["宣传活动", "现场观摩", "业务培训", "应急演练"])}，{c.R.Next(20, 600)}人参加。",
        _ => $"会议强调，要坚持以人民为中心的发展思想，{c.Verb()}{c.Word()}{c.Noun()}，{c.Verb()}{c.Noun()}{c.Noun()}，推动各项工作取得实效。",
    };

    private static string Pick(Random r, string[] words) => words[r.Next(words.Length)];

    /// <summary>What one item's sentences draw from: its agency, region, theme and date.</summary>
    private sealed class Context(Random r, string agency, string region, int theme, int year, int month)
    {
        public Random R { get; } = r;

        public string Agency { get; } = agency;

        public string Region { get; } = region;

        public int Year { get; } = year;

        public int Month { get; } = month;

        /// <summary>A theme word: mostly of the item's own theme, sometimes of another.</summary>
        public string Word()
        {
            var t = R.Next(5) == 0 ? ThemePick.Next(R) : theme;
            return Themes[t].Words[WordPick.Next(R)];
        }

        public string Verb() => Verbs[VerbPick.Next(R)];

        public string Noun() => Nouns[NounPick.Next(R)];

        /// <summary>A street and area, or (1 in 12) a rare place name.</summary>
        public string Place() => R.Next(12) == 0
            ? RareWords[RarePick.Next(R)]
            : Streets[StreetPick.Next(R)] + Areas[R.Next(Areas.Length)];
    }

    /// <summary>Draws 0 … n−1 with probability ∝ 1 / (rank + 1)^s.</summary>
    private sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            _cumulative = new double[n];
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += 1.0 / Math.Pow(i + 1, s);
                _cumulative[i] = sum;
            }

            for (var i = 0; i < n; i++)
            {
                _cumulative[i] /= sum;
            }
        }

        public int Next(Random r)
        {
            var i = Array.BinarySearch(_cumulative, r.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }

    /// <summary>Unix milliseconds, the index's date key.</summary>
    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static string Format(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
