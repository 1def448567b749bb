using BenchmarkDotNet.Attributes;
using Gongkai.Core.Calendar;

namespace Gongkai.Benchmarks;

/// <summary>
/// Adding working days: the product's constant-time lookup against the plain day-by-day loop over the same calendar
/// (the baseline), for short and long periods. Each call uses a different start date across 2019–2026.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private WorkingDayCalendar _calendar = null!;
    private DateOnly[] _starts = null!;

    [Params(7, 20, 250)]
    public int WorkingDays { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "data", "holiday-cn");
        _calendar = WorkingDayCalendar.From(Directory.GetFiles(dir, "20*.json").Select(f => HolidayNoticeJson.Parse(File.ReadAllText(f))));
        var random = new Random(20240927);
        _starts = Enumerable.Range(0, 1024).Select(_ => new DateOnly(2019, 1, 1).AddDays(random.Next(0, 7 * 365 - 400))).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 1024)]
    public DateOnly DayByDayLoop()
    {
        DateOnly last = default;
        foreach (var start in _starts)
        {
            var d = start;
            for (var counted = 0; counted < WorkingDays;)
            {
                d = d.AddDays(1);
                if (_calendar.IsWorkingDay(d))
                {
                    counted++;
                }
            }

            last = d;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public DateOnly ConstantTimeLookup()
    {
        DateOnly last = default;
        foreach (var start in _starts)
        {
            last = _calendar.AddWorkingDays(start, WorkingDays).Date;
        }

        return last;
    }
}

/// <summary>Building the calendar (done once per calendar revision, then cached): the cost a reload adds.</summary>
[MemoryDiagnoser]
public class CalendarBuildBenchmarks
{
    private List<CalendarYear> _years = null!;

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "data", "holiday-cn");
        _years = Directory.GetFiles(dir, "20*.json").Select(f => HolidayNoticeJson.Parse(File.ReadAllText(f))).ToList();
    }

    [Benchmark]
    public WorkingDayCalendar BuildFromEightYears() => WorkingDayCalendar.From(_years);
}
