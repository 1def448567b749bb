using System.Collections.Immutable;
using Gongkai.Core.Calendar;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Calendar;

/// <summary>
/// Gives the current <see cref="WorkingDayCalendar"/> built from the loaded years in the database. The built
/// calendar is cached and rebuilt when any year's revision changes, including a reload made by another process
/// (the CLI and the web app share one database).
/// </summary>
public sealed class CalendarProvider
{
    private readonly Lock _gate = new();
    private (string Stamp, WorkingDayCalendar Calendar)? _cached;

    public async Task<WorkingDayCalendar> GetAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var revisions = await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).Select(y => new { y.Year, y.Revision }).ToListAsync(ct);
        var stamp = string.Join(',', revisions.Select(r => $"{r.Year}:{r.Revision}"));
        lock (_gate)
        {
            if (_cached is { } c && c.Stamp == stamp)
            {
                return c.Calendar;
            }
        }

        var days = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var years = revisions.Select(r => new CalendarYear(
            r.Year,
            [],
            days.Where(d => d.Year == r.Year).Select(d => new CalendarDay(d.Date, d.Name, d.IsOffDay)).ToImmutableArray()));
        var calendar = WorkingDayCalendar.From(years);
        lock (_gate)
        {
            _cached = (stamp, calendar);
        }

        return calendar;
    }

    /// <summary>Forget the cached calendar (after an import in this process).</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }
}
