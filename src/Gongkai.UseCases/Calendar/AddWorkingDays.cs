using Gongkai.Core.Calendar;
using Gongkai.Data;

namespace Gongkai.UseCases.Calendar;

/// <summary>Adds working days on the loaded official calendar (the calculator of the back office and the CLI).</summary>
[Data.Audit.ReadOnlyUseCase]
public sealed class AddWorkingDays(GongkaiDbContext db, CalendarProvider calendars)
{
    public async Task<CalendarDate> ExecuteAsync(DateOnly start, int workingDays, DayCounting counting = DayCounting.NextDay, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(db, ct);
        return calendar.AddWorkingDays(start, workingDays, counting);
    }
}
