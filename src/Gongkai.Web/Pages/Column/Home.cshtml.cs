using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>An agency's 政府信息公开 column (/Gongkai/{agencyId}): the four directories, each with its newest entries and a link; 404 for an unknown agency.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class HomeModel(GetAgencyColumn get) : PageModel
{
    public AgencyColumn Column { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int agencyId, CancellationToken ct)
    {
        Column = await get.ExecuteAsync(agencyId, ct);
        return Page();
    }
}
