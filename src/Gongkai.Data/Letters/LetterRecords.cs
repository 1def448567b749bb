namespace Gongkai.Data.Letters;

/// <summary>
/// An agency's own wording of one letter kind (文书模板). Without a row the agency uses its nearest ancestor's, and
/// at the top the built-in template (Core.Letters.DefaultLetterTemplates).
/// </summary>
public sealed class LetterTemplateRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    /// <summary>The kind's key, e.g. "CorrectionNotice" or "Reply.NotHeld".</summary>
    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>How an agency issues letters (文书设置): its 文号 pattern, the 复议机关 and court named in the remedies, its seal.</summary>
public sealed class AgencyLetterSettingsRecord
{
    public const string DefaultDocumentNumberPattern = "{简称}信公〔{YYYY}〕{N}号";

    public int AgencyId { get; set; }

    /// <summary>文号 pattern: {简称}, {YYYY}, and {N} / {NNN} for the serial (zero-padded to the braces' width).</summary>
    public string DocumentNumberPattern { get; set; } = DefaultDocumentNumberPattern;

    /// <summary>行政复议机关 named in the remedies; empty says 依法申请行政复议.</summary>
    public string ReviewBody { get; set; } = string.Empty;

    /// <summary>The court named in the remedies; empty says 人民法院.</summary>
    public string Court { get; set; } = string.Empty;

    /// <summary>The seal image in the file store (PNG or JPEG), or null when the agency has none.</summary>
    public string? SealStorageKey { get; set; }

    public string? SealContentType { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>The next 文号 serial of an agency's letters in a year.</summary>
public sealed class LetterNumberSequenceRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public int Next { get; set; }
}

/// <summary>
/// A letter issued on an application (出具的文书): its final text as issued, its 文号, the DOCX and HTML kept in the file
/// store and the PDF once printed. Issued letters are not edited; issuing the same kind again supersedes the earlier one,
/// which stays in the file.
/// </summary>
public sealed class ApplicationLetterRecord
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    /// <summary>The kind's key, e.g. "Reply.Disclosed".</summary>
    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string? DocumentNumber { get; set; }

    /// <summary>The text as issued, one paragraph per line.</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>For a consultation letter: which consultation (pause sequence) it belongs to.</summary>
    public int? PauseSequence { get; set; }

    public DateOnly IssuedOn { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string IssuedBy { get; set; } = string.Empty;

    public string DocxStorageKey { get; set; } = string.Empty;

    /// <summary>The letter as a printable HTML page, from which the PDF is printed when first asked for.</summary>
    public string HtmlStorageKey { get; set; } = string.Empty;

    public string? PdfStorageKey { get; set; }

    /// <summary>Addressed to the applicant, so shown on the tracking page.</summary>
    public bool ToApplicant { get; set; }

    public bool Superseded { get; set; }

    /// <summary>The key of the request that issued it, so that a double submit issues one letter.</summary>
    public string? RequestKey { get; set; }
}
