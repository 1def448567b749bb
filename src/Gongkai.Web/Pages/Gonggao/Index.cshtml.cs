using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using Gongkai.UseCases;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Gonggao;

/// <summary>网站公告 (/Gonggao): the notices shown now, pinned first then the newest, 20 to a page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(ListCurrentNotices list) : PageModel
{
    public Page<PublicNotice> Notices { get; private set; } = new([], 1, 20, 0);

    public string Link(int page) => "/Gonggao" + (page == 1 ? string.Empty : "?page=" + page.ToString(CultureInfo.InvariantCulture));

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken ct = default) => Notices = await list.ExecuteAsync(page, 20, ct);
}
