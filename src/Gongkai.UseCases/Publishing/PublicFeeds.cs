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
        var items = await db.CatalogueItems.AsNoTracking()
            .Where(i => i.PublishedRevision > 0 && i.WithdrawnAt == null && i.FirstPublishedAt <= now)
            .Where(i => agencyId == null || i.AgencyId == agencyId)
            .Select(i => new { i.Id, i.FirstPublishedAt })
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var revisions = await db.CatalogueRevisions.AsNoTracking()
            .Where(r => ids.Contains(r.ItemId) && r.PublishedAt <= now)
            .Select(r => new { r.ItemId, r.Revision, r.Title, r.Summary, r.Snapshot, r.PublishedAt })
            .ToListAsync(ct);
        var latest = revisions.GroupBy(r => r.ItemId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Revision)!);
        var entries = items.Where(i => latest.ContainsKey(i.Id))
            .Select(i => (Item: i, Version: latest[i.Id]))
            .OrderByDescending(x => x.Version.PublishedAt).ThenByDescending(x => x.Item.Id);
        var chosen = limit is { } n ? entries.Take(n) : entries;
        return [.. chosen.Select(x =>
        {
            var metadata = CatalogueRules.ReadSnapshot(x.Version.Snapshot);
            return new PublicFeedEntry(x.Item.Id, x.Version.Title, x.Version.Summary, metadata.Keywords, metadata.PublishingAgency, x.Item.FirstPublishedAt!.Value, x.Version.PublishedAt);
        })];
    }
}
