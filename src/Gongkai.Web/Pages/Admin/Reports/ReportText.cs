using Gongkai.Core.Reports;
using Gongkai.Data.Reports;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>Chinese words the report pages share.</summary>
public static class ReportText
{
    public static string Status(AnnualReportStatus? status) => status is { } s ? UseCases.Reports.ReportRules.StatusName(s) : "未编制";

    public static string StatusClass(AnnualReportStatus? status) => status == AnnualReportStatus.Returned ? "badge overdue" : "badge";

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "错误",
        FindingSeverity.Warning => "提示",
        _ => "无法核对",
    };

    public static string Date(DateOnly d) => d.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
}
