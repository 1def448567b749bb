using Gongkai.Core.Publishing;

namespace Gongkai.Data.Publishing;

/// <summary>
/// A catalogue item (政府信息) with the spec's metadata. The row holds the working copy and where it stands in
/// 三审三校; what the public sees is the latest published <see cref="CatalogueRevisionRecord"/>. 索引号 is given at first
/// publication and kept through revisions and withdrawal.
/// </summary>
public sealed class CatalogueItemRecord
{
    public int Id { get; set; }

    public int AgencyId { get; set; }

    public ItemKind Kind { get; set; }

    public ItemStage Stage { get; set; }

    /// <summary>The working revision (1 for the first version; +1 each time a published item is revised).</summary>
    public int Revision { get; set; } = 1;

    /// <summary>The latest published revision; 0 while never published.</summary>
    public int PublishedRevision { get; set; }

    /// <summary>The current proofreading round (1-based) while <see cref="Stage"/> is Proofreading.</summary>
    public int ProofreadingRound { get; set; }

    /// <summary>Rounds this submission needs, fixed from the agency's setting when it was submitted.</summary>
    public int ProofreadingRounds { get; set; }

    /// <summary>索引号, unique per agency.</summary>
    public string? IndexNumber { get; set; }

    public int? IndexYear { get; set; }

    public int? IndexSerial { get; set; }

    /// <summary>名称/标题</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>内容概述</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>正文 as plain text (paragraphs by line breaks).</summary>
    public string Body { get; set; } = string.Empty;

    /// <summary>发布机构 (by default the agency's name).</summary>
    public string PublishingAgency { get; set; } = string.Empty;

    /// <summary>文号</summary>
    public string? DocumentNumber { get; set; }

    /// <summary>成文日期: the day the information was formed.</summary>
    public DateOnly Formed { get; set; }

    /// <summary>变更日期 of a revision: the day the information changed (the revision's deadline counts from it).</summary>
    public DateOnly? Changed { get; set; }

    /// <summary>The 20-working-day deadline of the working revision (条例第二十六条).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>主题分类 (a term of the topic list).</summary>
    public string? Topic { get; set; }

    public ColumnDirectory Directory { get; set; } = ColumnDirectory.Statutory;

    /// <summary>The 第二十条 item (1–15) it satisfies, under 法定主动公开内容.</summary>
    public int? Article20Item { get; set; }

    /// <summary>The 第二十一条 item for the agency's level, under 法定主动公开内容.</summary>
    public string? Article21Item { get; set; }

    /// <summary>有效性 (a term of the validity list).</summary>
    public string? Validity { get; set; }

    /// <summary>生效日期</summary>
    public DateOnly? EffectiveOn { get; set; }

    /// <summary>废止日期</summary>
    public DateOnly? RepealedOn { get; set; }

    public DisclosureAttribute Attribute { get; set; }

    /// <summary>关键词</summary>
    public string Keywords { get; set; } = string.Empty;

    /// <summary>信息来源</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>The register entry when the item publishes a 规章 or 行政规范性文件.</summary>
    public int? NormativeDocumentId { get; set; }

    /// <summary>The application it came from (依申请公开转主动公开, 条例第四十四条).</summary>
    public long? ApplicationId { get; set; }

    /// <summary>First publication (Beijing date kept for counting by year).</summary>
    public DateTimeOffset? FirstPublishedAt { get; set; }

    public DateOnly? FirstPublishedOn { get; set; }

    public DateTimeOffset? LastPublishedAt { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    /// <summary>撤回原因, shown to the public at the item's address.</summary>
    public string? WithdrawReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;

    /// <summary>Optimistic concurrency: bumped on every change.</summary>
    public int Version { get; set; }
}

/// <summary>A published version of an item: what the public saw from <see cref="PublishedAt"/>, with the change note. Append-only.</summary>
public sealed class CatalogueRevisionRecord
{
    public long Id { get; set; }

    public int ItemId { get; set; }

    public int Revision { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Summary { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    /// <summary>The metadata and attachment list as published (JSON written by the use cases).</summary>
    public string Snapshot { get; set; } = "{}";

    /// <summary>修订说明 (empty for the first version).</summary>
    public string ChangeNote { get; set; } = string.Empty;

    /// <summary>“初审：… 复审：… 终审：… 校对：…” as it was, for printing with the item when the agency wants.</summary>
    public string Reviewers { get; set; } = string.Empty;

    public DateOnly DueOn { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    public DateOnly PublishedOn { get; set; }

    public string PublishedBy { get; set; } = string.Empty;
}

/// <summary>A file attached to an item. It belongs to the revisions from <see cref="FromRevision"/> up to (not including) <see cref="UntilRevision"/>.</summary>
public sealed class CatalogueAttachmentRecord
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    public string FileKey { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public long Size { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public int FromRevision { get; set; }

    public int? UntilRevision { get; set; }

    public int SortOrder { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public string AddedBy { get; set; } = string.Empty;
}

/// <summary>One step of an item's history: who, when, what, with which result and comment. Append-only.</summary>
public sealed class CatalogueItemEventRecord
{
    public long Id { get; set; }

    public int ItemId { get; set; }

    public int Revision { get; set; }

    /// <summary>created, edited, submitted, approved, returned, published, scheduled, revised, withdrawn, proposed, attachment_added, attachment_removed.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>The stage the step was taken at (初审 for an approval of the first review, …).</summary>
    public ItemStage Stage { get; set; }

    /// <summary>The proofreading round, for proofreading steps.</summary>
    public int? Round { get; set; }

    public string? Comment { get; set; }

    public DateTimeOffset At { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string? ActorUserId { get; set; }

    public string? RequestKey { get; set; }
}

/// <summary>A 政策解读 and a document it interprets (both directions are read from this one row).</summary>
public sealed class CatalogueLinkRecord
{
    public int InterpretationId { get; set; }

    public int DocumentId { get; set; }
}

/// <summary>A key-area tag on an item.</summary>
public sealed class CatalogueItemTagRecord
{
    public int ItemId { get; set; }

    public int TermId { get; set; }
}

/// <summary>The lists of the catalogue kept as data: 主题分类, 有效性, 重点领域.</summary>
public enum CatalogueTermKind
{
    Topic = 0,
    Validity = 1,
    KeyArea = 2,
}

/// <summary>A term of one of the catalogue's lists. Terms are retired (inactive), never deleted, so old items keep their words.</summary>
public sealed class CatalogueTermRecord
{
    public int Id { get; set; }

    public CatalogueTermKind Kind { get; set; }

    public string Name { get; set; } = string.Empty;

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>For key areas: the annual report's narrative figure it counts toward (policy_documents, …), if any.</summary>
    public string? Figure { get; set; }
}

/// <summary>The next 索引号 serial of an agency for a year; its concurrency token makes two publishers never take the same serial.</summary>
public sealed class IndexNumberSequenceRecord
{
    public int AgencyId { get; set; }

    public int Year { get; set; }

    public int Next { get; set; }
}
