using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.Data.Agencies;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>法定主动公开内容 (/Gongkai/{agencyId}/Fading): the agency's published items counted by 第二十条 item (and 第二十一条 for its level), each linking to the catalogue filtered by it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class StatutoryModel(CountStatutoryItems count) : PageModel
{
    public int AgencyId { get; private set; }

    public string AgencyName { get; private set; } = string.Empty;

    public AgencyKind Kind { get; private set; }

    public IReadOnlyList<StatutoryGroup> Article20 { get; private set; } = [];

    public IReadOnlyList<StatutoryGroup> Article21 { get; private set; } = [];

    public int Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(int agencyId, CancellationToken ct)
    {
        (AgencyName, Kind, Article20, Article21, Total) = await count.ExecuteAsync(agencyId, ct);
        AgencyId = agencyId;
        return Page();
    }
}
