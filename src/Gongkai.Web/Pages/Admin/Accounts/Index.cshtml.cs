using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Accounts;

[Authorize(Policy = Policies.SystemAdministrator)]
public sealed class IndexModel(ListAccounts list, ListAgencies agencies) : PageModel
{
    private IReadOnlyList<AgencyNode> _agencies = [];

    public Page<AccountSummary> Accounts { get; private set; } = new([], 1, 50, 0);

    [TempData]
    public string? Message { get; set; }

    public string NameOf(int id) => _agencies.FirstOrDefault(a => a.Id == id)?.ShortName ?? "（范围外机构）";

    public async Task OnGetAsync([FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Accounts = await list.ExecuteAsync(page, 50, ct);
        _agencies = await agencies.ExecuteAsync(ct);
    }
}
