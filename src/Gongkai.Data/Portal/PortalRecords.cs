using Gongkai.Core.Publishing;

namespace Gongkai.Data.Portal;

/// <summary>
/// 网站公告: a short notice the 政务公开办 puts on the portal's home page (service hours over a holiday, a system
/// maintenance window, a new guide). Shown from <see cref="PublishedAt"/> until <see cref="ExpiresOn"/> (inclusive) or
/// until withdrawn; never deleted, so the audit history keeps what the public was told.
/// </summary>
public sealed class PortalNoticeRecord
{
    public int Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>Shown from this instant (a later time schedules the notice).</summary>
    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>Last day shown, in the platform's time zone; null = until withdrawn.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>Pinned notices come first on the home page.</summary>
    public bool Pinned { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public string? WithdrawnBy { get; set; }

    public int Version { get; set; }
}

/// <summary>What a "我为政府网站找错" report is about.</summary>
public enum SiteErrorCategory
{
    /// <summary>链接无法打开 (dead link).</summary>
    BrokenLink = 1,

    /// <summary>错别字或不规范表述.</summary>
    Typo,

    /// <summary>内容错误或过时.</summary>
    WrongContent,

    /// <summary>页面无法访问或显示异常.</summary>
    PageError,

    /// <summary>无障碍或适老化问题.</summary>
    Accessibility,

    /// <summary>其他.</summary>
    Other,
}

/// <summary>Where a 找错 ticket stands.</summary>
public enum SiteErrorStatus
{
    /// <summary>待处理.</summary>
    Open = 1,

    /// <summary>已整改.</summary>
    Fixed,

    /// <summary>经核实无误 (not an error; the reply says why).</summary>
    NotAnError,
}

/// <summary>
/// A "我为政府网站找错" ticket: a member of the public reports an error on a page of the portal, and the 政务公开办
/// handles it (整改 or a reasoned 核实无误) and may reply to the contact given. The contact is personal data and is
/// stored encrypted.
/// </summary>
public sealed class SiteErrorReportRecord
{
    public int Id { get; set; }

    /// <summary>The ticket number shown to the reporter, e.g. 2026-00042 (year and serial).</summary>
    public string Number { get; set; } = string.Empty;

    /// <summary>The page reported (a path on this portal or a full address).</summary>
    public string PageUrl { get; set; } = string.Empty;

    public SiteErrorCategory Category { get; set; }

    public string Description { get; set; } = string.Empty;

    /// <summary>Optional name or form of address (称呼).</summary>
    public string ContactName { get; set; } = string.Empty;

    /// <summary>Optional phone or e-mail, encrypted (PersonalDataProtector); empty when not given.</summary>
    public string ContactProtected { get; set; } = string.Empty;

    /// <summary>The form's one-time key: a double submit creates one ticket.</summary>
    public string RequestKey { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public SiteErrorStatus Status { get; set; } = SiteErrorStatus.Open;

    /// <summary>The handling note (整改情况 or why it is not an error); required to close the ticket.</summary>
    public string? Resolution { get; set; }

    public string? HandledBy { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// One row of the portal's full-text index: the version of a catalogue item the public sees now, with the
/// filterable metadata. Full-text data lives beside it (SQLite: the FTS5 table <c>search_fts</c> with the same rowid;
/// PostgreSQL: the <c>tsv</c> column with a GIN index), both over text segmented in the application (ADR 0014).
/// The id grows with each indexing, so "newest first" is the id order. Withdrawn items have no row.
/// </summary>
public sealed class SearchDocumentRecord
{
    public long Id { get; set; }

    public int ItemId { get; set; }

    public int Revision { get; set; }

    public int AgencyId { get; set; }

    public ItemKind Kind { get; set; }

    public ColumnDirectory Directory { get; set; }

    public int? Article20Item { get; set; }

    public string? Article21Item { get; set; }

    public string? Topic { get; set; }

    public string? Validity { get; set; }

    /// <summary>Year of first publication (the catalogue's year filter).</summary>
    public int Year { get; set; }

    /// <summary>First publication as Unix milliseconds, the catalogue's sort key.</summary>
    public long FirstPublishedMs { get; set; }

    public DateOnly FirstPublishedOn { get; set; }

    /// <summary>Publication date of the version indexed (a revision's date).</summary>
    public DateOnly PublishedOn { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string? IndexNumber { get; set; }

    public string PublishingAgency { get; set; } = string.Empty;

    public string? DocumentNumber { get; set; }
}

/// <summary>
/// A published version whose time has not come yet (定时发布). It enters the index the first time the portal is read
/// after <see cref="DueMs"/>, replacing the version shown until then, so no background job is needed.
/// </summary>
public sealed class SearchPendingRecord
{
    public long Id { get; set; }

    public int ItemId { get; set; }

    public int Revision { get; set; }

    /// <summary>The version's publication time as Unix milliseconds.</summary>
    public long DueMs { get; set; }
}
