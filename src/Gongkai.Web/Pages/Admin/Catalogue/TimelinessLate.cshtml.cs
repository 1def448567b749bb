using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 超期公开月度清单: the versions published late in a month and the items overdue at its end, by unit, for the
/// 政务公开办 to 通报 the late units — printable (the navigation and buttons drop out), and as an Excel workbook.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TimelinessLateModel(ListLateItems list, ExportLateItems export, AgencyClock clock) : PageModel
{
    public LateList? List { get; private set; }

    /// <summary>The month as asked (or last month by default), kept in the picker even when refused.</summary>
    public string Month { get; private set; } = string.Empty;

    /// <summary>The latest month that may be picked (this month).</summary>
    public string MaxMonth => TimelinessRules.MonthText(new DateOnly(clock.Today().Year, clock.Today().Month, 1));

    public string? Error { get; private set; }

    public static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public async Task<IActionResult> OnGetAsync(string? month, CancellationToken ct)
    {
        Month = Default(month);
        try
        {
            List = await list.ExecuteAsync(Month, ct);
        }
        catch (ValidationFailedException ex)
        {
            Error = ex.Errors.Values.First();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }

    /// <summary>The month's list as XLSX.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(string? month, CancellationToken ct)
    {
        Month = Default(month);
        try
        {
            var file = await export.ExecuteAsync(Month, ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (ValidationFailedException ex)
        {
            Error = ex.Errors.Values.First();
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    private string Default(string? month) => string.IsNullOrWhiteSpace(month)
        ? TimelinessRules.MonthText(new DateOnly(clock.Today().Year, clock.Today().Month, 1).AddMonths(-1))
        : month.Trim();
}
