using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>
/// 年度报告: the board of a year — every unit this user may see with its report's state, deadline and lateness —
/// where a unit opens its report, and a 政务公开办 downloads the rollup workbook.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class IndexModel(GetReportBoard board, OpenAnnualReport open, GetReportRollup rollup, StaffContext staff, AgencyClock clock) : PageModel
{
    public ReportBoard Board { get; private set; } = null!;

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public bool IsOffice => staff.IsInRole(Data.Accounts.Roles.DisclosureOffice) || staff.IsInRole(Data.Accounts.Roles.SystemAdministrator);

    public bool MayWrite(int agencyId) => ReportRules.MayWrite(staff, agencyId);

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(int? year, CancellationToken ct) => await LoadAsync(year, ct);

    /// <summary>起草: opens (or finds) the unit's report on the year and goes to it.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int agency, int year, CancellationToken ct)
    {
        try
        {
            var id = await open.ExecuteAsync(agency, year, ct);
            return Redirect($"/Admin/Reports/{id}");
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            FormError = "未能起草年度报告：" + ex.Message;
            Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            await LoadAsync(year, ct);
            return Page();
        }
    }

    /// <summary>汇总表 of the year (XLSX) for a 政务公开办.</summary>
    public async Task<IActionResult> OnGetRollupAsync(int year, CancellationToken ct)
    {
        try
        {
            var file = await rollup.ExecuteAsync(year, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        var last = clock.Today().Year - 1;
        Year = year is >= 2021 and <= 9999 && year <= last ? year.Value : last;
        Years = [.. Enumerable.Range(2021, Math.Max(1, last - 2020)).Reverse()];
        Board = await board.ExecuteAsync(Year, ct);
    }
}
