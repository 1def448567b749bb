using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>
/// The rules of 公开时效 shared by the board and the monthly list (条例第二十六条): which items still wait for
/// publication, the warning window of 即将到期, and working days counted on the official calendar (Monday–Friday for a
/// year whose notice is not loaded, and then said to be provisional).
/// </summary>
public static partial class TimelinessRules
{
    /// <summary>即将到期: unpublished and due within this many working days (today included).</summary>
    public const int DueSoonWorkingDays = 5;

    /// <summary>The first month the list can be asked for (条例 in force from 2008-05-01).</summary>
    public const int FirstYear = 2008;

    /// <summary>The only 主动公开 items are published; an item waits while its working revision is not published and it is neither published nor withdrawn.</summary>
    public static IQueryable<Data.Publishing.CatalogueItemRecord> Unpublished(IQueryable<Data.Publishing.CatalogueItemRecord> items) =>
        items.Where(i => i.Attribute == DisclosureAttribute.Proactive
            && i.Stage != ItemStage.Published
            && i.Stage != ItemStage.Withdrawn
            && i.Revision > i.PublishedRevision);

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="through"/>] and whether the count is provisional (a year on the way has no loaded calendar).</summary>
    public static (int Days, bool Provisional) WorkingDaysAfter(WorkingDayCalendar calendar, DateOnly after, DateOnly through)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return (calendar.CountWorkingDays(after, through), !calendar.MissingYearsBetween(after, through).IsDefaultOrEmpty);
    }

    /// <summary>The Chinese note shown when some days were counted without the year's official calendar.</summary>
    public static string? ProvisionalWarning(IEnumerable<int> missingYears)
    {
        var years = missingYears.Distinct().Order().ToList();
        return years.Count == 0
            ? null
            : $"暂定：{string.Join("、", years.Select(y => y.ToString(CultureInfo.InvariantCulture) + " 年"))}的官方节假日安排尚未导入，相关日期和工作日数按周一至周五推算，导入日历后以重新计算的为准。";
    }

    /// <summary>Reads “2026-10” as that month; anything else, or a month after the current one, is refused in Chinese.</summary>
    public static (DateOnly First, DateOnly Last) Month(string? month, DateOnly today)
    {
        var text = (month ?? string.Empty).Trim();
        if (!MonthPattern().IsMatch(text)
            || !DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            throw Invalid("请按“2026-10”的格式填写年月。");
        }

        if (first.Year < FirstYear)
        {
            throw Invalid($"月份不能早于 {FirstYear} 年。");
        }

        if (first > today)
        {
            throw Invalid("不能查看本月以后的月份。");
        }

        return (first, first.AddMonths(1).AddDays(-1));
    }

    public static string MonthText(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string> { ["month"] = message });

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex MonthPattern();
}

/// <summary>One unit on the 公开时效 board.</summary>
/// <param name="Waiting">Items waiting for publication (在办): all of them, of which <paramref name="Overdue"/> are past the deadline and <paramref name="DueSoon"/> are due within the warning window.</param>
/// <param name="OnTime">Versions published this year by their deadline (按时公开).</param>
/// <param name="Late">Versions published this year after their deadline (超期公开).</param>
public sealed record TimelinessBoardRow(int AgencyId, string AgencyName, AgencyKind Kind, int Waiting, int Overdue, int DueSoon, int OnTime, int Late)
{
    /// <summary>Waiting items neither overdue nor due soon.</summary>
    public int Open => Waiting - Overdue - DueSoon;

    public int Published => OnTime + Late;

    /// <summary>超期公开率: the share of this year's published versions that were late; null when nothing was published.</summary>
    public decimal? LateRate => Published == 0 ? null : Math.Round((decimal)Late / Published, 4);
}

/// <summary>The board: the rows worst first, their totals, today, the end of the 即将到期 window, and a note when days were counted without a loaded calendar.</summary>
public sealed record TimelinessBoard(int Year, DateOnly Today, DateOnly DueSoonUntil, IReadOnlyList<TimelinessBoardRow> Rows, TimelinessBoardRow Totals, string? ProvisionalWarning);

/// <summary>
/// 公开时效看板 (条例第二十六条): for every unit this user may see — a department itself, a 政务公开办 its whole subtree —
/// the items waiting for publication (已超期, 即将到期 within 5 working days, the others; a version set to publish
/// later still waits), and this year's published
/// versions on time and late (each version of an item counts on its own: its publication day against its own
/// deadline), with the late rate; worst first (most overdue, then the highest late rate), with a 合计 row. Counted by
/// grouped queries.
/// </summary>
[ReadOnlyUseCase]
public sealed class GetTimelinessBoard(GongkaiDbContext db, StaffContext staff, AgencyClock clock, CalendarProvider calendars)
{
    public async Task<TimelinessBoard> ExecuteAsync(CancellationToken ct = default)
    {
        var tree = await AgencyTree.LoadAsync(db, ct);
        var visible = staff.VisibleAgencies?.ToList();
        var nodes = tree.Ordered.Where(n => visible is null || visible.Contains(n.Id)).ToList();
        var today = clock.Today();
        var calendar = await calendars.GetAsync(db, ct);
        var soon = calendar.AddWorkingDays(today, TimelinessRules.DueSoonWorkingDays);

        // Due soon: working days in (today, due] at most the window — that is, due before the window's next working day.
        var soonBefore = calendar.AddWorkingDays(today, TimelinessRules.DueSoonWorkingDays + 1).Date;
        var waiting = await TimelinessRules.Unpublished(db.CatalogueItems.AsNoTracking())
            .Where(i => visible == null || visible.Contains(i.AgencyId))
            .GroupBy(i => i.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Waiting = g.Count(),
                Overdue = g.Count(i => i.DueOn < today),
                DueSoon = g.Count(i => i.DueOn >= today && i.DueOn < soonBefore),
            })
            .ToDictionaryAsync(x => x.AgencyId, ct);

        // A version set to publish at a later time is not public yet: it still waits (and may be overdue).
        var scheduled = await (
            from r in db.CatalogueRevisions.AsNoTracking()
            join i in db.CatalogueItems.AsNoTracking() on r.ItemId equals i.Id
            where (visible == null || visible.Contains(i.AgencyId)) && r.PublishedOn > today
            group r by i.AgencyId into g
            select new
            {
                AgencyId = g.Key,
                Waiting = g.Count(),
                Overdue = g.Count(r => r.DueOn < today),
                DueSoon = g.Count(r => r.DueOn >= today && r.DueOn < soonBefore),
            })
            .ToDictionaryAsync(x => x.AgencyId, ct);

        var first = new DateOnly(today.Year, 1, 1);
        var published = await (
            from r in db.CatalogueRevisions.AsNoTracking()
            join i in db.CatalogueItems.AsNoTracking() on r.ItemId equals i.Id
            where (visible == null || visible.Contains(i.AgencyId)) && r.PublishedOn >= first && r.PublishedOn <= today
            group r by i.AgencyId into g
            select new { AgencyId = g.Key, OnTime = g.Count(r => r.PublishedOn <= r.DueOn), Late = g.Count(r => r.PublishedOn > r.DueOn) })
            .ToDictionaryAsync(x => x.AgencyId, ct);

        var order = nodes.Select((n, i) => (n.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var rows = nodes.Select(n =>
        {
            var w = waiting.GetValueOrDefault(n.Id);
            var s = scheduled.GetValueOrDefault(n.Id);
            var p = published.GetValueOrDefault(n.Id);
            return new TimelinessBoardRow(
                n.Id,
                n.Name,
                n.Kind,
                (w?.Waiting ?? 0) + (s?.Waiting ?? 0),
                (w?.Overdue ?? 0) + (s?.Overdue ?? 0),
                (w?.DueSoon ?? 0) + (s?.DueSoon ?? 0),
                p?.OnTime ?? 0,
                p?.Late ?? 0);
        })
            .OrderByDescending(r => r.Overdue)
            .ThenByDescending(r => r.LateRate ?? -1m)
            .ThenByDescending(r => r.Late)
            .ThenByDescending(r => r.DueSoon)
            .ThenBy(r => order[r.AgencyId])
            .ToList();
        var totals = new TimelinessBoardRow(0, "合计", AgencyKind.Government, rows.Sum(r => r.Waiting), rows.Sum(r => r.Overdue), rows.Sum(r => r.DueSoon), rows.Sum(r => r.OnTime), rows.Sum(r => r.Late));
        return new TimelinessBoard(today.Year, today, soon.Date, rows, totals, TimelinessRules.ProvisionalWarning(calendar.MissingYearsBetween(first, soon.Date)));
    }
}

/// <summary>Why an entry is on the monthly list.</summary>
public enum LateEntryKind
{
    /// <summary>超期公开: a version published in the month after its deadline.</summary>
    PublishedLate = 0,

    /// <summary>超期未公开: not published at the month's end although its deadline had passed.</summary>
    Overdue = 1,
}

/// <summary>
/// An entry of the monthly list: the item and version, 索引号 (once published), 成文日期 (first version) or 变更日期
/// (a revision; null when no longer known), the deadline, the publication day (null when still unpublished at the
/// month's end; for such an entry, the day it was published after the month, if it was) and the working days late —
/// to the publication day, or to the month's end.
/// </summary>
public sealed record LateEntry(
    int ItemId,
    int Revision,
    LateEntryKind Kind,
    string Title,
    string? IndexNumber,
    DateOnly? FormedOrChanged,
    DateOnly DueOn,
    DateOnly? PublishedOn,
    int WorkingDaysLate,
    bool Provisional,
    DateOnly? PublishedLater = null)
{
    /// <summary>成文日期 for the first version, 变更日期 for a revision.</summary>
    public string DateLabel => Revision <= 1 ? "成文日期" : "变更日期";

    public string KindName => Kind == LateEntryKind.PublishedLate ? "超期公开" : "超期未公开";
}

/// <summary>A unit's entries on the monthly list with its counts.</summary>
public sealed record LateUnit(int AgencyId, string AgencyName, IReadOnlyList<LateEntry> Entries)
{
    public int PublishedLate => Entries.Count(e => e.Kind == LateEntryKind.PublishedLate);

    public int Overdue => Entries.Count(e => e.Kind == LateEntryKind.Overdue);
}

/// <summary>
/// The monthly list: the month, its first and last day, the day the overdue items are counted at (the month's end,
/// or today in the current month), the units with entries, and a note when days were counted without a loaded calendar.
/// </summary>
public sealed record LateList(string Month, DateOnly First, DateOnly Last, DateOnly AsOf, IReadOnlyList<LateUnit> Units, string? ProvisionalWarning)
{
    public int PublishedLate => Units.Sum(u => u.PublishedLate);

    public int Overdue => Units.Sum(u => u.Overdue);

    public bool IsEmpty => Units.Count == 0;

    /// <summary>“2026年10月”</summary>
    public string MonthName => First.ToString("yyyy年M月", CultureInfo.InvariantCulture);
}

/// <summary>
/// 超期公开月度清单, from which the 政务公开办 通报 late units: in the units this user may see, every version published
/// late in the month, and every item still unpublished and overdue at the month's end (counted at today in the
/// current month; an item published later still appears in the month it was overdue in), grouped by unit in the
/// agency tree's order with each unit's counts. A month whose calendar year is not loaded is counted Monday–Friday
/// and said to be provisional.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListLateItems(GongkaiDbContext db, StaffContext staff, AgencyClock clock, CalendarProvider calendars)
{
    public async Task<LateList> ExecuteAsync(string? month, CancellationToken ct = default)
    {
        var today = clock.Today();
        var (first, last) = TimelinessRules.Month(month, today);
        var asOf = last < today ? last : today;
        var visible = staff.VisibleAgencies?.ToList();
        var calendar = await calendars.GetAsync(db, ct);

        var late = await (
            from r in db.CatalogueRevisions.AsNoTracking()
            join i in db.CatalogueItems.AsNoTracking() on r.ItemId equals i.Id
            where (visible == null || visible.Contains(i.AgencyId)) && r.PublishedOn >= first && r.PublishedOn <= asOf && r.PublishedOn > r.DueOn
            select new Row(i.Id, i.AgencyId, r.Revision, r.Title, i.IndexNumber, i.Revision, i.Formed, i.Changed, r.DueOn, (DateOnly?)r.PublishedOn))
            .ToListAsync(ct);

        // Overdue at the month's end: waiting now with the deadline passed by then, or published only after the month's end.
        var waiting = await TimelinessRules.Unpublished(db.CatalogueItems.AsNoTracking())
            .Where(i => (visible == null || visible.Contains(i.AgencyId)) && i.DueOn < asOf)
            .Select(i => new Row(i.Id, i.AgencyId, i.Revision, i.Title, i.IndexNumber, i.Revision, i.Formed, i.Changed, i.DueOn, null))
            .ToListAsync(ct);
        var publishedAfter = await (
            from r in db.CatalogueRevisions.AsNoTracking()
            join i in db.CatalogueItems.AsNoTracking() on r.ItemId equals i.Id
            where (visible == null || visible.Contains(i.AgencyId)) && r.PublishedOn > asOf && r.DueOn < asOf
            select new Row(i.Id, i.AgencyId, r.Revision, r.Title, i.IndexNumber, i.Revision, i.Formed, i.Changed, r.DueOn, (DateOnly?)r.PublishedOn))
            .ToListAsync(ct);

        var missing = new List<int>();
        LateEntry Entry(Row row, LateEntryKind kind)
        {
            var published = kind == LateEntryKind.PublishedLate ? row.PublishedOn : null;
            var end = published ?? asOf;
            var (days, provisional) = TimelinessRules.WorkingDaysAfter(calendar, row.DueOn, end);
            DateOnly? formed = row.Revision <= 1 ? row.Formed : row.Revision == row.ItemRevision ? row.Changed : null;
            var years = calendar.MissingYearsBetween(formed ?? row.DueOn, end);
            missing.AddRange(years);
            return new LateEntry(
                row.ItemId,
                row.Revision,
                kind,
                row.Title,
                row.IndexNumber,
                formed,
                row.DueOn,
                published,
                days,
                provisional || !years.IsDefaultOrEmpty,
                kind == LateEntryKind.Overdue ? row.PublishedOn : null);
        }

        var entries = late.Select(r => (r.AgencyId, Entry: Entry(r, LateEntryKind.PublishedLate)))
            .Concat(waiting.Concat(publishedAfter).Select(r => (r.AgencyId, Entry: Entry(r, LateEntryKind.Overdue))))
            .ToList();
        missing.AddRange(calendar.MissingYearsBetween(first, last));

        var tree = await AgencyTree.LoadAsync(db, ct);
        var byUnit = entries.ToLookup(e => e.AgencyId, e => e.Entry);
        var units = tree.Ordered
            .Where(n => byUnit.Contains(n.Id))
            .Select(n => new LateUnit(n.Id, n.Name, [.. byUnit[n.Id].OrderBy(e => e.Kind).ThenBy(e => e.DueOn).ThenBy(e => e.ItemId).ThenBy(e => e.Revision)]))
            .ToList();
        return new LateList(TimelinessRules.MonthText(first), first, last, asOf, units, TimelinessRules.ProvisionalWarning(missing));
    }

    private sealed record Row(int ItemId, int AgencyId, int Revision, string Title, string? IndexNumber, int ItemRevision, DateOnly Formed, DateOnly? Changed, DateOnly DueOn, DateOnly? PublishedOn);
}

/// <summary>The monthly list as an Excel workbook: 超期公开清单 (one row per entry) and 按单位汇总 (one row per unit, with 合计).</summary>
public static class LateListWorkbook
{
    public const string EntriesSheet = "超期公开清单";
    public const string UnitsSheet = "按单位汇总";

    public static readonly string[] EntryColumns = ["序号", "单位", "类别", "标题", "索引号", "成文/变更日期", "公开期限", "公开日期", "超期工作日"];

    public static readonly string[] UnitColumns = ["单位", "超期公开", "超期未公开", "合计"];

    public static string FileName(LateList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"超期公开清单-{list.Month}.xlsx";
    }

    public static byte[] Write(LateList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        var n = 0;
        var rows = list.Units.SelectMany(u => u.Entries.Select(e => EntryColumns.Zip(new object?[]
        {
            ++n, u.AgencyName, e.KindName, e.Title, e.IndexNumber ?? string.Empty, Date(e.FormedOrChanged), Date(e.DueOn),
            e.PublishedOn is { } p ? Date(p)
                : e.PublishedLater is { } later ? $"截至 {Date(list.AsOf)} 未公开（{Date(later)} 公开）"
                : $"未公开（截至 {Date(list.AsOf)}）",
            e.Provisional ? e.WorkingDaysLate.ToString(CultureInfo.InvariantCulture) + "（暂定）" : e.WorkingDaysLate,
        }).ToDictionary(p => p.First, p => p.Second ?? string.Empty))).ToList();
        if (rows.Count == 0)
        {
            rows.Add(EntryColumns.ToDictionary(c => c, _ => (object)string.Empty));
        }

        var units = list.Units.Select(u => new Dictionary<string, object>
        {
            [UnitColumns[0]] = u.AgencyName,
            [UnitColumns[1]] = u.PublishedLate,
            [UnitColumns[2]] = u.Overdue,
            [UnitColumns[3]] = u.Entries.Count,
        }).Append(new Dictionary<string, object>
        {
            [UnitColumns[0]] = "合计",
            [UnitColumns[1]] = list.PublishedLate,
            [UnitColumns[2]] = list.Overdue,
            [UnitColumns[3]] = list.PublishedLate + list.Overdue,
        }).ToList();

        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new Dictionary<string, object> { [EntriesSheet] = rows, [UnitsSheet] = units });
        return stream.ToArray();
    }
}

/// <summary>超期公开月度清单 as XLSX (<see cref="LateListWorkbook"/>), for the 政务公开办's 通报; the same scope and checks as <see cref="ListLateItems"/>.</summary>
[ReadOnlyUseCase]
public sealed class ExportLateItems(ListLateItems list)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Reports.ReportFile> ExecuteAsync(string? month, CancellationToken ct = default)
    {
        var late = await list.ExecuteAsync(month, ct);
        return new Reports.ReportFile(LateListWorkbook.Write(late), ContentType, LateListWorkbook.FileName(late));
    }
}
