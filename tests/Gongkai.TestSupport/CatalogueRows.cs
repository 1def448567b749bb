using System.Text.Json;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Publishing;

namespace Gongkai.TestSupport;

/// <summary>Catalogue items written straight into the tables, for tests of what reads them (index them after, as a bulk load is).</summary>
public static class CatalogueRows
{
    /// <summary>
    /// A complete 政策文件 of the education bureau's kind (formed 2026-11-20, 科技、教育, 法定主动公开内容 第二十条（十一）,
    /// 有效, key area 义务教育), for tests that go through the workflow's use cases; set the title and texts with <c>with</c>.
    /// </summary>
    public static CatalogueItemInput SampleInput(int agencyId) => new()
    {
        AgencyId = agencyId,
        Formed = new DateOnly(2026, 11, 20),
        Topic = "科技、教育",
        Directory = ColumnDirectory.Statutory,
        Article20Item = 11,
        Validity = "有效",
        KeyAreas = ["义务教育"],
        Keywords = "招生;义务教育",
        Source = "区教育局",
    };

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
