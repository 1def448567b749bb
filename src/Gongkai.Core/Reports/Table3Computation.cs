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
        var table = new Table3(ReportFormat.V2021);
        foreach (var row in table.Rows)
        {
            table.SetRow(row.Key, Enumerable.Repeat<long?>(0, Table3Layout.ColumnCount).ToArray());
        }

        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        foreach (var c in cases)
        {
            if (c.Column is < 0 or >= Table3Layout.TotalColumn)
            {
                throw new ArgumentOutOfRangeException(nameof(cases), c.Column, "a table 三 column is 0–5");
            }

            if (c.Received.Year == year)
            {
                Count(table, NewReceived, c.Column);
            }

            if (c.Received < first && (c.Served is null || c.Served >= first))
            {
                Count(table, CarriedOver, c.Column);
            }

            if (c.Served is { } served && served.Year == year)
            {
                Count(table, c.ReportRow ?? throw new ArgumentException("a served case has its decision's row", nameof(cases)), c.Column);
                Count(table, TotalProcessed, c.Column);
            }

            if (c.Received <= last && (c.Served is null || c.Served > last))
            {
                Count(table, CarriedForward, c.Column);
            }
        }

        return table;
    }

    private static void Count(Table3 table, string row, int column)
    {
        var cells = table[row];
        cells[column]++;
        cells[Table3Layout.TotalColumn]++;
    }
}
