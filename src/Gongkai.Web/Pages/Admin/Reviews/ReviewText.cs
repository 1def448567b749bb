using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;

namespace Gongkai.Web.Pages.Admin.Reviews;

/// <summary>The Chinese words of the review-case pages.</summary>
public static class ReviewText
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>The status filter's choices: 尚未审结 and the three table-四 outcomes.</summary>
    public static string Status(ReviewYearStatus status) => status switch
    {
        ReviewYearStatus.Pending => "尚未审结",
        _ => ReviewOutcomeCatalog.Name((ReviewOutcome)status),
    };

    public static string BodyLabel(ReviewKind kind) => kind == ReviewKind.AdministrativeReview ? "复议机关" : "人民法院";

    public static string FiledLabel(ReviewKind kind) => kind == ReviewKind.AdministrativeReview ? "申请复议日期" : "立案日期";

    public static string CopyLabel(ReviewKind kind) => kind == ReviewKind.AdministrativeReview ? "行政复议申请书副本" : "起诉状副本";

    public static string ConcludedLabel(ReviewKind kind) => kind == ReviewKind.AdministrativeReview ? "复议决定日期" : "判决或裁定日期";

    /// <summary>The legal basis of the answer period shown beside the answer due date.</summary>
    public static string AnswerBasis(ReviewKind kind) => kind == ReviewKind.AdministrativeReview
        ? $"行政复议法第四十八条：收到副本之日起 {ReviewRules.ReviewAnswerDays} 日内提出书面答复"
        : $"行政诉讼法第六十七条：收到起诉状副本之日起 {ReviewRules.SuitAnswerDays} 日内提交答辩状";

    /// <summary>The legal basis of the applicant's filing period.</summary>
    public static string FilingBasis(ReviewKind kind) => kind switch
    {
        ReviewKind.AdministrativeReview => $"行政复议法第二十条：自知道答复决定之日起 {ReviewRules.ReviewFilingDays} 日（自送达之日起算）",
        ReviewKind.LitigationDirect => $"行政诉讼法第四十六条：自知道答复决定之日起 {ReviewRules.DirectSuitMonths} 个月（自送达之日起算）",
        _ => $"行政诉讼法第四十五条：收到复议决定书之日起 {ReviewRules.SuitAfterReviewDays} 日",
    };

    public static ReviewKind KindOf(Table4Block block) => block switch
    {
        Table4Block.AdministrativeReview => ReviewKind.AdministrativeReview,
        Table4Block.LitigationDirect => ReviewKind.LitigationDirect,
        _ => ReviewKind.LitigationAfterReview,
    };
}
