using Gongkai.Core.Calendar;

namespace Gongkai.Core.Reports.Validation;

/// <summary>Whose report it is: the deadline differs (条例第四十九条).</summary>
public enum ReportingUnitKind
{
    /// <summary>A department (部门): publish by 31 January.</summary>
    Department = 0,

    /// <summary>A government's own report, published by its 政府信息公开工作主管部门: by 31 March.</summary>
    Government = 1,
}

/// <summary>
/// The publication deadlines (calendar dates in the year after the report year). No rule moves a deadline falling on a
/// holiday; when <see cref="ShiftOnCalendar"/> is set, such a deadline moves to the next working day on it.
/// </summary>
public sealed record ReportDeadlines
{
    public static ReportDeadlines Default { get; } = new();

    public int DepartmentMonth { get; init; } = 1;

    public int DepartmentDay { get; init; } = 31;

    public int GovernmentMonth { get; init; } = 3;

    public int GovernmentDay { get; init; } = 31;

    public WorkingDayCalendar? ShiftOnCalendar { get; init; }

    public DateOnly DeadlineFor(int reportYear, ReportingUnitKind kind)
    {
        var date = kind == ReportingUnitKind.Government
            ? new DateOnly(reportYear + 1, GovernmentMonth, GovernmentDay)
            : new DateOnly(reportYear + 1, DepartmentMonth, DepartmentDay);
        if (ShiftOnCalendar is { } calendar)
        {
            while (!calendar.IsWorkingDay(date))
            {
                date = date.AddDays(1);
            }
        }

        return date;
    }
}

/// <summary>An application as counted into table 三: the result rows it was counted in (for R6).</summary>
public sealed record CountedApplication(string Reference, IReadOnlyList<string> ResultRows);

/// <summary>What the validator may compare a report with. Everything is optional; a missing input makes its rule not assessable.</summary>
public sealed record ValidationContext
{
    public static ValidationContext None { get; } = new();

    /// <summary>The same agency's report on the year before (W1, W2, W5).</summary>
    public AnnualReport? PreviousYear { get; init; }

    /// <summary>Reports of sibling agencies on the same year (W5).</summary>
    public IReadOnlyList<AnnualReport> Siblings { get; init; } = [];

    /// <summary>When the report was published (W6).</summary>
    public DateOnly? PublishedOn { get; init; }

    public ReportingUnitKind UnitKind { get; init; } = ReportingUnitKind.Department;

    public ReportDeadlines Deadlines { get; init; } = ReportDeadlines.Default;

    /// <summary>When the report was computed from cases: each application and the result rows it was counted in (R6).</summary>
    public IReadOnlyList<CountedApplication>? Applications { get; init; }

    /// <summary>W5 fires when a narrative section's similarity reaches this share (0 … 1).</summary>
    public double SimilarityThreshold { get; init; } = 0.6;
}
