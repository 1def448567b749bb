using Gongkai.Core.Common;

namespace Gongkai.Core.Publishing;

/// <summary>Where a catalogue item stands in 三审三校 (draft → 初审 → 复审 → 终审 → 校对 → 待发布 → 已发布, or 已撤回).</summary>
public enum ItemStage
{
    /// <summary>草稿 (also after a return, and while a published item is being revised).</summary>
    Draft = 0,

    /// <summary>待初审: the editor checks language and completeness.</summary>
    FirstReview = 1,

    /// <summary>待复审: the section head checks facts and document conventions.</summary>
    SecondReview = 2,

    /// <summary>待终审: the responsible leader checks orientation and policy and decides to publish.</summary>
    FinalReview = 3,

    /// <summary>校对中: proofreading rounds, each by a named proofreader.</summary>
    Proofreading = 4,

    /// <summary>待发布: reviewed and proofread; a publisher publishes it now or at a set time.</summary>
    ReadyToPublish = 5,

    /// <summary>已发布 (possibly at a set time still to come).</summary>
    Published = 6,

    /// <summary>已撤回, with a public reason.</summary>
    Withdrawn = 7,
}

/// <summary>The four first-level directories of the 政府信息公开 column (国办公开办函〔2019〕61号 as implemented).</summary>
public enum ColumnDirectory
{
    /// <summary>政府信息公开指南</summary>
    Guide = 1,

    /// <summary>政府信息公开制度</summary>
    Rules = 2,

    /// <summary>法定主动公开内容</summary>
    Statutory = 3,

    /// <summary>政府信息公开工作年度报告</summary>
    AnnualReports = 4,
}

/// <summary>公开属性, decided when the item is drafted; only 主动公开 items are published.</summary>
public enum DisclosureAttribute
{
    /// <summary>主动公开</summary>
    Proactive = 0,

    /// <summary>依申请公开</summary>
    OnRequest = 1,

    /// <summary>不予公开</summary>
    NotDisclosed = 2,
}

/// <summary>An ordinary item, or a 政策解读 linked to the documents it interprets.</summary>
public enum ItemKind
{
    /// <summary>信息</summary>
    Information = 0,

    /// <summary>政策解读</summary>
    Interpretation = 1,
}

/// <summary>The fixed names of the catalogue's enumerations and the statutory lists of 条例第二十条 and 第二十一条.</summary>
public static class CatalogueNames
{
    public static string Of(ItemStage stage) => stage switch
    {
        ItemStage.Draft => "草稿",
        ItemStage.FirstReview => "待初审",
        ItemStage.SecondReview => "待复审",
        ItemStage.FinalReview => "待终审",
        ItemStage.Proofreading => "校对中",
        ItemStage.ReadyToPublish => "待发布",
        ItemStage.Published => "已发布",
        ItemStage.Withdrawn => "已撤回",
        _ => stage.ToString(),
    };

    public static string Of(ColumnDirectory directory) => directory switch
    {
        ColumnDirectory.Guide => "政府信息公开指南",
        ColumnDirectory.Rules => "政府信息公开制度",
        ColumnDirectory.Statutory => "法定主动公开内容",
        ColumnDirectory.AnnualReports => "政府信息公开工作年度报告",
        _ => directory.ToString(),
    };

    public static string Of(DisclosureAttribute attribute) => attribute switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnRequest => "依申请公开",
        DisclosureAttribute.NotDisclosed => "不予公开",
        _ => attribute.ToString(),
    };

    public static string Of(ItemKind kind) => kind == ItemKind.Interpretation ? "政策解读" : "信息";

    /// <summary>条例第二十条 （一）–（十五）, index 0 is item 1.</summary>
    public static IReadOnlyList<string> Article20 { get; } =
    [
        "行政法规、规章和规范性文件",
        "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名",
        "国民经济和社会发展规划、专项规划、区域规划及相关政策",
        "国民经济和社会发展统计信息",
        "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
        "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定",
        "财政预算、决算信息",
        "行政事业性收费项目及其依据、标准",
        "政府集中采购项目的目录、标准及实施情况",
        "重大建设项目的批准和实施情况",
        "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况",
        "突发公共事件的应急预案、预警信息及应对情况",
        "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况",
        "公务员招考的职位、名额、报考条件等事项以及录用结果",
        "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息",
    ];

    /// <summary>第二十一条 for 设区的市级、县级人民政府 and their departments.</summary>
    public static IReadOnlyList<string> Article21County { get; } = ["市政建设", "公共服务", "公益事业", "土地征收", "房屋征收", "治安管理", "社会救助"];

    /// <summary>第二十一条 for 乡（镇）人民政府.</summary>
    public static IReadOnlyList<string> Article21Township { get; } = ["贯彻落实农业农村政策", "农田水利工程建设运营", "农村土地承包经营权流转", "宅基地使用情况审核", "土地征收", "房屋征收", "筹资筹劳", "社会救助"];

    /// <summary>“（十一）扶贫、教育…” for item 1–15.</summary>
    public static string Article20Label(int item) => item is >= 1 and <= 15 ? $"（{ChineseNumber(item)}）{Article20[item - 1]}" : item.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ChineseNumber(int n) => n switch
    {
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        _ => "十" + "一二三四五"[n - 11],
    };
}

/// <summary>A review already approved in the current cycle (since the item was last submitted).</summary>
public sealed record ReviewApproval(ItemStage Stage, string ActorId, string ActorName);

/// <summary>
/// The 三审三校 rules: the order of the stages, that one person never does two of the three reviews of the same
/// submission, and how proofreading rounds end. Pure; the use cases load the history and apply them.
/// </summary>
public static class ReviewWorkflow
{
    public const int DefaultProofreadingRounds = 3;

    public const int MinProofreadingRounds = 3;

    public const int MaxProofreadingRounds = 9;

    public static bool IsReview(ItemStage stage) => stage is ItemStage.FirstReview or ItemStage.SecondReview or ItemStage.FinalReview;

    /// <summary>The stage after an approval at <paramref name="stage"/> (proofreading moves on by rounds).</summary>
    public static (ItemStage Stage, int Round) AfterApproval(ItemStage stage, int round, int rounds) => stage switch
    {
        ItemStage.FirstReview => (ItemStage.SecondReview, 0),
        ItemStage.SecondReview => (ItemStage.FinalReview, 0),
        ItemStage.FinalReview => (ItemStage.Proofreading, 1),
        ItemStage.Proofreading when round < rounds => (ItemStage.Proofreading, round + 1),
        ItemStage.Proofreading => (ItemStage.ReadyToPublish, 0),
        _ => throw new DomainException("catalogue.stage", $"“{CatalogueNames.Of(stage)}”的信息不能审核通过。"),
    };

    /// <summary>Null when <paramref name="actorId"/> may review at <paramref name="stage"/>; otherwise why not (in Chinese).</summary>
    public static string? SeparationProblem(ItemStage stage, string actorId, IEnumerable<ReviewApproval> approvalsThisCycle)
    {
        ArgumentNullException.ThrowIfNull(approvalsThisCycle);
        if (!IsReview(stage))
        {
            return null;
        }

        var earlier = approvalsThisCycle.FirstOrDefault(a => IsReview(a.Stage) && a.Stage != stage && a.ActorId == actorId);
        return earlier is null
            ? null
            : $"您已完成本信息的{StepName(earlier.Stage)}，同一人不能承担初审、复审、终审中的两项，请由其他人员{StepName(stage)}。";
    }

    /// <summary>初审, 复审, 终审, 校对.</summary>
    public static string StepName(ItemStage stage) => stage switch
    {
        ItemStage.FirstReview => "初审",
        ItemStage.SecondReview => "复审",
        ItemStage.FinalReview => "终审",
        ItemStage.Proofreading => "校对",
        _ => CatalogueNames.Of(stage),
    };
}
