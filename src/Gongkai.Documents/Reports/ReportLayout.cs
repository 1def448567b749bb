using System.Globalization;
using Gongkai.Core.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>What a cell of a report table is, for markup (th/td, scope) and for spreadsheets (text or number).</summary>
internal enum ReportCellKind
{
    /// <summary>A caption across the table (第二十条第（一）项) or a column header.</summary>
    ColumnHeader = 0,

    /// <summary>A row label or a group label down its rows.</summary>
    RowHeader = 1,

    /// <summary>A figure (possibly blank).</summary>
    Data = 2,
}

/// <summary>One cell of the official layout with its spans; figures keep their value for spreadsheets.</summary>
internal sealed record ReportCell(string Text, int ColSpan = 1, int RowSpan = 1, ReportCellKind Kind = ReportCellKind.ColumnHeader)
{
    /// <summary>The figure as a number (null for labels and blank cells).</summary>
    public decimal? Value { get; init; }

    /// <summary>Decimal places the figure is printed with (the fee keeps the agency's precision).</summary>
    public int Decimals { get; init; }
}

/// <summary>One of the tables 二 / 三 / 四 as the national format prints it.</summary>
/// <param name="SectionKey">二, 三 or 四.</param>
/// <param name="Columns">Relative column widths (one per grid column).</param>
/// <param name="HeaderRows">How many leading rows are the header (repeated on each printed page).</param>
/// <param name="Rows">The rows; cells covered by a span above or to the left are not listed.</param>
internal sealed record ReportTable(string SectionKey, IReadOnlyList<int> Columns, int HeaderRows, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    public int Width => Columns.Count;

    /// <summary>
    /// The rows on a grid: for each row, every grid column holds the cell starting there, or null where a span covers it
    /// (with <c>Covered</c> pointing at the spanning cell and whether the cover starts in an earlier row).
    /// </summary>
    public IReadOnlyList<GridSlot[]> Grid()
    {
        var grid = Rows.Select(_ => new GridSlot[Width]).ToList();
        for (var r = 0; r < Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in Rows[r])
            {
                while (c < Width && grid[r][c].Cell is not null)
                {
                    c++;
                }

                if (c + cell.ColSpan > Width)
                {
                    throw new InvalidOperationException($"table {SectionKey}: row {r} is wider than {Width} columns");
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColSpan; dc++)
                    {
                        grid[r + dr][c + dc] = new GridSlot(cell, dr == 0 && dc == 0, dr > 0, c, r);
                    }
                }

                c += cell.ColSpan;
            }
        }

        return grid;
    }
}

/// <summary>A grid position of a table: the cell covering it, whether the cell starts here, whether it started in an earlier row.</summary>
internal readonly record struct GridSlot(ReportCell? Cell, bool IsOrigin, bool IsContinuedFromAbove, int OriginColumn, int OriginRow);

/// <summary>
/// The national format's layout of an annual report, shared by the HTML, Word and Excel writers: the tables with the
/// merged cells the format prints (captions across the table, group labels down their rows, 三、本年度办理结果 down all
/// result rows) for either format. Blank (null) figures are empty cells; fees print their printed text.
/// </summary>
internal static class ReportLayout
{
    public const string Table3Rule = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static ReportCell Figure(long? value, int colSpan = 1) =>
        new(Number(value), colSpan, 1, ReportCellKind.Data) { Value = value };

    public static ReportCell Amount(PrintedAmount amount, int colSpan = 1)
    {
        var text = amount.Text ?? (amount.Value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return new ReportCell(text, colSpan, 1, ReportCellKind.Data) { Value = amount.Value, Decimals = DecimalsOf(text, amount.Value) };
    }

    /// <summary>Decimal places as printed ("2096.132" → 3); without printed text, those of the value.</summary>
    public static int DecimalsOf(string text, decimal? value)
    {
        var dot = text.LastIndexOfAny(['.', '．']);
        if (dot >= 0)
        {
            return text.Length - dot - 1 - text[(dot + 1)..].Count(c => !char.IsAsciiDigit(c));
        }

        return text.Length == 0 && value is { } v ? v.Scale : 0;
    }

    public static ReportTable Table(AnnualReport report, string key) => key switch
    {
        "二" => Table2(report),
        "三" => Table3(report),
        "四" => Table4(report),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "tables are 二, 三, 四"),
    };

    public static IEnumerable<ReportTable> Tables(AnnualReport report) => [Table2(report), Table3(report), Table4(report)];

    private static ReportCell Head(string text, int colSpan = 1, int rowSpan = 1) => new(text, colSpan, rowSpan, ReportCellKind.ColumnHeader);

    private static ReportCell Label(string text, int colSpan = 1, int rowSpan = 1) => new(text, colSpan, rowSpan, ReportCellKind.RowHeader);

    public static ReportTable Table2(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<ReportCell> Caption(string text) => [Head(text, 4)];
        var rows = new List<IReadOnlyList<ReportCell>>();
        if (report.Table2Of2021 is { } t)
        {
            rows.AddRange(
            [
                Caption("第二十条第（一）项"),
                [Head("信息内容"), Head("本年制发件数"), Head("本年废止件数"), Head("现行有效件数")],
                [Label("规章"), Figure(t.Regulations.Issued), Figure(t.Regulations.Repealed), Figure(t.Regulations.InForce)],
                [Label("行政规范性文件"), Figure(t.NormativeDocuments.Issued), Figure(t.NormativeDocuments.Repealed), Figure(t.NormativeDocuments.InForce)],
                Caption("第二十条第（五）项"),
                [Head("信息内容"), Head("本年处理决定数量", 3)],
                [Label("行政许可"), Figure(t.AdministrativeLicensing, 3)],
                Caption("第二十条第（六）项"),
                [Head("信息内容"), Head("本年处理决定数量", 3)],
                [Label("行政处罚"), Figure(t.AdministrativePenalty, 3)],
                [Label("行政强制"), Figure(t.AdministrativeCoercion, 3)],
                Caption("第二十条第（八）项"),
                [Head("信息内容"), Head("本年收费金额（单位：万元）", 3)],
                [Label("行政事业性收费"), Amount(t.AdministrativeFees, 3)],
            ]);
        }
        else
        {
            var o = report.Table2Of2019 ?? throw new ArgumentException("the report has no table 二", nameof(report));
            List<ReportCell> ItemHeader() => [Head("信息内容"), Head("上一年项目数量"), Head("本年增/减"), Head("处理决定数量")];
            List<ReportCell> Items(string label, ItemCounts c) => [Label(label), Figure(c.PreviousYearItems), Figure(c.Change), Figure(c.Decisions)];
            var unit = o.CentralizedProcurement.TotalAmountUnit is { Length: > 0 } u ? $"采购总金额（单位：{u}）" : "采购总金额";
            rows.AddRange(
            [
                Caption("第二十条第（一）项"),
                [Head("信息内容"), Head("本年新制作数量"), Head("本年新公开数量"), Head("对外公开总数量")],
                [Label("规章"), Figure(o.Regulations.NewlyMade), Figure(o.Regulations.NewlyPublished), Figure(o.Regulations.TotalPublished)],
                [Label("规范性文件"), Figure(o.NormativeDocuments.NewlyMade), Figure(o.NormativeDocuments.NewlyPublished), Figure(o.NormativeDocuments.TotalPublished)],
                Caption("第二十条第（五）项"),
                ItemHeader(),
                Items("行政许可", o.AdministrativeLicensing),
                Items("其他对外管理服务事项", o.OtherExternalManagementServices),
                Caption("第二十条第（六）项"),
                ItemHeader(),
                Items("行政处罚", o.AdministrativePenalty),
                Items("行政强制", o.AdministrativeCoercion),
                Caption("第二十条第（八）项"),
                [Head("信息内容"), Head("上一年项目数量"), Head("本年增/减", 2)],
                [Label("行政事业性收费"), Figure(o.AdministrativeFees.PreviousYearItems), Figure(o.AdministrativeFees.Change, 2)],
                Caption("第二十条第（九）项"),
                [Head("信息内容"), Head("采购项目数量"), Head(unit, 2)],
                [Label("政府集中采购"), Figure(o.CentralizedProcurement.Projects), Amount(o.CentralizedProcurement.TotalAmount, 2)],
            ]);
        }

        return new ReportTable("二", [34, 22, 22, 22], 0, rows);
    }

    public static ReportTable Table3(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        List<IReadOnlyList<ReportCell>> rows =
        [
            [Head(Table3Rule, 3, 3), Head("申请人情况", 7)],
            [Head("自然人", 1, 2), Head("法人或其他组织", 5), Head("总计", 1, 2)],
            [Head("商业企业"), Head("科研机构"), Head("社会公益组织"), Head("法律服务机构"), Head("其他")],
        ];
        var all = report.Table3.Rows;
        var resultSpan = all.Count(r => r.Role is Table3RowRole.Result or Table3RowRole.Total);
        var groupsStarted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in all)
        {
            var head = new List<ReportCell>();
            if (row.Key == "granted")
            {
                head.Add(Label(row.Group, 1, resultSpan));
                head.Add(Label(row.Label, 2));
            }
            else if (row.Role is Table3RowRole.Result or Table3RowRole.Total && row.Group.Length == 0)
            {
                head.Add(Label(row.Label, 2));
            }
            else if (row.Group.Length > 0)
            {
                if (groupsStarted.Add(row.Group))
                {
                    head.Add(Label(row.Group, 1, all.Count(r => r.Group == row.Group)));
                }

                head.Add(Label(row.Label));
            }
            else
            {
                head.Add(Label(row.Label, 3));
            }

            rows.Add([.. head, .. report.Table3[row.Key].Select(v => Figure(v))]);
        }

        return new ReportTable("三", [7, 8, 29, 8, 8, 8, 8, 8, 8, 8], 3, rows);
    }

    public static ReportTable Table4(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        IEnumerable<ReportCell> Parts() => global::Gongkai.Core.Reports.Table4.PartLabels.Select(l => Head(l));
        List<IReadOnlyList<ReportCell>> rows =
        [
            [Head("行政复议", 5), Head("行政诉讼", 10)],
            [.. global::Gongkai.Core.Reports.Table4.PartLabels.Select(l => Head(l, 1, 2)), Head("未经复议直接起诉", 5), Head("复议后起诉", 5)],
            [.. Parts(), .. Parts()],
            [.. report.Table4.Cells.Select(v => Figure(v))],
        ];
        return new ReportTable("四", [.. Enumerable.Repeat(1, 15)], 3, rows);
    }

    /// <summary>The paragraphs of a narrative text: one per line, blank lines dropped.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n')
            .Select(l => l.Trim()).Where(l => l.Length > 0);
}
