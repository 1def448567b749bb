using System.Collections.Immutable;
using Gongkai.Core.Common;

namespace Gongkai.Core.Calendar;

/// <summary>How the first day of a period is found.</summary>
public enum DayCounting
{
    /// <summary>次日起算: the start date is day zero and counting begins the next day (the default convention).</summary>
    NextDay = 0,

    /// <summary>当日起算: the start date itself counts when it is a working day.</summary>
    SameDay = 1,
}

/// <summary>
/// A date computed on the official calendar. When any year the computation passed through has no loaded
/// calendar, the date is provisional: Monday–Friday was assumed for those years and <see cref="MissingYears"/>
/// names the years an administrator must load. It is never silently presented as final.
/// </summary>
public readonly record struct CalendarDate(DateOnly Date, ImmutableArray<int> MissingYears)
{
    public bool IsProvisional => !MissingYears.IsDefaultOrEmpty;

    /// <summary>The Chinese warning shown beside a provisional date, or null when the date is final.</summary>
    public string? ProvisionalWarning => IsProvisional
        ? $"暂定日期：{string.Join("、", MissingYears.Select(y => $"{y} 年"))}的官方节假日安排尚未导入，按周一至周五推算。请管理员导入 {string.Join("、", MissingYears)} 年的日历后重新计算。"
        : null;

    public override string ToString() => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + (IsProvisional ? "（暂定）" : string.Empty);
}

/// <summary>
/// The official working-day calendar: a working day is a make-up working day (调休上班) listed in a State Council
/// notice, or a Monday–Friday that no notice lists as a holiday. Immutable; a reload builds a new instance.
/// <para>
/// Every query is O(1): the constructor precomputes, over a fixed span of years, the running count of working days
/// and the date of each working-day ordinal, so adding N working days is two array reads.
/// </para>
/// </summary>
public sealed class WorkingDayCalendar
{
    public const int FirstSupportedYear = 1990;
    public const int LastSupportedYear = 2199;
    public const string OutOfRangeCode = "calendar.out_of_range";
    public const string InvalidArgumentCode = "calendar.invalid_argument";

    private static readonly DateOnly SpanStart = new(FirstSupportedYear, 1, 1);
    private static readonly int SpanStartDayNumber = SpanStart.DayNumber;
    private static readonly int SpanLength = new DateOnly(LastSupportedYear, 12, 31).DayNumber - SpanStartDayNumber + 1;

    // cumulative[i] = number of working days in [SpanStart, SpanStart + i], inclusive.
    private readonly int[] _cumulative;

    // dayOfOrdinal[k] = index of the k-th working day (1-based; slot 0 unused).
    private readonly int[] _dayOfOrdinal;
    private readonly bool[] _loaded;

    private WorkingDayCalendar(IReadOnlyCollection<CalendarYear> years)
    {
        _loaded = new bool[LastSupportedYear - FirstSupportedYear + 1];
        var isWorking = new bool[SpanLength];
        for (var i = 0; i < SpanLength; i++)
        {
            var dow = (DayOfWeek)((i + (int)SpanStart.DayOfWeek) % 7);
            isWorking[i] = dow is not DayOfWeek.Saturday and not DayOfWeek.Sunday;
        }

        // Later notices win where two notices name the same date (2019's notice restates 2018-12-29..31).
        foreach (var year in years.OrderBy(y => y.Year))
        {
            _loaded[year.Year - FirstSupportedYear] = true;
            foreach (var day in year.Days)
            {
                var i = day.Date.DayNumber - SpanStartDayNumber;
                if (i >= 0 && i < SpanLength)
                {
                    isWorking[i] = !day.IsOffDay;
                }
            }
        }

        _cumulative = new int[SpanLength];
        var count = 0;
        for (var i = 0; i < SpanLength; i++)
        {
            if (isWorking[i])
            {
                count++;
            }

            _cumulative[i] = count;
        }

        _dayOfOrdinal = new int[count + 1];
        for (var i = 0; i < SpanLength; i++)
        {
            if (isWorking[i])
            {
                _dayOfOrdinal[_cumulative[i]] = i;
            }
        }

        LoadedYears = years.Select(y => y.Year).ToImmutableSortedSet();
    }

    public static WorkingDayCalendar Empty { get; } = new([]);

    /// <summary>The years whose official notice is loaded.</summary>
    public ImmutableSortedSet<int> LoadedYears { get; }

    public static WorkingDayCalendar From(IEnumerable<CalendarYear> years)
    {
        var list = years.ToList();
        var duplicate = list.GroupBy(y => y.Year).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException(InvalidArgumentCode, $"{duplicate.Key} 年的日历被提供了两次。");
        }

        foreach (var y in list)
        {
            EnsureSupportedYear(y.Year);
        }

        return new WorkingDayCalendar(list);
    }

    /// <summary>
    /// The years whose calendar must be loaded on <paramref name="today"/> for deadlines not to be provisional: this
    /// year, and from December also next year (its notice is usually out by then).
    /// </summary>
    public static IReadOnlyList<int> YearsNeededOn(DateOnly today) => today.Month == 12 ? [today.Year, today.Year + 1] : [today.Year];

    public bool IsLoaded(int year) => year is >= FirstSupportedYear and <= LastSupportedYear && _loaded[year - FirstSupportedYear];

    public bool IsWorkingDay(DateOnly date)
    {
        var i = Index(date);
        return i == 0 ? _cumulative[0] == 1 : _cumulative[i] != _cumulative[i - 1];
    }

    /// <summary>
    /// The date on which a period of <paramref name="workingDays"/> working days that starts on
    /// <paramref name="start"/> ends. With <see cref="DayCounting.NextDay"/>, 2024-09-27 + 20 is 2024-10-30.
    /// </summary>
    public CalendarDate AddWorkingDays(DateOnly start, int workingDays, DayCounting counting = DayCounting.NextDay)
    {
        if (workingDays < 0)
        {
            throw new DomainException(InvalidArgumentCode, $"工作日数不能为负数（收到 {workingDays}）。");
        }

        var i = Index(start);
        var dayZero = counting == DayCounting.SameDay ? i - 1 : i;
        if (dayZero < 0)
        {
            throw OutOfRange(start);
        }

        if (workingDays == 0)
        {
            return new CalendarDate(start, MissingYearsBetween(start, start));
        }

        var target = _cumulative[dayZero] + workingDays;
        if (target >= _dayOfOrdinal.Length)
        {
            throw new DomainException(OutOfRangeCode, $"从 {start:yyyy-MM-dd} 起加 {workingDays} 个工作日超出了可计算的范围（至 {LastSupportedYear} 年）。");
        }

        var end = SpanStart.AddDays(_dayOfOrdinal[target]);
        var firstCounted = SpanStart.AddDays(dayZero + 1);
        return new CalendarDate(end, MissingYearsBetween(firstCounted, end));
    }

    /// <summary>Working days in (<paramref name="afterExclusive"/>, <paramref name="throughInclusive"/>]; negative when the order is reversed.</summary>
    public int CountWorkingDays(DateOnly afterExclusive, DateOnly throughInclusive)
        => _cumulative[Index(throughInclusive)] - _cumulative[Index(afterExclusive)];

    /// <summary>The years between the two dates (inclusive) whose calendar is not loaded, in order.</summary>
    public ImmutableArray<int> MissingYearsBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            (from, to) = (to, from);
        }

        ImmutableArray<int>.Builder? missing = null;
        for (var y = from.Year; y <= to.Year; y++)
        {
            if (!IsLoaded(y))
            {
                missing ??= ImmutableArray.CreateBuilder<int>();
                missing.Add(y);
            }
        }

        return missing?.ToImmutable() ?? [];
    }

    private static int Index(DateOnly date)
    {
        var i = date.DayNumber - SpanStartDayNumber;
        if (i < 0 || i >= SpanLength)
        {
            throw OutOfRange(date);
        }

        return i;
    }

    /// <summary>Refuses, with a Chinese message, a year outside the span the calendar can count.</summary>
    public static void EnsureSupportedYear(int year)
    {
        if (year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new DomainException(OutOfRangeCode, $"{year} 年超出支持的范围（{FirstSupportedYear}–{LastSupportedYear}）。");
        }
    }

    private static DomainException OutOfRange(DateOnly date)
        => new(OutOfRangeCode, $"日期 {date:yyyy-MM-dd} 超出可计算的范围（{FirstSupportedYear}–{LastSupportedYear} 年）。");
}
