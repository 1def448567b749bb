using Gongkai.Core.Reports;

namespace Gongkai.Core.Cases;

/// <summary>The kind of a 行政复议 or 行政诉讼 case in which the agency is 被申请人 or 被告 (the blocks of table 四).</summary>
public enum ReviewKind
{
    /// <summary>行政复议</summary>
    AdministrativeReview,

    /// <summary>行政诉讼：未经复议直接起诉</summary>
    LitigationDirect,

    /// <summary>行政诉讼：复议后起诉</summary>
    LitigationAfterReview,
}

/// <summary>The outcome of a review or suit as counted in table 四; no outcome is 尚未审结.</summary>
public enum ReviewOutcome
{
    /// <summary>结果维持</summary>
    Upheld,

    /// <summary>结果纠正</summary>
    Corrected,

    /// <summary>其他结果</summary>
    Other,
}

/// <summary>The specific outcome of a 复议决定 or 判决/裁定 (see <see cref="ReviewOutcomeCatalog"/>).</summary>
public enum ReviewOutcomeDetail
{
    /// <summary>维持（复议）/ 驳回诉讼请求（诉讼，被诉行为合法）</summary>
    Upheld,

    /// <summary>撤销</summary>
    Revoked,

    /// <summary>变更</summary>
    Varied,

    /// <summary>确认违法</summary>
    ConfirmedUnlawful,

    /// <summary>责令履行</summary>
    OrderedToPerform,

    /// <summary>终止（复议终止 / 诉讼终结、撤诉）</summary>
    Terminated,

    /// <summary>驳回（驳回复议申请 / 驳回起诉）</summary>
    Dismissed,

    /// <summary>其他</summary>
    Other,
}

/// <summary>What a document attached to a review case is (see <see cref="ReviewDocuments"/>).</summary>
public enum ReviewDocumentKind
{
    /// <summary>行政复议申请书副本 / 起诉状副本</summary>
    FilingCopy,

    /// <summary>答复书（复议）/ 答辩状（诉讼）</summary>
    Answer,

    /// <summary>证据材料（作出答复决定的证据、依据）</summary>
    Evidence,

    /// <summary>行政复议决定书</summary>
    ReviewDecision,

    /// <summary>判决书</summary>
    Judgment,

    /// <summary>裁定书</summary>
    Ruling,

    /// <summary>其他材料（通知书、委托书等）</summary>
    Other,
}

/// <summary>The Chinese names of review documents, and which exist for a kind of case.</summary>
public static class ReviewDocuments
{
    public static string Name(ReviewDocumentKind document, ReviewKind kind) => document switch
    {
        ReviewDocumentKind.FilingCopy => kind == ReviewKind.AdministrativeReview ? "行政复议申请书副本" : "起诉状副本",
        ReviewDocumentKind.Answer => kind == ReviewKind.AdministrativeReview ? "答复书" : "答辩状",
        ReviewDocumentKind.Evidence => "证据材料",
        ReviewDocumentKind.ReviewDecision => "行政复议决定书",
        ReviewDocumentKind.Judgment => "判决书",
        ReviewDocumentKind.Ruling => "裁定书",
        ReviewDocumentKind.Other => "其他材料",
        _ => throw new ArgumentOutOfRangeException(nameof(document)),
    };

    /// <summary>The documents of a kind of case, in the order they usually arrive (a 复议后起诉 also keeps the 复议决定书).</summary>
    public static IReadOnlyList<ReviewDocumentKind> For(ReviewKind kind) => kind switch
    {
        ReviewKind.AdministrativeReview => [ReviewDocumentKind.FilingCopy, ReviewDocumentKind.Answer, ReviewDocumentKind.Evidence, ReviewDocumentKind.ReviewDecision, ReviewDocumentKind.Other],
        ReviewKind.LitigationDirect => [ReviewDocumentKind.FilingCopy, ReviewDocumentKind.Answer, ReviewDocumentKind.Evidence, ReviewDocumentKind.Judgment, ReviewDocumentKind.Ruling, ReviewDocumentKind.Other],
        _ => [ReviewDocumentKind.FilingCopy, ReviewDocumentKind.Answer, ReviewDocumentKind.Evidence, ReviewDocumentKind.ReviewDecision, ReviewDocumentKind.Judgment, ReviewDocumentKind.Ruling, ReviewDocumentKind.Other],
    };
}

/// <summary>One specific outcome: its Chinese name, the table-四 column it counts in, and which kinds it applies to.</summary>
public sealed record ReviewOutcomeInfo(ReviewOutcomeDetail Detail, string ReviewName, string? LitigationName, ReviewOutcome CountsAs)
{
    /// <summary>Whether the outcome exists for the kind (a null name means it does not).</summary>
    public bool AppliesTo(ReviewKind kind) => kind == ReviewKind.AdministrativeReview || LitigationName is not null;

    public string Name(ReviewKind kind) => kind == ReviewKind.AdministrativeReview ? ReviewName : LitigationName ?? ReviewName;
}

/// <summary>
/// Which specific outcomes count as 维持 / 纠正 / 其他 in table 四. The statutes do not say; this is the common practice
/// (撤销、变更、确认违法、责令履行 are 纠正; 终止、驳回、其他 are 其他), kept as data so a province can change it in one place.
/// The wording differs between 复议 and 诉讼 (维持 vs 判决驳回诉讼请求); 变更 is 复议 only, since a court varies only a
/// 行政处罚 (行政诉讼法第七十七条) and a disclosure decision is not one.
/// </summary>
public static class ReviewOutcomeCatalog
{
    public static IReadOnlyList<ReviewOutcomeInfo> All { get; } =
    [
        new(ReviewOutcomeDetail.Upheld, "维持", "判决驳回诉讼请求（维持）", ReviewOutcome.Upheld),
        new(ReviewOutcomeDetail.Revoked, "撤销", "判决撤销", ReviewOutcome.Corrected),
        new(ReviewOutcomeDetail.Varied, "变更", null, ReviewOutcome.Corrected),
        new(ReviewOutcomeDetail.ConfirmedUnlawful, "确认违法", "判决确认违法", ReviewOutcome.Corrected),
        new(ReviewOutcomeDetail.OrderedToPerform, "责令履行", "判决履行", ReviewOutcome.Corrected),
        new(ReviewOutcomeDetail.Terminated, "终止", "终结诉讼或准予撤诉", ReviewOutcome.Other),
        new(ReviewOutcomeDetail.Dismissed, "驳回复议申请", "裁定驳回起诉", ReviewOutcome.Other),
        new(ReviewOutcomeDetail.Other, "其他", "其他", ReviewOutcome.Other),
    ];

    private static readonly Dictionary<ReviewOutcomeDetail, ReviewOutcomeInfo> ByDetail = All.ToDictionary(x => x.Detail);

    public static ReviewOutcomeInfo Of(ReviewOutcomeDetail detail) => ByDetail[detail];

    public static ReviewOutcome CountsAs(ReviewOutcomeDetail detail) => ByDetail[detail].CountsAs;

    /// <summary>The outcomes that exist for a kind.</summary>
    public static IEnumerable<ReviewOutcomeInfo> For(ReviewKind kind) => All.Where(x => x.AppliesTo(kind));

    public static string Name(ReviewOutcome outcome) => outcome switch
    {
        ReviewOutcome.Upheld => "结果维持",
        ReviewOutcome.Corrected => "结果纠正",
        _ => "其他结果",
    };
}

/// <summary>
/// The calendar-day periods of 行政复议 and 行政诉讼 in which a disclosure agency is 被申请人 or 被告. All periods count
/// from the day after the start date (次日起算) in calendar days or months; the extension of a period ending on a
/// holiday (期间届满的最后一日是法定节假日的，以节假日后的第一日为期间届满的日期) is not applied here: the dates shown are
/// the unextended ones, which are never later than the legal ones.
/// </summary>
public static class ReviewRules
{
    /// <summary>行政复议法（2023）第二十条：60 days from knowing of the decision.</summary>
    public const int ReviewFilingDays = 60;

    /// <summary>行政诉讼法第四十六条：6 months from knowing of the decision.</summary>
    public const int DirectSuitMonths = 6;

    /// <summary>行政诉讼法第四十五条：15 days from receiving the 复议决定.</summary>
    public const int SuitAfterReviewDays = 15;

    /// <summary>行政复议法第四十八条：答复 and evidence within 10 days of receiving the copy.</summary>
    public const int ReviewAnswerDays = 10;

    /// <summary>行政诉讼法第六十七条：答辩状 within 15 days of receiving the copy of the complaint.</summary>
    public const int SuitAnswerDays = 15;

    public static string Name(ReviewKind kind) => kind switch
    {
        ReviewKind.AdministrativeReview => "行政复议",
        ReviewKind.LitigationDirect => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };

    public static bool IsLitigation(ReviewKind kind) => kind != ReviewKind.AdministrativeReview;

    /// <summary>The last day for the agency's 答复 (复议) or 答辩状 (诉讼), counted from the day it received the copy.</summary>
    public static DateOnly AnswerDue(ReviewKind kind, DateOnly copyReceived) =>
        copyReceived.AddDays(kind == ReviewKind.AdministrativeReview ? ReviewAnswerDays : SuitAnswerDays);

    /// <summary>
    /// The last day the applicant could file: 复议 60 days and direct suit 6 months from the day the applicant received
    /// the decision (the application's 送达 date); a suit after review 15 days from the day the 复议决定 was made (the
    /// review case's conclusion date, taken as the day it was received). Null when the start is not known.
    /// </summary>
    public static DateOnly? FilingDeadline(ReviewKind kind, DateOnly? decisionServed, DateOnly? reviewConcluded) => kind switch
    {
        ReviewKind.AdministrativeReview => decisionServed?.AddDays(ReviewFilingDays),
        ReviewKind.LitigationDirect => decisionServed?.AddMonths(DirectSuitMonths),
        _ => reviewConcluded?.AddDays(SuitAfterReviewDays),
    };

    /// <summary>
    /// Where a case counts in table 四 for <paramref name="year"/>, or null when it does not count that year.
    /// Convention: a case counts in every year from the year it was filed until the year it concludes. In a year before
    /// the one it concludes in (or while it has no conclusion) it is 尚未审结 at 31 December; in the year it concludes
    /// it counts by its outcome; after that it does not count. So a case filed in 2025 and concluded in 2026 is 尚未审结
    /// in the 2025 report and 维持/纠正/其他 in the 2026 report.
    /// </summary>
    public static ReviewYearStatus? YearEndStatus(int year, DateOnly filed, DateOnly? concluded, ReviewOutcome? outcome)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        if (filed > yearEnd)
        {
            return null;
        }

        if (concluded is not { } c || outcome is not { } o || c > yearEnd)
        {
            return ReviewYearStatus.Pending;
        }

        return c.Year == year ? (ReviewYearStatus)o : null;
    }

    /// <summary>The table-四 block of a kind.</summary>
    public static Table4Block Block(ReviewKind kind) => kind switch
    {
        ReviewKind.AdministrativeReview => Table4Block.AdministrativeReview,
        ReviewKind.LitigationDirect => Table4Block.LitigationDirect,
        _ => Table4Block.LitigationAfterReview,
    };
}

/// <summary>A case's column in table 四 for one year (in the table's order: 维持, 纠正, 其他, 尚未审结).</summary>
public enum ReviewYearStatus
{
    /// <summary>结果维持</summary>
    Upheld = ReviewOutcome.Upheld,

    /// <summary>结果纠正</summary>
    Corrected = ReviewOutcome.Corrected,

    /// <summary>其他结果</summary>
    Other = ReviewOutcome.Other,

    /// <summary>尚未审结</summary>
    Pending = 3,
}
