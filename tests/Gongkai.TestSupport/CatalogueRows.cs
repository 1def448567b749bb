using System.Text.Json;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Publishing;

namespace Gongkai.TestSupport;

/// <summary>Catalogue items written straight into the tables, for tests of what reads them (index them after, as a bulk load is).</summary>
public static class CatalogueRows
{
    /// <summary>A published item (or a withdrawn one) with its one version, first published <paramref name="daysAgo"/> days before <paramref name="now"/>.</summary>
    public static async Task<int> AddPublishedAsync(GongkaiDbContext db, DateTimeOffset now, int agency, string title, ColumnDirectory directory, int? article20 = null, string? article21 = null, int daysAgo = 1, bool withdrawn = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var at = now.AddDays(-daysAgo);
        var item = new CatalogueItemRecord
        {
            AgencyId = agency,
            Title = title,
            Formed = DateOnly.FromDateTime(at.UtcDateTime),
            Directory = directory,
            Article20Item = article20,
            Article21Item = article21,
            Stage = withdrawn ? ItemStage.Withdrawn : ItemStage.Published,
            Revision = 1,
            PublishedRevision = 1,
            FirstPublishedAt = at,
            FirstPublishedOn = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime),
            WithdrawnAt = withdrawn ? now : null,
            PublishingAgency = "测试",
            CreatedAt = now,
            CreatedBy = "测试",
            UpdatedAt = now,
            UpdatedBy = "测试",
            Version = 1,
        };
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        db.CatalogueRevisions.Add(new CatalogueRevisionRecord
        {
            ItemId = item.Id,
            Revision = 1,
            Title = title,
            Summary = string.Empty,
            Body = string.Empty,
            Snapshot = JsonSerializer.Serialize(new PublishedMetadata(null, item.PublishingAgency, null, item.Formed, null, null, directory, article20, article21, null, null, null, string.Empty, string.Empty, [], [])),
            PublishedAt = at,
            PublishedOn = item.FirstPublishedOn.Value,
            PublishedBy = "测试",
        });
        await db.SaveChangesAsync();
        return item.Id;
    }
}
