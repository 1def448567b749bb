using System.Globalization;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 公开时效 (条例第二十六条): per unit this user may see, the items waiting for publication — overdue, due soon, the
/// others — and this year's published versions on time and late, worst first; each unit's overdue items open in
/// the catalogue list, and the monthly 超期公开 list is one click away.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class TimelinessModel(GetTimelinessBoard board, StaffContext staff) : PageModel
{
    public TimelinessBoard Board { get; private set; } = null!;

    /// <summary>Whether the user looks over several units (a 政务公开办 or 系统管理员) rather than their own.</summary>
    public bool SeesSeveral => Board.Rows.Count > 1 || staff.IsUnrestricted;

    public string ThisMonth => TimelinessRules.MonthText(new DateOnly(Board.Today.Year, Board.Today.Month, 1));

    public string LastMonth => TimelinessRules.MonthText(new DateOnly(Board.Today.Year, Board.Today.Month, 1).AddMonths(-1));

    public static string Rate(decimal? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken ct) => Board = await board.ExecuteAsync(ct);
}
