using System.Globalization;
using System.Text;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Calendar;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Calendar;

/// <summary>What an import did to a year.</summary>
public enum CalendarImportOutcome
{
    /// <summary>首次导入</summary>
    Loaded,

    /// <summary>重新导入，内容有变化</summary>
    Reloaded,

    /// <summary>重新导入，内容与已导入的相同</summary>
    Unchanged,
}

public sealed record CalendarImportResult(int Year, CalendarImportOutcome Outcome, int Revision, string Summary);

/// <summary>
/// Loads or reloads one year of the official calendar (same JSON schema as the shipped data). A reload mid-year
/// replaces the year's days and records what changed in the calendar history; open deadlines are recomputed from it.
/// </summary>
[AuditAction("导入工作日历")]
public sealed class ImportCalendarYear(GongkaiDbContext db, CalendarProvider calendars, StaffContext staff, AuditContext audit, TimeProvider clock)
{
    public const string MaxFileSizeText = "1 MB";
    public const int MaxFileBytes = 1024 * 1024;
    public const string ConcurrentChangeCode = "calendar.concurrent_change";

    public async Task<CalendarImportResult> ExecuteAsync(string json, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetByteCount(json) > MaxFileBytes)
        {
            throw new DomainException(HolidayNoticeJson.ErrorCode, $"日历文件无效：文件超过 {MaxFileSizeText}，不像是一年的节假日安排。");
        }

        var year = HolidayNoticeJson.Parse(json);
        var result = await ExecuteAsync(year, source, ct);
        return result;
    }

    public async Task<CalendarImportResult> ExecuteAsync(CalendarYear year, string source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(year);
        staff.EnsureRole(Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        WorkingDayCalendar.EnsureSupportedYear(year.Year);

        var now = clock.GetUtcNow();
        var fingerprint = year.Fingerprint();
        var existing = await db.CalendarYears.Include(y => y.Days).SingleOrDefaultAsync(y => y.Year == year.Year, ct);
        CalendarImportResult result;
        if (existing is null)
        {
            db.CalendarYears.Add(new CalendarYearRecord
            {
                Year = year.Year,
                Papers = string.Join('\n', year.Papers),
                Fingerprint = fingerprint,
                Source = Truncate(source, 500),
                LoadedAt = now,
                LoadedBy = staff.DisplayName,
                Revision = 1,
                Days = [.. year.Days.Select(d => new CalendarDayRecord { Year = year.Year, Date = d.Date, Name = d.Name, IsOffDay = d.IsOffDay })],
            });
            var summary = $"首次导入 {year.Year} 年日历：{year.Days.Count(d => d.IsOffDay)} 个放假日，{year.Days.Count(d => !d.IsOffDay)} 个调休上班日。";
            result = new CalendarImportResult(year.Year, CalendarImportOutcome.Loaded, 1, summary);
        }
        else if (existing.Fingerprint == fingerprint)
        {
            result = new CalendarImportResult(year.Year, CalendarImportOutcome.Unchanged, existing.Revision, $"{year.Year} 年日历与已导入的内容相同，未作修改。");
        }
        else
        {
            var summary = Describe(year.Year, existing.Days, year.Days);
            db.CalendarDays.RemoveRange(existing.Days);
            existing.Days = [.. year.Days.Select(d => new CalendarDayRecord { Year = year.Year, Date = d.Date, Name = d.Name, IsOffDay = d.IsOffDay })];
            existing.Papers = string.Join('\n', year.Papers);
            existing.Fingerprint = fingerprint;
            existing.Source = Truncate(source, 500);
            existing.LoadedAt = now;
            existing.LoadedBy = staff.DisplayName;
            existing.Revision++;
            result = new CalendarImportResult(year.Year, CalendarImportOutcome.Reloaded, existing.Revision, summary);
        }

        db.CalendarChanges.Add(new CalendarChangeRecord
        {
            Year = year.Year,
            ChangedAt = now,
            ChangedBy = staff.DisplayName,
            Kind = result.Outcome switch
            {
                CalendarImportOutcome.Loaded => "首次导入",
                CalendarImportOutcome.Reloaded => "重新导入",
                CalendarImportOutcome.Unchanged => "重新导入（无变化）",
                _ => throw new InvalidOperationException(),
            },
            Source = Truncate(source, 500),
            Summary = result.Summary,
            RevisionAfter = result.Revision,
        });

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            throw new DomainException(ConcurrentChangeCode, $"{year.Year} 年日历刚刚被其他人修改，请刷新后重试。", ex);
        }

        calendars.Invalidate();
        if (result.Outcome != CalendarImportOutcome.Unchanged)
        {
            await RecomputeOpenCasesAsync(year.Year, result, now, ct);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        // The calendar cached during the recomputation carries the new revision's stamp, so it stays valid after the
        // commit; had the commit failed, the stamp in the database would differ and the cache would be rebuilt.
        return result;
    }

    /// <summary>
    /// A changed calendar moves deadlines: every case not yet served gets its due date
    /// recomputed, and a change is written into the case history (visible to the applicant) with the old and new date.
    /// </summary>
    private async Task RecomputeOpenCasesAsync(int year, CalendarImportResult result, DateTimeOffset now, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(db, ct);
        var cases = await db.Applications.Include(a => a.Pauses)
            .Where(a => a.Received != null && a.Served == null)
            .ToListAsync(ct);
        var verb = result.Outcome == CalendarImportOutcome.Loaded ? "导入" : "重新导入";
        foreach (var c in cases)
        {
            var due = Core.Cases.ApplicationCase.Restore(c.Snapshot()).Deadline(calendar);
            if (due is null || due.Due.Date == c.DueDate)
            {
                continue;
            }

            db.ApplicationEvents.Add(new Data.Cases.ApplicationEventRecord
            {
                ApplicationId = c.Id,
                At = now,
                Actor = staff.DisplayName,
                Kind = "CalendarRecomputed",
                Summary = c.DueDate is { } old
                    ? $"{year} 年工作日历已{verb}（第 {result.Revision} 版），答复截止日按新日历由 {old:yyyy-MM-dd} 调整为 {due.Due.Date:yyyy-MM-dd}。"
                    : $"{year} 年工作日历已{verb}（第 {result.Revision} 版），答复截止日按新日历计算为 {due.Due.Date:yyyy-MM-dd}。",
                StateAfter = c.State,
                DueBefore = c.DueDate,
                DueAfter = due.Due.Date,
                VisibleToApplicant = true,
            });
            c.DueDate = due.Due.Date;
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Describe(int year, IEnumerable<CalendarDayRecord> before, IEnumerable<CalendarDay> after)
    {
        var old = before.ToDictionary(d => d.Date);
        var @new = after.ToDictionary(d => d.Date);
        var lines = new List<string>();
        foreach (var d in @new.Values.OrderBy(d => d.Date))
        {
            if (!old.TryGetValue(d.Date, out var o))
            {
                lines.Add($"新增 {Day(d.Date)} {Kind(d.IsOffDay)}（{d.Name}）");
            }
            else if (o.IsOffDay != d.IsOffDay || o.Name != d.Name)
            {
                lines.Add($"变更 {Day(d.Date)} {Kind(o.IsOffDay)}（{o.Name}）→ {Kind(d.IsOffDay)}（{d.Name}）");
            }
        }

        foreach (var o in old.Values.Where(o => !@new.ContainsKey(o.Date)).OrderBy(o => o.Date))
        {
            lines.Add($"删除 {Day(o.Date)} {Kind(o.IsOffDay)}（{o.Name}）");
        }

        return lines.Count == 0
            ? $"重新导入 {year} 年日历：日期未变，通知信息有更新。"
            : $"重新导入 {year} 年日历，共 {lines.Count} 处变化：" + string.Join("；", lines) + "。";

        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static string Kind(bool off) => off ? "放假" : "调休上班";
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
