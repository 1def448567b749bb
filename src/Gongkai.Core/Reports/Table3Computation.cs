namespace Gongkai.Core.Reports;

/// <summary>
/// One application as table 三 counts it: its applicant's column (0–5: 自然人, 商业企业, 科研机构, 社会公益组织,
/// 法律服务机构, 其他), the day it was received, the day its reply was served (null while open), and the row of its
/// decision (null until decided). Cases table 三 does not count (更正申请, applications not yet received) are left out
/// by the caller.
/// </summary>
public sealed record Table3Case(int Column, DateOnly Received, DateOnly? Served, string? ReportRow);

/// <summary>
/// Table 三 of a year computed from the applications (the conventions of application-procedure.md): 新收 = received in
/// the year; 上年结转 = received before the year and not served before it; a case is 办理 in the year when its reply was
/// served in the year (counted in its decision's row and in 总计); 结转下年度 = received by 31 December and not served by
/// then. Every cell is a number (a computed table has no blanks), and the 总计 column sums the others.
/// </summary>
public static class Table3Computation
{
    public const string NewReceived = "new_received";
    public const string CarriedOver = "carried_over";
    public const string TotalProcessed = "total_processed";
    public const string CarriedForward = "carried_forward";

    public static Table3 Compute(IEnumerable<Table3Case> cases, int year)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var table = Zero();
        foreach (var c in cases)
        {
            foreach (var row in RowsOf(c, year))
            {
                Add(table, row, c.Column, 1);
            }
        }

        return table;
    }

    /// <summary>A table 三 with every cell 0.</summary>
    public static Table3 Zero()
    {
        var table = new Table3(ReportFormat.V2021);
        foreach (var row in table.Rows)
        {
            table.SetRow(row.Key, Enumerable.Repeat<long?>(0, Table3Layout.ColumnCount).ToArray());
        }

        return table;
    }

    /// <summary>
    /// The rows of the year's table in which one application is counted (in its column and in 总计): 新收, 上年结转,
    /// its decision's row and （七）总计 when served in the year, 结转下年度. Empty when the year does not concern it.
    /// </summary>
    public static IReadOnlyList<string> RowsOf(Table3Case c, int year)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Column is < 0 or >= Table3Layout.TotalColumn)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c.Column, "a table 三 column is 0–5");
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var rows = new List<string>(3);
        if (c.Received.Year == year)
        {
            rows.Add(NewReceived);
        }

        if (c.Received < first && (c.Served is null || c.Served >= first))
        {
            rows.Add(CarriedOver);
        }

        if (c.Served is { } served && served.Year == year && c.Received <= last)
        {
            rows.Add(c.ReportRow ?? throw new ArgumentException("a served case has its decision's row", nameof(c)));
            rows.Add(TotalProcessed);
        }

        if (c.Received <= last && (c.Served is null || c.Served > last))
        {
            rows.Add(CarriedForward);
        }

        return rows;
    }

    /// <summary>Counts <paramref name="count"/> applications into a row's column and its 总计.</summary>
    public static void Add(Table3 table, string row, int column, long count)
    {
        ArgumentNullException.ThrowIfNull(table);
        var cells = table[row];
        cells[column] += count;
        cells[Table3Layout.TotalColumn] += count;
    }
}
