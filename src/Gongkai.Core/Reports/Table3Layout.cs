using System.Collections.Frozen;

namespace Gongkai.Core.Reports;

/// <summary>What part a table-三 row plays in the table's sum rules.</summary>
public enum Table3RowRole
{
    /// <summary>一 本年新收 or 二 上年结转: the left side of R2.</summary>
    Intake = 0,

    /// <summary>One of the result rows （一）…（六）: summed by R3.</summary>
    Result = 1,

    /// <summary>（七）总计.</summary>
    Total = 2,

    /// <summary>四 结转下年度继续办理.</summary>
    CarriedForward = 3,
}

/// <summary>A row of table 三: its stable key, the label as printed in the national format, and its role.</summary>
/// <param name="Key">Stable snake_case key used in JSON.</param>
/// <param name="Group">The printed group label (e.g. "（三）不予公开"), empty when the row has none.</param>
/// <param name="Label">The row's own printed label (e.g. "1.属于国家秘密").</param>
/// <param name="Role">Its part in R2/R3.</param>
public sealed record Table3Row(string Key, string Group, string Label, Table3RowRole Role)
{
    /// <summary>The full label: group followed by the row's own label.</summary>
    public string FullLabel => Group.Length == 0 ? Label : Group + " " + Label;
}

/// <summary>A column of table 三 (申请人情况).</summary>
public sealed record Table3Column(int Index, string Key, string Label);

/// <summary>The rows and columns of table 三 (收到和处理政府信息公开申请情况) in each format.</summary>
public static class Table3Layout
{
    public const int ColumnCount = 7;
    public const int TotalColumn = 6;

    public static IReadOnlyList<Table3Column> Columns { get; } =
    [
        new(0, "natural_person", "自然人"),
        new(1, "commercial_enterprise", "商业企业"),
        new(2, "research_institution", "科研机构"),
        new(3, "social_welfare_organization", "社会公益组织"),
        new(4, "legal_service_institution", "法律服务机构"),
        new(5, "other", "其他"),
        new(6, "total", "总计"),
    ];

    /// <summary>The 25 rows of the 2021 format, in printed order.</summary>
    public static IReadOnlyList<Table3Row> Rows2021 { get; } =
    [
        new("new_received", "", "一、本年新收政府信息公开申请数量", Table3RowRole.Intake),
        new("carried_over", "", "二、上年结转政府信息公开申请数量", Table3RowRole.Intake),
        new("granted", "三、本年度办理结果", "（一）予以公开", Table3RowRole.Result),
        new("partially_granted", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", Table3RowRole.Result),
        new("withheld_state_secret", "（三）不予公开", "1.属于国家秘密", Table3RowRole.Result),
        new("withheld_other_law", "（三）不予公开", "2.其他法律行政法规禁止公开", Table3RowRole.Result),
        new("withheld_three_safeties_one_stability", "（三）不予公开", "3.危及“三安全一稳定”", Table3RowRole.Result),
        new("withheld_third_party_rights", "（三）不予公开", "4.保护第三方合法权益", Table3RowRole.Result),
        new("withheld_internal_affairs", "（三）不予公开", "5.属于三类内部事务信息", Table3RowRole.Result),
        new("withheld_process_info", "（三）不予公开", "6.属于四类过程性信息", Table3RowRole.Result),
        new("withheld_law_enforcement_file", "（三）不予公开", "7.属于行政执法案卷", Table3RowRole.Result),
        new("withheld_administrative_query", "（三）不予公开", "8.属于行政查询事项", Table3RowRole.Result),
        new("unavailable_not_held", "（四）无法提供", "1.本机关不掌握相关政府信息", Table3RowRole.Result),
        new("unavailable_needs_creation", "（四）无法提供", "2.没有现成信息需要另行制作", Table3RowRole.Result),
        new("unavailable_unclear_after_correction", "（四）无法提供", "3.补正后申请内容仍不明确", Table3RowRole.Result),
        new("not_processed_petition_complaint", "（五）不予处理", "1.信访举报投诉类申请", Table3RowRole.Result),
        new("not_processed_repeated", "（五）不予处理", "2.重复申请", Table3RowRole.Result),
        new("not_processed_publication", "（五）不予处理", "3.要求提供公开出版物", Table3RowRole.Result),
        new("not_processed_massive_unreasonable", "（五）不予处理", "4.无正当理由大量反复申请", Table3RowRole.Result),
        new("not_processed_confirm_or_reissue", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息", Table3RowRole.Result),
        new("other_no_correction_overdue", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Table3RowRole.Result),
        new("other_fee_not_paid", "（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Table3RowRole.Result),
        new("other_other", "（六）其他处理", "3.其他", Table3RowRole.Result),
        new("total_processed", "", "（七）总计", Table3RowRole.Total),
        new("carried_forward", "", "四、结转下年度继续办理", Table3RowRole.CarriedForward),
    ];

    /// <summary>The 23 rows of the 2019 trial format: （六）其他处理 is a single row.</summary>
    public static IReadOnlyList<Table3Row> Rows2019 { get; } =
    [
        .. Rows2021.Where(r => !r.Key.StartsWith("other_", StringComparison.Ordinal) && r.Role != Table3RowRole.Total && r.Role != Table3RowRole.CarriedForward),
        new("other", "", "（六）其他处理", Table3RowRole.Result),
        .. Rows2021.Where(r => r.Role is Table3RowRole.Total or Table3RowRole.CarriedForward),
    ];

    private static readonly FrozenDictionary<string, Table3Row> ByKey =
        Rows2021.Concat(Rows2019).DistinctBy(r => r.Key).ToFrozenDictionary(r => r.Key, StringComparer.Ordinal);

    public static IReadOnlyList<Table3Row> RowsOf(ReportFormat format) => format == ReportFormat.V2019 ? Rows2019 : Rows2021;

    public static Table3Row Row(string key) => ByKey[key];

    public static string ColumnLabel(int column) => Columns[column].Label;
}
