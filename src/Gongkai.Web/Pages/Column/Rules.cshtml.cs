using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using Gongkai.Core.Publishing;
using Gongkai.UseCases;
using Gongkai.UseCases.Portal;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>政府信息公开制度 (/Gongkai/{agencyId}/Zhidu): the agency's published items of the Rules directory, newest first, 20 to a page.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class RulesModel(GetColumnAgency agencies, ListPublicCatalogueItems list) : PageModel
{
    public ColumnAgency Agency { get; private set; } = null!;

    public Page<PublicCatalogueRow> Items { get; private set; } = new([], 1, 20, 0);

    public string Link(int page) => $"/Gongkai/{Agency.Id.ToString(CultureInfo.InvariantCulture)}/Zhidu" + (page == 1 ? string.Empty : "?page=" + page.ToString(CultureInfo.InvariantCulture));

    public async Task<IActionResult> OnGetAsync(int agencyId, [FromQuery(Name = "page")] int page = 1, CancellationToken ct = default)
    {
        Agency = await agencies.ExecuteAsync(agencyId, ct);

        Items = await list.ExecuteAsync(new PublicCatalogueQuery { AgencyId = agencyId, Directory = ColumnDirectory.Rules, Page = page }, ct);
        return Page();
    }
}
