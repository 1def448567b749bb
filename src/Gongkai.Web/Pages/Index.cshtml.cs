using Microsoft.AspNetCore.OutputCaching;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(GongkaiDbContext db, SiteState site) : PageModel
{
    public string SiteName { get; private set; } = SiteState.DefaultName;

    public IReadOnlyList<GovernmentView> Governments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SiteName = (await site.GetAsync(ct)).Name;
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Name, a.Kind, a.ParentId }).ToListAsync(ct);
        Governments = agencies.Where(a => a.ParentId is null)
            .Select(g => new GovernmentView(g.Name, agencies.Where(a => a.ParentId == g.Id).Select(a => new UnitView(a.Name, KindName(a.Kind))).ToList()))
            .ToList();
    }

    public static string KindName(AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.Subdistrict => "街道办事处",
        AgencyKind.Township => "乡镇",
        AgencyKind.DispatchedOffice => "派出机构",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public sealed record GovernmentView(string Name, IReadOnlyList<UnitView> Units);

    public sealed record UnitView(string Name, string KindName);
}
