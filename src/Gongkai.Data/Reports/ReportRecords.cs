using Gongkai.Data.Agencies;

namespace Gongkai.Data.Reports;

/// <summary>Where an annual report stands in its unit's workflow (起草 → 报送 → 退回/通过 → 发布; a correction supersedes).</summary>
public enum AnnualReportStatus
{
    /// <summary>起草中</summary>
    Draft = 0,

    /// <summary>已报送: waiting for the 政务公开办.</summary>
    Submitted = 1,

    /// <summary>已退回: returned with comments, back with the unit.</summary>
    Returned = 2,

    /// <summary>审核通过: ready to publish.</summary>
    Accepted = 3,

    /// <summary>已发布: locked; a correction is a new edition.</summary>
    Published = 4,

    /// <summary>已更正: a published edition replaced by a later one (kept, still readable).</summary>
    Superseded = 5,
}

/// <summary>How the report came into the platform.</summary>
public enum AnnualReportSource
{
    /// <summary>Written here: tables computed from the records.</summary>
    Written = 0,

    /// <summary>A unit's published report uploaded by a supervisor and read by the importer.</summary>
    Imported = 1,
}

/// <summary>
/// One edition of an agency's 政府信息公开工作年度报告 for a year. <see cref="Content"/> holds the report (tables and
/// sections) in the exchange JSON; the tables of a written report are computed from the records and recomputed
/// while it is a draft. A published edition is never changed again: a correction is a new edition with
/// <see cref="Edition"/> + 1, and the old one becomes <see cref="AnnualReportStatus.Superseded"/>.
/// </summary>
public sealed class AnnualReportRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public int Year { get; set; }

    /// <summary>1 for the first edition; each correction of a published report adds one.</summary>
    public int Edition { get; set; } = 1;

    public AnnualReportStatus Status { get; set; }

    public AnnualReportSource Source { get; set; }

    /// <summary>The report in the exchange JSON (report-json): tables and narrative sections 一 … 六.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>The opening paragraph before 一、总体情况 (legal basis, period, where to download, contact).</summary>
    public string Introduction { get; set; } = string.Empty;

    /// <summary>The scope the tables were computed with (own records or the whole subtree).</summary>
    public ReportScope Scope { get; set; }

    public DateTimeOffset? ComputedAt { get; set; }

    /// <summary>The publication deadline in force when the report was opened (31 January / 31 March / local date).</summary>
    public DateOnly Deadline { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The date the report counts as published (for the deadline rule W6).</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>The last comment of the 政务公开办 when it returned the report.</summary>
    public string? ReturnComment { get; set; }

    /// <summary>Why this edition corrects the one before (更正说明); null for a first edition.</summary>
    public string? CorrectionReason { get; set; }

    /// <summary>An imported report: the uploaded file's name, where it is stored and its content type.</summary>
    public string? ImportedFileName { get; set; }

    public string? ImportedStorageKey { get; set; }

    public string? ImportedContentType { get; set; }

    /// <summary>An imported report: the importer's envelope (findings, provenance, notes) as JSON.</summary>
    public string? ImportEnvelope { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }
}

/// <summary>One step of a report's workflow, append-only: who did what, when, with which comment.</summary>
public sealed class AnnualReportEventRecord
{
    public long Id { get; set; }

    public int ReportId { get; set; }

    /// <summary>Set when the report and its first step are saved together (the id is not known yet).</summary>
    public AnnualReportRecord? Report { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorUserName { get; set; } = string.Empty;

    public string ActorDisplayName { get; set; } = string.Empty;

    /// <summary>created, saved, recomputed, submitted, returned, accepted, published, corrected, imported.</summary>
    public string Action { get; set; } = string.Empty;

    public AnnualReportStatus? FromStatus { get; set; }

    public AnnualReportStatus ToStatus { get; set; }

    public string? Comment { get; set; }

    /// <summary>The form's or client's request key: a double submit performs the step once.</summary>
    public string? RequestKey { get; set; }
}

/// <summary>
/// Figures of a year entered by hand (or imported from XLSX) where the platform holds no records yet: table 二's
/// 规章 / 行政规范性文件 counts (until the normative-document register has them), 行政许可, 行政处罚, 行政强制 and
/// 行政事业性收费 (万元), and the narrative's figures (items published, key-area items, interpretations, new-media
/// accounts). A null figure is "not entered", never zero.
/// </summary>
public sealed class ReportFiguresRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public long? RegulationsIssued { get; set; }

    public long? RegulationsRepealed { get; set; }

    public long? RegulationsInForce { get; set; }

    public long? NormativeDocumentsIssued { get; set; }

    public long? NormativeDocumentsRepealed { get; set; }

    public long? NormativeDocumentsInForce { get; set; }

    public long? AdministrativeLicensing { get; set; }

    public long? AdministrativePenalty { get; set; }

    public long? AdministrativeCoercion { get; set; }

    /// <summary>行政事业性收费 in 万元 and the text as it is to be printed (its precision).</summary>
    public decimal? AdministrativeFees { get; set; }

    public string? AdministrativeFeesText { get; set; }

    /// <summary>信息发布总数 (items published in the year).</summary>
    public long? ItemsPublished { get; set; }

    /// <summary>重点领域信息数.</summary>
    public long? KeyAreaItems { get; set; }

    /// <summary>政策解读数.</summary>
    public long? PolicyInterpretations { get; set; }

    /// <summary>政务新媒体账号数.</summary>
    public long? NewMediaAccounts { get; set; }

    /// <summary>政务新媒体发布信息数.</summary>
    public long? NewMediaPosts { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}

/// <summary>
/// A publication deadline set as data: for reports of agencies of <see cref="Kind"/> under
/// <see cref="SupervisorAgencyId"/> (null: everywhere), the report on year Y is due on <see cref="Month"/>/<see
/// cref="Day"/> of Y + 1. The most specific rule wins; with none, departments 31 January and governments 31 March
/// (条例第四十九条).
/// </summary>
public sealed class ReportDeadlineRecord
{
    public int Id { get; set; }

    public int? SupervisorAgencyId { get; set; }

    public AgencyKind Kind { get; set; }

    public int Month { get; set; }

    public int Day { get; set; }

    /// <summary>Move a deadline that falls on a rest day to the next working day of the official calendar.</summary>
    public bool ShiftToWorkingDay { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    public int Version { get; set; }
}
