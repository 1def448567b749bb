using Microsoft.AspNetCore.OutputCaching;
using Gongkai.Data.Agencies;
using Gongkai.UseCases.Portal;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>
/// 首页: the apply and track entries, 网站公告 (current, pinned first, five), 最新公开 (the ten newest published items),
/// 重点领域 (links to the catalogue by key area) and every agency linking to its 政府信息公开 column.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(SiteState site, ListColumnAgencies agencies, ListCurrentNotices notices, ListPublicCatalogueItems items, ListKeyAreas keyAreas) : PageModel
{
    public const int NoticeCount = 5;

    public const int LatestCount = 10;

    public string SiteName { get; private set; } = SiteState.DefaultName;

    public IReadOnlyList<ColumnGovernment> Governments { get; private set; } = [];

    public IReadOnlyList<PublicNotice> Notices { get; private set; } = [];

    /// <summary>Whether more current notices exist than the home page shows.</summary>
    public int NoticeTotal { get; private set; }

    public IReadOnlyList<PublicCatalogueRow> Latest { get; private set; } = [];

    public IReadOnlyList<KeyAreaLink> KeyAreas { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SiteName = (await site.GetAsync(ct)).Name;
        var current = await notices.ExecuteAsync(1, NoticeCount, ct);
        Notices = current.Items;
        NoticeTotal = current.Total;
        Latest = (await items.ExecuteAsync(new PublicCatalogueQuery { PageSize = LatestCount }, ct)).Items;
        KeyAreas = await keyAreas.ExecuteAsync(ct);
        Governments = await agencies.ExecuteAsync(ct);
    }

    public static string KindName(AgencyKind kind) => AgencyKindNames.Of(kind);
}
