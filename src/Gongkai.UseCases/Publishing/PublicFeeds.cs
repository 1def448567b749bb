using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>
/// An entry of the public catalogue feed: the latest visible version of a published, not withdrawn item.
/// <paramref name="UpdatedAt"/> is that version's publication time; <paramref name="PublishingAgency"/> is 发布机构.
/// </summary>
public sealed record PublicFeedEntry(int Id, string Title, string Summary, string Keywords, string PublishingAgency, DateTimeOffset FirstPublishedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// The published items visible now, most recently (re)published first — for the Atom feed and the sitemap. The
/// title, summary and 发布机构 are those of the latest version visible now (never of a draft or a scheduled version).
/// </summary>
[ReadOnlyUseCase]
public sealed class ListPublicCatalogueFeed(GongkaiDbContext db, AgencyClock clock)
{
    /// <param name="limit">The most entries returned (null: all of them).</param>
    public async Task<IReadOnlyList<PublicFeedEntry>> ExecuteAsync(int? agencyId = null, int? limit = null, CancellationToken ct = default)
    {
        var now = clock.UtcNow;

        // Each visible item's latest version visible now, newest first, in the database: a feed of 50 reads 50 rows,
        // not every published item.
        var latest =
            from r in db.CatalogueRevisions.AsNoTracking()
            join i in db.CatalogueItems.AsNoTracking() on r.ItemId equals i.Id
            where i.PublishedRevision > 0 && i.WithdrawnAt == null && i.FirstPublishedAt <= now
                && (agencyId == null || i.AgencyId == agencyId)
                && r.PublishedAt <= now
                && !db.CatalogueRevisions.Any(later => later.ItemId == r.ItemId && later.Revision > r.Revision && later.PublishedAt <= now)
            orderby r.PublishedAt descending, i.Id descending
            select new { i.Id, i.FirstPublishedAt, r.Title, r.Summary, r.Snapshot, r.PublishedAt };
        var rows = await (limit is { } n ? latest.Take(n) : latest).ToListAsync(ct);
        return [.. rows.Select(x =>
        {
            var metadata = CatalogueRules.ReadSnapshot(x.Snapshot);
            return new PublicFeedEntry(x.Id, x.Title, x.Summary, metadata.Keywords, metadata.PublishingAgency, x.FirstPublishedAt!.Value, x.PublishedAt);
        })];
    }
}
