using Gongkai.Core.Cases;

namespace Gongkai.Data.Cases;

/// <summary>
/// A 行政复议 or 行政诉讼 case in which an agency is 被申请人 or 被告, usually about a decision on an application (it
/// may also concern proactive disclosure, then there is no application). Counted in table 四 of the annual report.
/// </summary>
public sealed class ReviewCaseRecord
{
    public long Id { get; set; }

    /// <summary>被申请人 / 被告.</summary>
    public int AgencyId { get; set; }

    /// <summary>The application whose decision is challenged, if any.</summary>
    public long? ApplicationId { get; set; }

    public ReviewKind Kind { get; set; }

    /// <summary>The 复议 a 复议后起诉 follows (required for <see cref="ReviewKind.LitigationAfterReview"/>).</summary>
    public long? PreviousReviewId { get; set; }

    /// <summary>复议或案件编号, e.g. 包昆复〔2026〕12号.</summary>
    public string ExternalNumber { get; set; } = string.Empty;

    /// <summary>复议机关 or 人民法院.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>申请复议 or 立案 date.</summary>
    public DateOnly Filed { get; set; }

    /// <summary>The day the agency received the copy of the application or complaint: the answer period counts from it.</summary>
    public DateOnly? CopyReceived { get; set; }

    /// <summary>The day the 答复 (复议) or 答辩状 (诉讼) was filed.</summary>
    public DateOnly? AnswerFiled { get; set; }

    /// <summary>Table-四 outcome; null is 尚未审结.</summary>
    public ReviewOutcome? Outcome { get; set; }

    public ReviewOutcomeDetail? OutcomeDetail { get; set; }

    /// <summary>复议决定 or 判决/裁定 date.</summary>
    public DateOnly? Concluded { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }

    public string RegisteredBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency.</summary>
    public int Version { get; set; }

    /// <summary>The submit key of the registration form: a resubmitted form finds this case instead of registering another.</summary>
    public string? IdempotencyKey { get; set; }
}

/// <summary>
/// One entry of a review case's history (登记、答复、结果、材料): who, when and what, in Chinese. Append-only in the
/// database (see <see cref="AppendOnlyTables"/>), like the application history.
/// </summary>
public sealed class ReviewCaseEventRecord
{
    public long Id { get; set; }

    public long ReviewCaseId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary>What was done (a <c>ReviewCaseEvents</c> name: Registered, AnswerRecorded, OutcomeRecorded, DocumentAdded).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The procedural date of the step (filed, answer filed, concluded), when it has one.</summary>
    public DateOnly? OnDate { get; set; }

    /// <summary>What happened, in Chinese.</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>The submit key of the request that made the entry: a repeated submit is recognised and not applied twice.</summary>
    public string? RequestKey { get; set; }
}

/// <summary>A document of a review case (复议申请书副本、答复书、证据、复议决定书、判决书…), kept in the file store; metadata here.</summary>
public sealed class ReviewDocumentRecord
{
    public long Id { get; set; }

    public long ReviewCaseId { get; set; }

    public ReviewDocumentKind Kind { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public string StorageKey { get; set; } = string.Empty;

    public DateTimeOffset UploadedAt { get; set; }

    public string UploadedBy { get; set; } = string.Empty;
}
