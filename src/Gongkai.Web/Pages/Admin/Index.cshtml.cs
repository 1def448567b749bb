using Gongkai.Data;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(GongkaiDbContext db, AgencyClock clock) : PageModel
{
    public IReadOnlyList<int> LoadedYears { get; private set; } = [];

    public IReadOnlyList<int> MissingYears { get; private set; } = [];

    public int AgencyCount { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        LoadedYears = await db.CalendarYears.OrderBy(y => y.Year).Select(y => y.Year).ToListAsync(ct);
        MissingYears = Core.Calendar.WorkingDayCalendar.YearsNeededOn(Today).Where(y => !LoadedYears.Contains(y)).ToList();
        AgencyCount = await db.Agencies.CountAsync(ct);
    }
}
