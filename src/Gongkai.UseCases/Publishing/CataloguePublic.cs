using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>One entry of an item's public change history.</summary>
public sealed record PublicRevision(int Revision, DateTimeOffset PublishedAt, string ChangeNote);

/// <summary>
/// An item as the public sees it: the version shown (the latest published one visible now, or an earlier one from the
/// history), its metadata, the change history, linked documents and interpretations, and the reviewers' names when the
/// agency prints them. A withdrawn item shows only its title, 索引号 and the reason.
/// </summary>
public sealed record PublicCatalogueItem(
    int Id,
    string AgencyName,
    ItemKind Kind,
    int Revision,
    bool IsLatest,
    string Title,
    string Summary,
    string Body,
    PublishedMetadata Metadata,
    DateTimeOffset PublishedAt,
    DateTimeOffset FirstPublishedAt,
    IReadOnlyList<PublicRevision> History,
    IReadOnlyList<LinkedItem> Interprets,
    IReadOnlyList<LinkedItem> InterpretedBy,
    string? Reviewers,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawReason);

/// <summary>The public page of a published item (or one of its earlier versions).</summary>
[ReadOnlyUseCase]
public sealed class GetPublicCatalogueItem(GongkaiDbContext db, AgencyClock clock)
{
    public async Task<PublicCatalogueItem> ExecuteAsync(int id, int? revision = null, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.PublishedRevision > 0, ct);
        var versions = item is null ? [] : await db.CatalogueRevisions.AsNoTracking().Where(r => r.ItemId == id && r.PublishedAt <= now).OrderByDescending(r => r.Revision).ToListAsync(ct);
        if (item is null || versions.Count == 0)
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该信息。");
        }

        var latest = versions[0];
        var shown = revision is { } r ? versions.FirstOrDefault(v => v.Revision == r) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该版本。") : latest;
        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var history = versions.Select(v => new PublicRevision(v.Revision, v.PublishedAt, v.ChangeNote)).ToList();
        var metadata = CatalogueRules.ReadSnapshot(shown.Snapshot);
        if (item.WithdrawnAt is not null)
        {
            return new PublicCatalogueItem(item.Id, agencyName, item.Kind, shown.Revision, shown == latest, shown.Title, string.Empty, string.Empty, metadata with { Attachments = [] }, shown.PublishedAt, versions[^1].PublishedAt, history, [], [], null, item.WithdrawnAt, item.WithdrawReason);
        }

        var interprets = await (from l in db.CatalogueLinks join d in db.CatalogueItems on l.DocumentId equals d.Id where l.InterpretationId == id && d.PublishedRevision > 0 && d.WithdrawnAt == null && d.FirstPublishedAt <= now select new LinkedItem(d.Id, d.Title, true)).ToListAsync(ct);
        var interpretedBy = await (from l in db.CatalogueLinks join d in db.CatalogueItems on l.InterpretationId equals d.Id where l.DocumentId == id && d.PublishedRevision > 0 && d.WithdrawnAt == null && d.FirstPublishedAt <= now select new LinkedItem(d.Id, d.Title, true)).ToListAsync(ct);
        var print = (await GetPublishingCheckSettings.ForAgencyAsync(db, item.AgencyId, ct)).PrintReviewerNames;
        return new PublicCatalogueItem(item.Id, agencyName, item.Kind, shown.Revision, shown == latest, shown.Title, shown.Summary, shown.Body, metadata, shown.PublishedAt, versions[^1].PublishedAt, history, interprets, interpretedBy, print && shown.Reviewers.Length > 0 ? shown.Reviewers : null, null, null);
    }
}

/// <summary>An entry of the public catalogue list.</summary>
public sealed record PublicCatalogueRow(int Id, string Title, string AgencyName, string? IndexNumber, DateOnly PublishedOn, ItemKind Kind);

/// <summary>The public catalogue's filters (the portal adds search on top).</summary>
public sealed record PublicCatalogueQuery
{
    public int? AgencyId { get; init; }

    public ColumnDirectory? Directory { get; init; }

    public int? Article20Item { get; init; }

    public int? Year { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>
/// 目录: the published items visible now, newest first, with filters and pagination. Read from the search index, which
/// holds exactly the versions the public sees (a revision under review keeps its published title here).
/// </summary>
[ReadOnlyUseCase]
public sealed class ListPublicCatalogueItems(SearchCatalogue search)
{
    public async Task<Page<PublicCatalogueRow>> ExecuteAsync(PublicCatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var result = await search.ExecuteAsync(new CatalogueSearchRequest { AgencyId = query.AgencyId, Directory = query.Directory, Article20Item = query.Article20Item, Year = query.Year, Page = query.Page, PageSize = query.PageSize }, ct);
        var page = result.Page;
        return new Page<PublicCatalogueRow>([.. page.Items.Select(r => new PublicCatalogueRow(r.Id, r.Title, r.AgencyName, r.IndexNumber, r.FirstPublishedOn, r.Kind))], page.Number, page.Size, page.Total);
    }
}

/// <summary>An attachment of a published version visible now (withdrawn items' files are not served).</summary>
[ReadOnlyUseCase]
public sealed class OpenPublicCatalogueAttachment(GongkaiDbContext db, AgencyClock clock, IFileStore files)
{
    public async Task<CatalogueFile> ExecuteAsync(int itemId, int attachmentId, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.PublishedRevision > 0 && i.WithdrawnAt == null, ct);
        var file = await db.CatalogueAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == itemId, ct);
        var listed = item is not null && file is not null && (await db.CatalogueRevisions.AsNoTracking().Where(r => r.ItemId == itemId && r.PublishedAt <= now).Select(r => r.Revision).ToListAsync(ct))
            .Any(r => file.FromRevision <= r && (file.UntilRevision is null || file.UntilRevision > r));
        if (!listed)
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该附件。");
        }

        return new CatalogueFile(file!.FileName, file.ContentType, files.OpenRead(file.FileKey));
    }
}
