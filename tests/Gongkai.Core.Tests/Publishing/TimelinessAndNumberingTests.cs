using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.TestSupport;

namespace Gongkai.Core.Tests.Publishing;

public sealed class TimelinessAndNumberingTests
{
    private static readonly WorkingDayCalendar Official = Fixtures.OfficialCalendar();

    [Fact]
    public void Twenty_working_days_run_from_the_next_day_over_the_national_day_holiday_and_its_make_up_days()
    {
        // Formed on Friday 27 September 2024: the 国庆 holiday (1–7 October) is skipped, the make-up Saturdays
        // 29 September and 12 October count.
        var t = PublicationTimeliness.Of(Official, new DateOnly(2024, 9, 27), null, new DateOnly(2024, 10, 8));
        Assert.Equal(new DateOnly(2024, 10, 30), t.Due.Date);
        Assert.Equal(TimelinessState.Open, t.State);

        Assert.Equal(TimelinessState.DueSoon, PublicationTimeliness.Of(Official, new DateOnly(2024, 9, 27), null, new DateOnly(2024, 10, 25)).State);
        var overdue = PublicationTimeliness.Of(Official, new DateOnly(2024, 9, 27), null, new DateOnly(2024, 11, 1));
        Assert.Equal((TimelinessState.Overdue, 2), (overdue.State, overdue.WorkingDays));
        Assert.Equal(TimelinessState.OnTime, PublicationTimeliness.Of(Official, new DateOnly(2024, 9, 27), new DateOnly(2024, 10, 30), new DateOnly(2024, 12, 1)).State);
        var late = PublicationTimeliness.Of(Official, new DateOnly(2024, 9, 27), new DateOnly(2024, 11, 4), new DateOnly(2024, 12, 1));
        Assert.Equal((TimelinessState.Late, 3), (late.State, late.WorkingDays));
    }

    [Fact]
    public void A_year_without_a_loaded_calendar_gives_a_provisional_deadline()
    {
        var t = PublicationTimeliness.Of(Official, new DateOnly(2027, 3, 1), null, new DateOnly(2027, 3, 2));
        Assert.True(t.Due.IsProvisional);
    }

    [Fact]
    public void Numbering_patterns_fill_the_agency_code_year_and_padded_serial_and_report_unknown_placeholders()
    {
        Assert.Equal("11441700007280420Y/2021-00050", NumberPattern.Format("{统一社会信用代码}/{YYYY}-{NNNNN}", 2021, 50, creditCode: "11441700007280420Y"));
        Assert.Equal("007280420/2021-00050", NumberPattern.Format("{组织机构代码}/{YYYY}-{NNNNN}", 2021, 50, creditCode: "11441700007280420Y"));
        Assert.Equal("昆教依申〔2026〕007号", NumberPattern.Format("{简称}依申〔{YYYY}〕{NNN}号", 2026, 7, "昆教"));
        Assert.Equal("2026-123456", NumberPattern.Format("{YYYY}-{NNN}", 2026, 123456));
        Assert.True(NumberPattern.HasSerial("{YYYY}-{N}"));
        Assert.False(NumberPattern.HasSerial("{YYYY}-N"));
        Assert.Equal(["{年份}"], NumberPattern.Unknown("{简称}/{年份}-{NNN}"));
    }
}
