using System.Globalization;
using Gongkai.UseCases;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xinxi;

/// <summary>主动公开的政府信息: the items published now, newest first, 20 to a page (the full portal with search comes later).</summary>
[AllowAnonymous]
public sealed class IndexModel(ListPublicCatalogueItems list) : PageModel
{
    public Page<PublicCatalogueRow> Items { get; private set; } = new([], 1, 20, 0);

    public string Link(int page) => "/Xinxi" + (page == 1 ? string.Empty : "?page=" + page.ToString(CultureInfo.InvariantCulture));

    public async Task OnGetAsync(int page = 1, CancellationToken ct = default) =>
        Items = await list.ExecuteAsync(new PublicCatalogueQuery { Page = page }, ct);
}
