using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>The applications behind one cell of a report's table 三 (the records the number was counted from).</summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class CellModel(ListReportCellCases cells, GetAnnualReport get) : PageModel
{
    public int ReportId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string RowLabel { get; private set; } = string.Empty;

    public string ColumnLabel { get; private set; } = string.Empty;

    public IReadOnlyList<ReportCellCase> Cases { get; private set; } = [];

    public long? Printed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string row, int column, CancellationToken ct)
    {
        try
        {
            var detail = await get.ExecuteAsync(id, ct);
            Cases = await cells.ExecuteAsync(id, row, column, ct);
            ReportId = id;
            Title = $"{detail.AgencyName}{detail.Record.Year}年度报告";
            RowLabel = Table3Layout.RowsOf(ReportFormat.V2021).Single(r => r.Key == row).Label;
            ColumnLabel = Table3Layout.ColumnLabel(column);
            Printed = detail.Report.Table3.HasRow(row) ? detail.Report.Table3[row][column] : null;
            return Page();
        }
        catch (DomainException ex) when (ex.Code == ReportRules.InvalidCode)
        {
            return NotFound();
        }
    }
}
