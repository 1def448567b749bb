using System.Globalization;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>申请办理: the work queues of the applications this user may see, searched and filtered by agency.</summary>
[Authorize(Policy = Policies.CaseHandler)]
public sealed class IndexModel(ListApplications list, ListAgencies agencies, StaffContext staff, ExportCaseRegister export, Gongkai.UseCases.Platform.AgencyClock clock) : PageModel
{
    public const int PageSize = 20;

    public CaseQueue Queue { get; private set; }

    public string? Search { get; private set; }

    public int? AgencyId { get; private set; }

    /// <summary>The agencies to filter by; empty when the user sees only one.</summary>
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public Page<ApplicationListItem> Items { get; private set; } = new([], 1, PageSize, 0);

    [TempData]
    public string? Message { get; set; }

    public string Link(CaseQueue queue, int page = 1) => QueryString.Create(new Dictionary<string, string?>
    {
        ["queue"] = queue == CaseQueue.All ? null : queue.ToString(),
        ["q"] = Search,
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToString();

    public int ThisYear => clock.Today().Year;

    /// <summary>Whether to offer 导入台账 (<see cref="ImportRegisterModel"/>).</summary>
    public bool CanImportRegister => ImportCaseRegister.AllowedRoles.Any(staff.IsInRole);

    /// <summary>导出台账: the register of a year as XLSX (masked unless full personal data is asked for; audited).</summary>
    public async Task<IActionResult> OnPostExportAsync(int? year, bool full, CancellationToken ct)
    {
        var y = year is >= 2008 and <= 2199 ? year.Value : ThisYear;
        var bytes = await export.ExecuteAsync(y, full, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"依申请公开台账-{y}.xlsx");
    }

    public async Task OnGetAsync(string? queue, string? q, int? agency, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Queue = Enum.TryParse<CaseQueue>(queue, out var parsed) && Enum.IsDefined(parsed) ? parsed : CaseQueue.All;
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var visible = await agencies.ExecuteAsync(ct);
        Agencies = staff.VisibleAgencies is { Count: <= 1 } ? [] : visible;
        AgencyId = agency is { } a && visible.Any(v => v.Id == a) ? a : null;
        Items = await list.ExecuteAsync(new ApplicationQuery { Queue = Queue, Search = Search, AgencyId = AgencyId, Page = page, PageSize = PageSize }, ct);
    }
}
