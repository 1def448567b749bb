using Gongkai.Data.Accounts;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(ListAgencies list, StaffContext staff) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public bool CanEdit => staff.IsInRole(Roles.SystemAdministrator);

    [TempData]
    public string? Message { get; set; }

    public string NameOf(int id) => Agencies.FirstOrDefault(a => a.Id == id)?.ShortName ?? "（范围外机构）";

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await list.ExecuteAsync(ct);
}
