using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Fees;
using Gongkai.Data.Cases;

namespace Gongkai.UseCases.Demo;

/// <summary>A fictional applicant of the demo's past years: a person (ID number with a valid check digit) or an organisation (valid credit code).</summary>
public sealed record DemoApplicant(ApplicantType Type, string Name, IdDocumentType IdType, string IdNumber, string Phone, string? ContactPerson = null);

/// <summary>How the applicant's 补正 went, when one was asked for.</summary>
public enum DemoCorrection
{
    None,
    Received,
    Lapsed,
}

/// <summary>A 征求意见 in a past case: who was asked and what they answered.</summary>
public sealed record DemoConsultation(PauseReason Reason, string Party, string Opinion);

/// <summary>A fee notice in a past case: the method, the pages (按量计收) and whether the applicant paid.</summary>
public sealed record DemoFee(FeeMethod Method, int? Pages, bool Paid, string Note);

/// <summary>
/// One application of the demo's past years, as a script: what arrived, how, from whom, and how it was handled. The dates
/// of the steps after receipt are worked out on the official calendar when the script is played
/// (<see cref="DemoCases"/>), from the due dates the real steps return.
/// </summary>
public sealed record DemoHistoryCase
{
    /// <summary>Year whose annual report counts the case as received (its receipt date's year).</summary>
    public required int Year { get; init; }

    public required DateOnly Arrived { get; init; }

    public required Channel Channel { get; init; }

    public required DemoApplicant Applicant { get; init; }

    public required string Description { get; init; }

    public required DecisionType Decision { get; init; }

    public required string Summary { get; init; }

    public string? HoldingAgency { get; init; }

    /// <summary>The department that prepares the answer (承办), if any; the district government answers.</summary>
    public string? AssignTo { get; init; }

    public DemoCorrection Correction { get; init; }

    public DemoConsultation? Consultation { get; init; }

    public DemoFee? Fee { get; init; }

    /// <summary>Working days of a 第三十三条 extension (0: none).</summary>
    public int ExtensionDays { get; init; }

    /// <summary>Answered after the due date (a few per year, as in real registers).</summary>
    public bool Late { get; init; }

    /// <summary>Received in late December and answered in January of the next year (结转下年度).</summary>
    public bool CarriedForward { get; init; }

    /// <summary>Working days the office took after the last pause or receipt, when nothing else fixes the decision date.</summary>
    public int Speed { get; init; }

    /// <summary>Archived after service (the most recent cases may still wait for archiving).</summary>
    public bool Archived { get; init; } = true;

    /// <summary>A name for the case that other parts of the demo refer to (e.g. the 行政复议 that challenges it).</summary>
    public string? Key { get; init; }
}

/// <summary>
/// The demo district government's applications of 2023, 2024 and 2025 as scripts, deterministic (fixed lists and a
/// seeded generator). 2024 reproduces the figures of the sample annual report in data/seeds (kundulun-2024: 109 new
/// applications, 4 carried over from 2023, 109 processed, 4 carried forward); 2023 and 2025 are plausible complete years
/// around it, chained by their carried-over cases, with fees in both. Every case is received by the district government;
/// many are assigned to a department to prepare the answer.
/// </summary>
public static class DemoHistory
{
    public const string ReviewedCaseKey = "review-2024";

    /// <summary>The years played, oldest first; each is played only once today is past its end.</summary>
    public static IReadOnlyList<int> Years { get; } = [2023, 2024, 2025];

    private const string Housing = "包头市昆都仑区住房和城乡建设局";
    private const string CivilAffairs = "包头市昆都仑区民政局";
    private const string Finance = "包头市昆都仑区财政局";
    private const string Development = "包头市昆都仑区发展和改革委员会";
    private const string Justice = "包头市昆都仑区司法局";
    private const string HumanResources = "包头市昆都仑区人力资源和社会保障局";
    private const string Market = "包头市昆都仑区市场监督管理局";
    private const string Kunhe = "包头市昆都仑区昆河镇人民政府";

    private static readonly string[] Places =
    [
        "少先路街道某社区", "沼潭街道某棚户区片区", "林荫路街道某平房区", "友谊大街街道某小区", "阿尔丁大街街道某居民楼", "钢铁大街北侧某地块", "团结大街某片区", "沼潭街道某老旧小区", "少先路街道某平房片区", "友谊大街街道某商住楼",
    ];

    private static readonly string[] Villages = ["昆河镇某村", "昆河镇某村民小组", "昆河镇某村二社", "昆河镇某村五社"];

    private static readonly (string Topic, string? Holder, string? Unit)[] NotHeldTopics =
    [
        ("{village}集体土地征收的征地批复文件及征地补偿安置方案", "包头市自然资源局", Kunhe),
        ("{place}地块的国有土地使用权出让合同及出让金缴纳凭证", "包头市自然资源局", null),
        ("{place}{year}年新建项目的建设工程规划许可证及附图", "包头市自然资源局", Housing),
        ("本人位于{place}房屋的不动产登记簿记载信息", "包头市不动产登记中心", null),
        ("{place}供热管网改造工程的立项批复及可行性研究报告", "包头市发展和改革委员会", Development),
        ("{place}某企业建设项目的环境影响评价报告书及审批意见", "包头市生态环境局昆都仑区分局", null),
        ("本人{year}年在{place}被查处一事的出警记录及询问笔录", "包头市公安局昆都仑区分局", null),
        ("{place}道路拓宽工程的建设用地预审意见及用地批复", "包头市自然资源局", Housing),
        ("本人原工作单位1995年至2005年为本人缴纳养老保险的明细", "包头市社会保险事业服务中心", HumanResources),
        ("{place}周边学校新建项目的建筑工程施工许可证", "包头市住房和城乡建设局", Housing),
        ("{place}燃气管道改造工程的竣工验收备案资料", "包头市住房和城乡建设局", Housing),
        ("1998年{place}原国有企业改制时的职工安置方案及审批文件", null, HumanResources),
        ("{place}1996年房屋拆迁许可证及拆迁公告", null, Housing),
        ("{village}征地时的地上附着物清点登记表（2006年）", null, Kunhe),
        ("{place}范围内某楼盘的商品房预售许可证及预售方案", "包头市住房和城乡建设局", Housing),
        ("{place}违法建设的认定文件及限期拆除决定书", null, Housing),
        ("{year}年{place}征收项目社会稳定风险评估报告的专家评审意见", null, Housing),
        ("本人在{village}的宅基地使用证存根及审批表（1989年）", null, Kunhe),
        ("{place}物业服务收费标准的核定文件", "包头市发展和改革委员会", Development),
        ("{place}地下人防工程的竣工验收及产权登记资料", "包头市人民防空办公室", null),
        ("{year}年{village}集体经济组织的财务收支明细账", null, Kunhe),
        ("{place}附近某化工企业的安全生产许可证及年检记录", "内蒙古自治区应急管理厅", null),
        ("途经{place}的公交线路调整论证报告", "包头市交通运输局", null),
        ("本人子女{year}年中考的阅卷及评分记录", "包头市教育考试中心", null),
    ];

    private static readonly string[] DisclosedTopics =
    [
        "{year}年{place}国有土地上房屋征收补偿方案",
        "区政府关于{place}房屋征收决定及征收范围图",
        "{year}年昆都仑区城乡最低生活保障标准调整文件",
        "{place}棚户区改造项目的安置房分配方案及分配结果",
        "{year}年昆都仑区老旧小区改造项目清单及投资计划",
        "本人房屋（{place}）的征收评估报告及补偿决定书",
        "{place}拆迁安置过渡费的发放标准及依据",
        "{year}年昆都仑区高龄津贴、残疾人两项补贴的发放标准",
        "区政府对{place}征收项目作出的房屋征收补偿决定",
        "{place}集中供热改造工程的项目批复及资金来源",
        "{year}年{place}公益性岗位的开发计划及补贴标准",
        "区政府{year}年关于{place}旧城改造的批复文件",
        "{place}临时救助申请的审批结果",
    ];

    private static readonly string[] PublishedTopics =
    [
        "昆都仑区{year}年政府工作报告",
        "昆都仑区{year}年国民经济和社会发展统计公报",
        "昆都仑区{year}年区本级部门预算和“三公”经费预算",
        "区政府{year}年制发的行政规范性文件目录",
        "昆都仑区{year}年重点项目建设计划",
        "昆都仑区{year}年政府信息公开工作年度报告",
        "昆都仑区{year}年本级预算执行和其他财政收支的审计工作报告",
    ];

    private static readonly (string Topic, string Party, string Opinion)[] ThirdPartyTopics =
    [
        ("{place}房屋征收中邻户王某某的征收补偿协议", "被征收人王某某", "不同意公开，涉及本人家庭财产等个人隐私。"),
        ("某企业在{place}投资项目的投资协议及企业财务报表", "包头市某实业有限公司（演示）", "不同意公开，涉及企业商业秘密。"),
        ("{place}改造工程中标企业的投标文件及报价明细", "内蒙古某建筑工程有限公司（演示）", "不同意公开，报价明细属于商业秘密。"),
        ("{village}邻居李某某的宅基地审批资料", "村民李某某", "不同意公开，涉及个人信息。"),
        ("{place}某开发企业的项目资本金证明及银行贷款合同", "包头市某房地产开发有限公司（演示）", "不同意公开，涉及商业秘密和金融信息。"),
        ("{place}某养老机构与区政府签订的公建民营运营协议", "包头市某养老服务有限公司（演示）", "不同意公开，协议附件涉及经营数据。"),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"];

    private static readonly string[] GivenNames = ["建国", "秀兰", "志刚", "桂英", "海燕", "俊峰", "丽萍", "国华", "淑珍", "晓明", "文杰", "玉兰", "红梅", "振华", "春生", "凤英", "宏伟", "雪梅", "永强", "金花", "德胜", "美玲", "宝山", "素芬", "长青"];

    private static readonly string[] Regions = ["150203", "150203", "150203", "150202", "150204", "150207"];

    /// <summary>Every past year's scripts, oldest first (by arrival), for the years before <paramref name="today"/>'s year.</summary>
    public static IReadOnlyList<DemoHistoryCase> Plan(WorkingDayCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var all = new List<DemoHistoryCase>();
        foreach (var year in Years.Where(y => y < today.Year))
        {
            all.AddRange(new YearPlan(calendar, year).Build());
        }

        return [.. all.OrderBy(c => c.Arrived)];
    }

    /// <summary>
    /// What each year's received-and-answered cases were decided as, per applicant type; the carried-forward cases of the
    /// year before are answered in this year too. 2024 with the carried-over four (2 不掌握, 1 予以公开, 1 已主动公开) gives
    /// the sample report's table 三: 予以公开 25+1, 保护第三方合法权益 5, 本机关不掌握 76+1, 补正后仍不明确 1.
    /// </summary>
    private static (DecisionType Decision, ApplicantType Type, int Count)[] Mix(int year) => year switch
    {
        2023 =>
        [
            (DecisionType.Disclosed, ApplicantType.NaturalPerson, 12), (DecisionType.Disclosed, ApplicantType.CommercialEnterprise, 1), (DecisionType.Disclosed, ApplicantType.Other, 1),
            (DecisionType.AlreadyPublished, ApplicantType.NaturalPerson, 8), (DecisionType.PartiallyDisclosed, ApplicantType.NaturalPerson, 3),
            (DecisionType.WithheldThirdPartyRights, ApplicantType.NaturalPerson, 2), (DecisionType.WithheldThirdPartyRights, ApplicantType.CommercialEnterprise, 1),
            (DecisionType.WithheldProcessInformation, ApplicantType.NaturalPerson, 2),
            (DecisionType.NotHeld, ApplicantType.NaturalPerson, 45), (DecisionType.NotHeld, ApplicantType.CommercialEnterprise, 1), (DecisionType.NotHeld, ApplicantType.LegalServiceInstitution, 1),
            (DecisionType.NeedsCreation, ApplicantType.NaturalPerson, 3), (DecisionType.UnclearAfterCorrection, ApplicantType.NaturalPerson, 1),
            (DecisionType.PetitionOrComplaint, ApplicantType.NaturalPerson, 3), (DecisionType.RepeatedApplication, ApplicantType.NaturalPerson, 2),
            (DecisionType.CorrectionOverdue, ApplicantType.NaturalPerson, 3), (DecisionType.Other, ApplicantType.NaturalPerson, 2), (DecisionType.FeeNotPaid, ApplicantType.NaturalPerson, 1),
        ],
        2024 =>
        [
            (DecisionType.Disclosed, ApplicantType.NaturalPerson, 17), (DecisionType.Disclosed, ApplicantType.CommercialEnterprise, 1),
            (DecisionType.AlreadyPublished, ApplicantType.NaturalPerson, 6),
            (DecisionType.WithheldThirdPartyRights, ApplicantType.NaturalPerson, 5),
            (DecisionType.NotHeld, ApplicantType.NaturalPerson, 74), (DecisionType.NotHeld, ApplicantType.CommercialEnterprise, 1),
            (DecisionType.UnclearAfterCorrection, ApplicantType.NaturalPerson, 1),
        ],
        _ =>
        [
            (DecisionType.Disclosed, ApplicantType.NaturalPerson, 17), (DecisionType.Disclosed, ApplicantType.CommercialEnterprise, 1), (DecisionType.Disclosed, ApplicantType.SocialWelfareOrganization, 1),
            (DecisionType.AlreadyPublished, ApplicantType.NaturalPerson, 7), (DecisionType.AlreadyPublished, ApplicantType.ResearchInstitution, 1),
            (DecisionType.PartiallyDisclosed, ApplicantType.NaturalPerson, 3),
            (DecisionType.WithheldThirdPartyRights, ApplicantType.NaturalPerson, 3), (DecisionType.WithheldThirdPartyRights, ApplicantType.CommercialEnterprise, 1),
            (DecisionType.WithheldInternalAffairs, ApplicantType.NaturalPerson, 1), (DecisionType.WithheldProcessInformation, ApplicantType.NaturalPerson, 2),
            (DecisionType.WithheldLawEnforcementFile, ApplicantType.NaturalPerson, 1),
            (DecisionType.NotHeld, ApplicantType.NaturalPerson, 49), (DecisionType.NotHeld, ApplicantType.CommercialEnterprise, 1),
            (DecisionType.NeedsCreation, ApplicantType.NaturalPerson, 3), (DecisionType.UnclearAfterCorrection, ApplicantType.NaturalPerson, 2),
            (DecisionType.PetitionOrComplaint, ApplicantType.NaturalPerson, 2), (DecisionType.RepeatedApplication, ApplicantType.NaturalPerson, 1),
            (DecisionType.PublicationRequested, ApplicantType.NaturalPerson, 1), (DecisionType.CorrectionOverdue, ApplicantType.NaturalPerson, 2),
            (DecisionType.Other, ApplicantType.NaturalPerson, 2),
        ],
    };

    /// <summary>The decisions of the cases received in late December and answered in January (all from persons).</summary>
    private static DecisionType[] CarriedForward(int year) => year switch
    {
        2023 => [DecisionType.NotHeld, DecisionType.Disclosed, DecisionType.NotHeld, DecisionType.AlreadyPublished],
        2024 => [DecisionType.NotHeld, DecisionType.Disclosed, DecisionType.NotHeld, DecisionType.PartiallyDisclosed],
        _ => [DecisionType.NotHeld, DecisionType.Disclosed, DecisionType.NotHeld],
    };

    /// <summary>GB 11643 check character of the first 17 digits.</summary>
    public static char IdCheckDigit(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>GB 32100 check character of the first 17 characters of a 统一社会信用代码.</summary>
    public static char CreditCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += alphabet.IndexOf(first17[i], StringComparison.Ordinal) * weights[i];
        }

        return alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>One year's scripts.</summary>
    private sealed class YearPlan(WorkingDayCalendar calendar, int year)
    {
        // A seeded generator: the same scripts on every load (the legacy seeded algorithm of System.Random is stable).
#pragma warning disable CA5394 // demo data, not security
        private readonly Random _random = new(year);
        private readonly List<DemoApplicant> _persons = [];
        private int _nextPerson;

        public List<DemoHistoryCase> Build()
        {
            for (var i = 0; i < 60; i++)
            {
                _persons.Add(Person(i));
            }

            var decisions = Mix(year).SelectMany(m => Enumerable.Repeat((m.Decision, m.Type), m.Count)).ToList();
            Shuffle(decisions);
            var days = WorkingDays(new DateOnly(year, 1, 4), new DateOnly(year, 11, 6));
            var scripts = new List<DemoHistoryCase>();
            for (var i = 0; i < decisions.Count; i++)
            {
                // Spread over the year's working days, a little unevenly as real arrivals are.
                var index = Math.Min(days.Count - 1, (int)((i + _random.NextDouble()) * days.Count / decisions.Count));
                scripts.Add(Case(decisions[i].Decision, decisions[i].Type, days[index], carriedForward: false));
            }

            var december = WorkingDays(new DateOnly(year, 12, 18), new DateOnly(year, 12, 28));
            var forward = CarriedForward(year);
            for (var i = 0; i < forward.Length; i++)
            {
                scripts.Add(Case(forward[i], ApplicantType.NaturalPerson, december[(i * 2) % december.Count], carriedForward: true));
            }

            AddYearSpecifics(scripts);
            return scripts;
        }

        /// <summary>What makes each year its own: extensions, consultations of other agencies, late answers, fees, the case under review.</summary>
        private void AddYearSpecifics(List<DemoHistoryCase> scripts)
        {
            var plain = scripts.Select((s, i) => (s, i)).Where(x => !x.s.CarriedForward && x.s.Consultation is null && x.s.Correction == DemoCorrection.None && x.s.Fee is null).ToList();
            DemoHistoryCase Take(Func<DemoHistoryCase, bool> fits, Func<DemoHistoryCase, DemoHistoryCase> change)
            {
                var hit = plain.First(x => fits(x.s));
                plain.Remove(hit);
                return scripts[hit.i] = change(hit.s);
            }

            for (var k = 0; k < 3; k++)
            {
                Take(s => s.Decision is DecisionType.NotHeld or DecisionType.Disclosed && s.Arrived.Month < 10, s => s with { ExtensionDays = 10 + (k * 5) });
            }

            Take(s => s.Decision == DecisionType.Disclosed && s.Arrived.Month < 10, s => s with { Consultation = new DemoConsultation(PauseReason.CoMakerConsultation, "包头市自然资源局", "同意公开，该文件系联合制作，无不宜公开的内容。") });
            Take(s => s.Decision == DecisionType.NotHeld && s.Arrived.Month is > 1 and < 11, s => s with { Late = true });
            if (year != 2024)
            {
                Take(s => s.Decision == DecisionType.NotHeld && s.Arrived.Month is > 3 and < 11, s => s with { Late = true });
            }

            if (year == 2024)
            {
                // The application the 2024 行政复议 and the suit after it challenge: 本机关不掌握, answered in spring.
                Take(s => s.Decision == DecisionType.NotHeld && s.Applicant.Type == ApplicantType.NaturalPerson && s.Arrived.Month == 3, s => s with
                {
                    Key = ReviewedCaseKey,
                    Description = "昆河镇某村1996年至2000年集体土地征收的征地批复、征地补偿安置方案及补偿款发放名册。",
                    HoldingAgency = "包头市自然资源局",
                    AssignTo = Kunhe,
                    Summary = "经检索，本机关未制作、保存申请的征地批复及补偿安置方案；征地批复由原包头市国土资源局报批并保存，现由包头市自然资源局掌握，已告知其联系方式。",
                });
            }

            if (year == 2023)
            {
                Take(s => s.Decision == DecisionType.Disclosed && s.Arrived.Month is > 3 and < 10, s => s with
                {
                    Description = "区政府2020年至2022年制发的全部行政规范性文件及其起草说明、合法性审查意见的纸质复制件。",
                    Fee = new DemoFee(FeeMethod.PerPage, 86, Paid: true, "复制件共 86 页，按量计收（超额累进）。"),
                    Summary = "予以公开：提供行政规范性文件及起草说明等复制件共 86 页。",
                });
            }

            if (year == 2025)
            {
                Take(s => s.Decision == DecisionType.Disclosed && s.Arrived.Month is > 4 and < 10, s => s with
                {
                    Description = "区政府2023年至2024年全部征收补偿决定书的纸质复制件（隐去个人信息）。",
                    Fee = new DemoFee(FeeMethod.PerPage, 65, Paid: true, "复制件共 65 页，按量计收（超额累进）。"),
                    Summary = "予以公开：提供征收补偿决定书复制件共 65 页（已隐去个人信息）。",
                });
                AddMonthOfManyApplications(scripts);
            }
        }

        /// <summary>
        /// 2025: one person files twelve applications about one 征收 project in March; the eleventh and twelfth are charged
        /// 按件计收 (100 元 each, 国办函〔2020〕109号) and paid.
        /// </summary>
        private void AddMonthOfManyApplications(List<DemoHistoryCase> scripts)
        {
            var applicant = _persons[59];
            string[] topics =
            [
                "沼潭街道某棚户区片区房屋征收决定", "该片区征收补偿方案的征求意见情况及修改情况", "该片区征收补偿方案的社会稳定风险评估报告", "该片区征收补偿费用的足额到位证明",
                "该片区被征收房屋的调查登记结果", "该片区房地产价格评估机构的选定过程及结果", "该片区征收项目的年度征收计划", "该片区征收范围内未经登记建筑的调查认定结果",
                "该片区安置房源的建设及分配计划", "该片区征收补偿款的专户存储证明", "该片区征收工作的分户补偿情况公布记录", "该片区征收项目的审计监督结果",
            ];
            var days = WorkingDays(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 28));
            var picked = scripts.Select((s, i) => (s, i))
                .Where(x => x.s is { CarriedForward: false, Consultation: null, Fee: null, Correction: DemoCorrection.None, ExtensionDays: 0, Late: false } && x.s.Decision is DecisionType.NotHeld or DecisionType.Disclosed && x.s.Applicant.Type == ApplicantType.NaturalPerson)
                .Take(12).ToList();
            for (var n = 0; n < picked.Count; n++)
            {
                var (s, i) = picked[n];
                var fee = n >= 10 ? new DemoFee(FeeMethod.PerItem, null, Paid: true, "申请人本月第 11 件以上申请，按件计收。") : null;
                scripts[i] = s with
                {
                    Arrived = days[Math.Min(days.Count - 1, n * 3 / 2)],
                    Channel = Channel.InPerson,
                    Applicant = applicant,
                    Description = $"{topics[n]}（2025年）。",
                    AssignTo = Housing,
                    Fee = fee,
                    HoldingAgency = null,
                    Summary = s.Decision == DecisionType.NotHeld ? "经检索，本机关及承办单位均未制作、获取申请的信息，该信息不存在（条例第三十六条第四项）。" : s.Summary,
                };
            }
        }

        private DemoHistoryCase Case(DecisionType decision, ApplicantType type, DateOnly arrived, bool carriedForward)
        {
            var applicant = type == ApplicantType.NaturalPerson ? NextPerson() : Organisation(type);
            var place = Pick(Places);
            var village = Pick(Villages);
            var topicYear = (year - 1 - _random.Next(3)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string Fill(string template) => template.Replace("{place}", place, StringComparison.Ordinal).Replace("{village}", village, StringComparison.Ordinal).Replace("{year}", topicYear, StringComparison.Ordinal);
            var channel = PickChannel();
            var script = new DemoHistoryCase
            {
                Year = year,
                Arrived = arrived,
                Channel = channel,
                Applicant = applicant,
                Description = string.Empty,
                Decision = decision,
                Summary = string.Empty,
                CarriedForward = carriedForward,
                Speed = 4 + _random.Next(14),
                Archived = year < 2025 || _random.Next(10) > 0,
            };
            switch (decision)
            {
                case DecisionType.NotHeld:
                    var (topic, holder, unit) = Pick(NotHeldTopics);
                    return script with
                    {
                        Description = Fill(topic) + "。",
                        HoldingAgency = holder,
                        AssignTo = unit,
                        Summary = holder is null
                            ? "经检索，本机关及承办单位均未制作、获取申请的信息，该信息不存在（条例第三十六条第四项）。"
                            : $"经检索，本机关未制作、获取申请的信息；该信息由{holder}掌握，已告知其名称和联系方式（条例第三十六条第五项）。",
                    };
                case DecisionType.Disclosed:
                    var correction = _random.Next(8) == 0 ? DemoCorrection.Received : DemoCorrection.None;
                    return script with
                    {
                        Description = Fill(Pick(DisclosedTopics)) + "。",
                        AssignTo = Pick<string?>([Housing, CivilAffairs, Finance, null]),
                        Correction = correction,
                        Summary = $"予以公开：提供所申请信息（共 {2 + _random.Next(30)} 页）。",
                    };
                case DecisionType.AlreadyPublished:
                    return script with
                    {
                        Description = Fill(Pick(PublishedTopics)) + "。",
                        Summary = "该信息已主动公开，告知申请人可在昆都仑区人民政府门户网站“政府信息公开”专栏查阅、下载。",
                    };
                case DecisionType.PartiallyDisclosed:
                    return script with
                    {
                        Description = Fill("{place}房屋征收项目的分户补偿情况汇总表") + "。",
                        AssignTo = Housing,
                        Summary = "部分公开：提供分户补偿情况汇总表，其中被征收人姓名、身份证号码、银行账号等个人信息已作区分处理。",
                    };
                case DecisionType.WithheldThirdPartyRights:
                    var (tpTopic, party, opinion) = Pick(ThirdPartyTopics);
                    return script with
                    {
                        Description = Fill(tpTopic) + "。",
                        AssignTo = Housing,
                        Consultation = new DemoConsultation(PauseReason.ThirdPartyConsultation, party, opinion),
                        Summary = "不予公开：所申请信息涉及第三方商业秘密或个人隐私，经书面征求意见，第三方不同意公开，且不公开不会对公共利益造成重大影响。",
                    };
                case DecisionType.WithheldProcessInformation:
                    return script with
                    {
                        Description = Fill("区政府研究{place}征收工作的内部讨论记录及征求意见稿") + "。",
                        Summary = "不予公开：所申请信息属于行政机关在履行职责过程中形成的讨论记录、过程稿，属于过程性信息（条例第十六条第二款）。",
                    };
                case DecisionType.WithheldInternalAffairs:
                    return script with
                    {
                        Description = "区政府办公室2024年内部考勤及请销假管理制度。",
                        Summary = "不予公开：所申请信息属于行政机关内部管理信息（条例第十六条第一款）。",
                    };
                case DecisionType.WithheldLawEnforcementFile:
                    return script with
                    {
                        Description = Fill("区政府对{place}某企业作出安全生产行政处罚的全部案卷材料") + "。",
                        AssignTo = "包头市昆都仑区应急管理局",
                        Summary = "不予公开：所申请信息属于行政执法案卷信息（条例第十六条第二款），可依照有关法律法规申请查阅。",
                    };
                case DecisionType.NeedsCreation:
                    return script with
                    {
                        Description = Fill("{year}年至今全区所有被征收户的补偿金额按户统计表") + "。",
                        AssignTo = Housing,
                        Summary = "无法提供：本机关没有现成的按户统计表，需要对现有信息进行加工、分析才能形成，依照条例第三十八条不予提供。",
                    };
                case DecisionType.UnclearAfterCorrection:
                    return script with
                    {
                        Description = "关于我家那块地的所有文件。",
                        Correction = DemoCorrection.Received,
                        Summary = "无法提供：经补正，申请内容仍不明确，无法确定所需信息的名称、文号或其他特征描述（条例第三十条）。",
                    };
                case DecisionType.PetitionOrComplaint:
                    return script with
                    {
                        Description = Fill("要求区政府查处{place}物业公司乱收费问题并书面答复处理结果") + "。",
                        Summary = "所提事项属于投诉举报，不属于政府信息公开申请，已告知通过12345政务服务便民热线或信访渠道反映（条例第三十九条）。",
                    };
                case DecisionType.RepeatedApplication:
                    return script with
                    {
                        Description = Fill("区政府关于{place}房屋征收决定的文件（本人曾申请过）") + "。",
                        Summary = "申请人此前已就同一内容提出申请并已获答复，本次属于重复申请，不予重复处理（条例第三十六条第六项）。",
                    };
                case DecisionType.PublicationRequested:
                    return script with
                    {
                        Description = "《包头市昆都仑区志（2006—2020）》纸质书一册。",
                        Summary = "所申请的是公开出版物，告知申请人可通过公共图书馆或出版发行渠道获取（条例第三十九条第二款）。",
                    };
                case DecisionType.CorrectionOverdue:
                    return script with
                    {
                        Description = "区政府关于那个项目的文件。",
                        Correction = DemoCorrection.Lapsed,
                        Summary = string.Empty,
                    };
                case DecisionType.Other:
                    return script with
                    {
                        Description = Fill("{year}年{place}老旧小区改造工程的施工合同") + "。",
                        AssignTo = Housing,
                        Summary = "申请人来电表示已从社区获取所需信息，书面撤回申请。",
                    };
                case DecisionType.FeeNotPaid:
                    return script with
                    {
                        Description = "区政府2019年至2022年全部会议纪要的纸质复制件。",
                        Fee = new DemoFee(FeeMethod.PerPage, 160, Paid: false, "复制件约 160 页，按量计收（超额累进）。"),
                        Summary = string.Empty,
                    };
                default:
                    throw new ArgumentOutOfRangeException(nameof(decision));
            }
        }

        private Channel PickChannel() => _random.Next(20) switch
        {
            < 8 => Channel.InPerson,
            < 12 => Channel.PostSigned,
            < 17 => Channel.Online,
            < 18 => Channel.PostOrdinary,
            _ => Channel.Email,
        };

        /// <summary>Some people apply again and again, most once or twice.</summary>
        private DemoApplicant NextPerson()
        {
            if (_nextPerson < 45 && _random.Next(3) > 0)
            {
                return _persons[_nextPerson++];
            }

            return _persons[_random.Next(Math.Max(1, Math.Min(_nextPerson, 45)))];
        }

        private DemoApplicant Person(int i)
        {
            var name = Surnames[(i * 7 + year) % Surnames.Length] + GivenNames[(i * 11 + (year * 3)) % GivenNames.Length];
            var birth = new DateOnly(1950 + _random.Next(50), 1 + _random.Next(12), 1 + _random.Next(28));
            var first17 = $"{Regions[i % Regions.Length]}{birth:yyyyMMdd}{(year % 10 * 100) + i:D3}";
            return new DemoApplicant(ApplicantType.NaturalPerson, name, IdDocumentType.ResidentIdCard, first17 + IdCheckDigit(first17), $"138000{(year % 10) + 2}{i:D4}"[..11]);
        }

        private DemoApplicant Organisation(ApplicantType type)
        {
            var n = _random.Next(1000, 9999);
            var (name, prefix, contact) = type switch
            {
                ApplicantType.CommercialEnterprise => (Pick(["包头市某房地产开发有限公司", "内蒙古某建筑工程有限公司", "包头市某物资贸易有限公司", "包头市某物业服务有限公司"]), "91150203MA0", "经办人" + Pick(Surnames) + "经理"),
                ApplicantType.LegalServiceInstitution => ("内蒙古某律师事务所", "31150000MD0", Pick(Surnames) + "律师"),
                ApplicantType.ResearchInstitution => ("包头市某城市规划研究院", "12150200MB0", Pick(Surnames) + "研究员"),
                ApplicantType.SocialWelfareOrganization => ("包头市昆都仑区某助老服务中心", "52150203MJ0", Pick(Surnames) + "主任"),
                _ => ("昆都仑区某小区业主委员会", "53150203MK0", Pick(Surnames) + "主任"),
            };
            var first17 = $"{prefix}{year % 100:D2}{n:D4}";
            return new DemoApplicant(type, name + "（演示）", IdDocumentType.CreditCode, first17 + CreditCheckCharacter(first17), $"0472-5{year % 10}{n:D4}0"[..12], contact);
        }

        private List<DateOnly> WorkingDays(DateOnly from, DateOnly to)
        {
            var days = new List<DateOnly>();
            for (var d = from; d <= to; d = d.AddDays(1))
            {
                if (calendar.IsWorkingDay(d))
                {
                    days.Add(d);
                }
            }

            return days;
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private void Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = _random.Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
#pragma warning restore CA5394
    }
}
