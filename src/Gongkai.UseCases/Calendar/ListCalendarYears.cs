using Gongkai.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Calendar;

public sealed record CalendarYearSummary(int Year, int OffDays, int MakeUpWorkingDays, string Source, DateTimeOffset LoadedAt, string LoadedBy, int Revision, IReadOnlyList<string> Papers);

public sealed record CalendarChangeEntry(long Id, int Year, DateTimeOffset ChangedAt, string ChangedBy, string Kind, string Source, string Summary);

/// <summary>The loaded years and the history of loads and reloads, for the back office and `gongkai calendar list`.</summary>
[Data.Audit.ReadOnlyUseCase]
public sealed class ListCalendarYears(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<CalendarYearSummary>> ExecuteAsync(CancellationToken ct = default)
    {
        var rows = await db.CalendarYears.AsNoTracking()
            .OrderBy(y => y.Year)
            .Select(y => new
            {
                y.Year,
                Off = y.Days.Count(d => d.IsOffDay),
                Work = y.Days.Count(d => !d.IsOffDay),
                y.Source,
                y.LoadedAt,
                y.LoadedBy,
                y.Revision,
                y.Papers,
            })
            .ToListAsync(ct);
        return rows.Select(r => new CalendarYearSummary(r.Year, r.Off, r.Work, r.Source, r.LoadedAt, r.LoadedBy, r.Revision, r.Papers.Split('\n', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    /// <summary>One page of the change history, newest first.</summary>
    public async Task<Page<CalendarChangeEntry>> HistoryAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var query = db.CalendarChanges.AsNoTracking();
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var items = await query.OrderByDescending(c => c.Id)
            .Skip((p.Page - 1) * p.PageSize).Take(p.PageSize)
            .Select(c => new CalendarChangeEntry(c.Id, c.Year, c.ChangedAt, c.ChangedBy, c.Kind, c.Source, c.Summary))
            .ToListAsync(ct);
        return new Page<CalendarChangeEntry>(items, p.Page, p.PageSize, total);
    }
}
