using Gongkai.Core.Calendar;

namespace Gongkai.Core.Publishing;

/// <summary>Where an item stands against its publication deadline.</summary>
public enum TimelinessState
{
    /// <summary>Not published, more than the warning window left.</summary>
    Open = 0,

    /// <summary>Not published, due within the warning window (即将到期).</summary>
    DueSoon = 1,

    /// <summary>Not published and past its deadline (已超期).</summary>
    Overdue = 2,

    /// <summary>Published by the deadline (按时公开).</summary>
    OnTime = 3,

    /// <summary>Published after the deadline (超期公开).</summary>
    Late = 4,
}

/// <summary>An item's deadline and state: the due date (provisional when a year's calendar is missing) and the working days left or late.</summary>
public sealed record Timeliness(CalendarDate Due, TimelinessState State, int WorkingDays);

/// <summary>
/// 条例第二十六条: information is published within 20 working days of being formed or changed (counted from the next
/// day, on the official calendar with its 调休 make-up days), unless a law sets another period.
/// </summary>
public static class PublicationTimeliness
{
    public const int StatutoryWorkingDays = 20;

    /// <param name="formed">The day the information was formed or last changed (成文日期 or 变更日期).</param>
    /// <param name="published">The day it was published, or null.</param>
    /// <param name="today">Today in the agencies' time zone.</param>
    /// <param name="dueSoonWorkingDays">The warning window for unpublished items.</param>
    /// <param name="period">The period in working days (20 unless a law sets another).</param>
    public static Timeliness Of(WorkingDayCalendar calendar, DateOnly formed, DateOnly? published, DateOnly today, int dueSoonWorkingDays = 5, int period = StatutoryWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.AddWorkingDays(formed, period);
        if (published is { } p)
        {
            return p <= due.Date
                ? new Timeliness(due, TimelinessState.OnTime, 0)
                : new Timeliness(due, TimelinessState.Late, Between(calendar, due.Date, p));
        }

        if (today > due.Date)
        {
            return new Timeliness(due, TimelinessState.Overdue, Between(calendar, due.Date, today));
        }

        var left = Between(calendar, today, due.Date);
        return new Timeliness(due, left <= dueSoonWorkingDays ? TimelinessState.DueSoon : TimelinessState.Open, left);
    }

    /// <summary>Working days after <paramref name="from"/> through <paramref name="to"/>; a missing calendar year counts weekdays (as the provisional dates do).</summary>
    private static int Between(WorkingDayCalendar calendar, DateOnly from, DateOnly to)
    {
        try
        {
            return calendar.CountWorkingDays(from, to);
        }
        catch (Common.DomainException)
        {
            var n = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                n += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
            }

            return n;
        }
    }
}
