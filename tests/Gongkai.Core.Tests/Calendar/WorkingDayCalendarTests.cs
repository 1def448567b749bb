using Gongkai.Core.Calendar;
using Gongkai.Core.Common;

using Gongkai.TestSupport;

namespace Gongkai.Core.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Official = Fixtures.OfficialCalendar();

    public static TheoryData<string, int, string, string> AddWorkingDaysVectors()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var v in Fixtures.DeadlineVectors("add_working_days"))
        {
            data.Add(v.GetProperty("start").GetString()!, v.GetProperty("working_days").GetInt32(), v.GetProperty("expected").GetString()!, v.GetProperty("note").GetString()!);
        }

        return data;
    }

    [Fact]
    public void The_vector_file_holds_add_working_days_cases()
        => Assert.True(AddWorkingDaysVectors().Count >= 14);

    [Theory]
    [MemberData(nameof(AddWorkingDaysVectors))]
    public void Every_add_working_days_vector_holds(string start, int days, string expected, string note)
    {
        var result = Official.AddWorkingDays(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days);
        Assert.True(expected == result.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), $"{start} + {days}: expected {expected}, got {result.Date:yyyy-MM-dd} ({note})");
        Assert.False(result.IsProvisional);
    }

    [Theory]
    [MemberData(nameof(AddWorkingDaysVectors))]
    public void The_constant_time_answer_equals_a_day_by_day_count(string start, int days, string expected, string note)
    {
        _ = expected;
        _ = note;
        var s = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var d = s;
        for (var counted = 0; counted < days;)
        {
            d = d.AddDays(1);
            if (Official.IsWorkingDay(d))
            {
                counted++;
            }
        }

        Assert.Equal(d, Official.AddWorkingDays(s, days).Date);
    }

    [Fact]
    public void Make_up_sundays_are_working_days_and_holidays_on_weekdays_are_not()
    {
        Assert.True(Official.IsWorkingDay(new DateOnly(2024, 9, 29)));   // Sunday, 调休上班
        Assert.False(Official.IsWorkingDay(new DateOnly(2024, 10, 1)));  // National Day
        Assert.False(Official.IsWorkingDay(new DateOnly(2024, 10, 5)));  // Saturday
        Assert.True(Official.IsWorkingDay(new DateOnly(2024, 10, 8)));   // Tuesday after the holiday
    }

    [Fact]
    public void A_date_in_a_year_without_a_loaded_calendar_is_provisional_and_names_the_year()
    {
        var result = Official.AddWorkingDays(new DateOnly(2026, 12, 18), 20);
        Assert.True(result.IsProvisional);
        Assert.Equal([2027], result.MissingYears.ToArray());
        Assert.Contains("2027 年", result.ProvisionalWarning, StringComparison.Ordinal);
        Assert.Contains("暂定", result.ProvisionalWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_inside_loaded_years_is_final_even_when_it_starts_on_the_last_day_of_a_loaded_year()
    {
        var result = Official.AddWorkingDays(new DateOnly(2025, 12, 31), 20);
        Assert.False(result.IsProvisional);
        Assert.Equal(new DateOnly(2026, 1, 29), result.Date);
    }

    [Fact]
    public void With_no_calendar_at_all_every_date_is_provisional_and_counts_monday_to_friday()
    {
        var result = WorkingDayCalendar.Empty.AddWorkingDays(new DateOnly(2024, 9, 27), 20);
        Assert.True(result.IsProvisional);
        Assert.Equal(new DateOnly(2024, 10, 25), result.Date);
        Assert.Equal([2024], result.MissingYears.ToArray());
    }

    [Fact]
    public void Same_day_counting_counts_the_start_day_when_it_is_a_working_day()
    {
        Assert.Equal(new DateOnly(2024, 10, 29), Official.AddWorkingDays(new DateOnly(2024, 9, 27), 20, DayCounting.SameDay).Date);
        // 2024-02-10 is a holiday, so the first counted day is the make-up Sunday 2024-02-18.
        Assert.Equal(new DateOnly(2024, 2, 18), Official.AddWorkingDays(new DateOnly(2024, 2, 10), 1, DayCounting.SameDay).Date);
    }

    [Fact]
    public void Counting_working_days_between_two_dates_matches_adding_them()
    {
        var start = new DateOnly(2024, 9, 27);
        Assert.Equal(20, Official.CountWorkingDays(start, new DateOnly(2024, 10, 30)));
        Assert.Equal(0, Official.CountWorkingDays(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 7)));
    }

    [Fact]
    public void Zero_working_days_returns_the_start_date_and_negative_counts_are_refused()
    {
        Assert.Equal(new DateOnly(2024, 5, 6), Official.AddWorkingDays(new DateOnly(2024, 5, 6), 0).Date);
        var ex = Assert.Throws<DomainException>(() => Official.AddWorkingDays(new DateOnly(2024, 5, 6), -1));
        Assert.Equal(WorkingDayCalendar.InvalidArgumentCode, ex.Code);
    }

    [Fact]
    public void Dates_outside_the_supported_span_are_refused_with_a_clear_message()
    {
        var ex = Assert.Throws<DomainException>(() => Official.AddWorkingDays(new DateOnly(1980, 1, 1), 1));
        Assert.Equal(WorkingDayCalendar.OutOfRangeCode, ex.Code);
        Assert.Contains("1980-01-01", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_notice_overrides_an_earlier_one_for_the_same_date()
    {
        // 2019's notice restates 2018-12-29 (Saturday) as a working day.
        Assert.True(Official.IsWorkingDay(new DateOnly(2018, 12, 29)));
    }

    [Fact]
    public void Reloading_a_year_with_a_changed_notice_changes_the_result()
    {
        // 2020: the Spring Festival was extended by a second notice to 2020-02-02.
        var years = Fixtures.OfficialYears();
        var y2020 = years.Single(y => y.Year == 2020);
        var firstNoticeOnly = y2020 with { Days = [.. y2020.Days.Where(d => d.Date is not ({ Month: 1, Day: 31 } or { Month: 2, Day: 1 } or { Month: 2, Day: 2 }))] };
        var before = WorkingDayCalendar.From(years.Where(y => y.Year != 2020).Append(firstNoticeOnly));
        Assert.Equal(new DateOnly(2020, 2, 20), before.AddWorkingDays(new DateOnly(2020, 1, 17), 20).Date);
        Assert.Equal(new DateOnly(2020, 2, 21), Official.AddWorkingDays(new DateOnly(2020, 1, 17), 20).Date);
    }

    [Fact]
    public void This_year_is_needed_and_from_december_next_year_too()
    {
        Assert.Equal([2026], WorkingDayCalendar.YearsNeededOn(new DateOnly(2026, 11, 30)));
        Assert.Equal([2026, 2027], WorkingDayCalendar.YearsNeededOn(new DateOnly(2026, 12, 1)));
    }
}
