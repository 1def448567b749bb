using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Portal;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>政府信息公开工作年度报告 of an agency (/Gongkai/{agencyId}/Baogao): its published reports, newest year first, as on /Baogao.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ReportsModel(GetColumnAgency agencies, ListPublishedReports list) : PageModel
{
    public ColumnAgency Agency { get; private set; } = null!;

    public IReadOnlyList<PublicReportEntry> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int agencyId, CancellationToken ct)
    {
        Agency = await agencies.ExecuteAsync(agencyId, ct);

        Reports = await list.ExecuteAsync(null, agencyId, ct);
        return Page();
    }
}
