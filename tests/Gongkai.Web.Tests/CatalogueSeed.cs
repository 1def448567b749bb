using System.Text.Json;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Tests;

/// <summary>Writes catalogue items with their published versions straight into the database (pages under test read them; call the index rebuild after).</summary>
internal static class CatalogueSeed
{
    public static async Task<int> AddAsync(GongkaiDbContext db, int agencyId, string agency, DateTimeOffset now, string title, (string Title, DateTimeOffset At)[] versions, bool withdrawn = false, string body = "正文")
    {
        var serial = await db.CatalogueItems.CountAsync() + 1;
        var item = new CatalogueItemRecord
        {
            AgencyId = agencyId,
            Kind = ItemKind.Information,
            Stage = versions.Length == 0 ? ItemStage.Draft : withdrawn ? ItemStage.Withdrawn : ItemStage.Published,
            Revision = Math.Max(1, versions.Length),
            PublishedRevision = versions.Length,
            IndexNumber = versions.Length == 0 ? null : $"TEST-2026-{serial:0000}",
            Title = title,
            Summary = "概述：" + title,
            Body = body,
            PublishingAgency = agency,
            Formed = new DateOnly(2026, 1, 1),
            DueOn = new DateOnly(2026, 1, 21),
            Keywords = "招生 入学",
            FirstPublishedAt = versions.Length == 0 ? null : versions[0].At,
            FirstPublishedOn = versions.Length == 0 ? null : DateOnly.FromDateTime(versions[0].At.UtcDateTime),
            LastPublishedAt = versions.Length == 0 ? null : versions[^1].At,
            WithdrawnAt = withdrawn ? now.AddHours(-1) : null,
            WithdrawReason = withdrawn ? "内容有误" : null,
            CreatedAt = now.AddDays(-10),
            CreatedBy = "测试操作员",
            UpdatedAt = now,
            UpdatedBy = "测试操作员",
        };
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        var revision = 0;
        foreach (var (versionTitle, at) in versions)
        {
            revision++;
            var metadata = new PublishedMetadata(item.IndexNumber, agency, null, item.Formed, null, null, ColumnDirectory.Statutory, null, null, null, null, null, "招生 入学", string.Empty, [], []);
            db.CatalogueRevisions.Add(new CatalogueRevisionRecord
            {
                ItemId = item.Id,
                Revision = revision,
                Title = versionTitle,
                Summary = "概述：" + versionTitle,
                Body = body,
                Snapshot = JsonSerializer.Serialize(metadata),
                ChangeNote = revision == 1 ? "首次发布" : "更新标题",
                DueOn = item.DueOn,
                PublishedAt = at,
                PublishedOn = DateOnly.FromDateTime(at.UtcDateTime),
                PublishedBy = "测试操作员",
            });
        }

        await db.SaveChangesAsync();
        return item.Id;
    }
}
