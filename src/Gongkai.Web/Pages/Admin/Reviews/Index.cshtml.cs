using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reviews;

/// <summary>
/// 行政复议和诉讼: the cases of the agencies this user may see, filtered by kind, status and year, and table 四 of the
/// annual report computed for a year and agency; each cell links to the cases it counts.
/// </summary>
[Authorize(Policy = Policies.ReviewHandler)]
public sealed class IndexModel(ListReviewCases list, ReviewTable4 table4, ListAgencies agencies, StaffContext staff, AgencyClock clock) : PageModel
{
    public const int PageSize = 20;

    public ReviewKind? Kind { get; private set; }

    public ReviewYearStatus? Status { get; private set; }

    public int? Year { get; private set; }

    public int? AgencyId { get; private set; }

    /// <summary>The agencies to filter by; empty when the user sees only one.</summary>
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public Page<ReviewCaseItem> Items { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The year table 四 is shown for: the chosen year, else this year.</summary>
    public int TableYear { get; private set; }

    public string TableScope { get; private set; } = string.Empty;

    public Table4 Table { get; private set; } = new();

    public DateOnly Today => clock.Today();

    public bool IsFiltered => Kind is not null || Status is not null || Year is not null || AgencyId is not null;

    [TempData]
    public string? Message { get; set; }

    public string Link(int page = 1, ReviewKind? kind = null, ReviewYearStatus? status = null, int? year = null, bool cell = false) => QueryString.Create(new Dictionary<string, string?>
    {
        ["kind"] = (cell ? kind : kind ?? Kind)?.ToString(),
        ["status"] = (cell ? status : status ?? Status)?.ToString(),
        ["year"] = (year ?? Year)?.ToString(CultureInfo.InvariantCulture),
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToString();

    public async Task OnGetAsync(string? kind, string? status, int? year, int? agency, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Kind = Enum.TryParse<ReviewKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
        Status = Enum.TryParse<ReviewYearStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        Year = year is >= 2000 and <= 9999 ? year : null;
        var visible = await agencies.ExecuteAsync(ct);
        Agencies = staff.VisibleAgencies is { Count: <= 1 } ? [] : visible;
        AgencyId = agency is { } a && visible.Any(v => v.Id == a) ? a : null;
        Items = await list.ExecuteAsync(new ReviewCaseQuery { Kind = Kind, Status = Status, Year = Year, AgencyId = AgencyId, Page = page, PageSize = PageSize }, ct);
        TableYear = Year ?? Today.Year;
        Table = await table4.ExecuteAsync(TableYear, AgencyId is { } only ? [only] : null, ct);
        TableScope = AgencyId is { } chosen ? visible.Single(v => v.Id == chosen).Name : visible.Count == 1 ? visible[0].Name : "您可查看的全部机关";
    }
}
