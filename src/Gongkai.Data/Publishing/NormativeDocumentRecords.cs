using Gongkai.Core.Publishing;

namespace Gongkai.Data.Publishing;

/// <summary>
/// A 规章 or 行政规范性文件 in the agency's register: its 文号, title, 印发 (issue) and 施行 (effective) dates, its term
/// (有效期至, for documents with one) and, once repealed, the repeal date. Changes are recorded as events; the dates here
/// are the current state.
/// </summary>
public sealed class NormativeDocumentRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public NormativeDocumentKind Kind { get; set; }

    public string Title { get; set; } = string.Empty;

    /// <summary>文号, e.g. 昆政发〔2024〕3号; unique per agency.</summary>
    public string DocumentNumber { get; set; } = string.Empty;

    /// <summary>印发日期 (counts as 制发 in table 二).</summary>
    public DateOnly Issued { get; set; }

    /// <summary>施行日期.</summary>
    public DateOnly? Effective { get; set; }

    /// <summary>有效期至 (null: no term).</summary>
    public DateOnly? Expires { get; set; }

    /// <summary>废止日期 (null: not repealed).</summary>
    public DateOnly? Repealed { get; set; }

    /// <summary>The document that repealed or replaced it, as its 文号 or title (optional).</summary>
    public string? RepealedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>One change of a registered document (append-only): 登记, 修改 (amended), 废止, 有效期调整, 更正登记信息.</summary>
public sealed class NormativeDocumentEventRecord
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public NormativeDocumentRecord? Document { get; set; }

    /// <summary>registered, amended, repealed, term_changed, corrected.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The date the change took effect (e.g. the 废止 date); null for a correction of the record.</summary>
    public DateOnly? On { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string? RequestKey { get; set; }
}

/// <summary>
/// An agency's settings of the automatic checks before review: its list of 不规范表述 (null: the built-in starter list),
/// its sensitive words, and for each kind of check whether a finding blocks or only warns. Agencies without their own
/// use their nearest ancestor's.
/// </summary>
public sealed class PublishingCheckSettingsRecord
{
    public int AgencyId { get; set; }

    /// <summary>The expression list as CSV (错误写法,正确写法,说明); null means the starter list.</summary>
    public string? ExpressionsCsv { get; set; }

    /// <summary>Sensitive words, one per line.</summary>
    public string SensitiveWords { get; set; } = string.Empty;

    public bool ExpressionsBlock { get; set; }

    public bool SensitiveWordsBlock { get; set; } = true;

    public bool PersonalDataBlocks { get; set; } = true;

    public bool BrokenLinksBlock { get; set; }

    /// <summary>校对 rounds an item needs after 终审 (3–9; three by default).</summary>
    public int ProofreadingRounds { get; set; } = Core.Publishing.ReviewWorkflow.DefaultProofreadingRounds;

    /// <summary>Whether the public item page prints the names of its reviewers and proofreaders.</summary>
    public bool PrintReviewerNames { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}
