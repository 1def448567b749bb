using Gongkai.Core.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>A unit in a 汇总 workbook: its name, its report's status as the supervising office sees it, and the report if there is one.</summary>
/// <param name="Agency">单位.</param>
/// <param name="Status">状态, as shown (e.g. 已发布, 未报送).</param>
/// <param name="Report">The report; null when the unit has none (only its status is shown).</param>
public sealed record ReportRollupEntry(string Agency, string Status, AnnualReport? Report);

/// <summary>
/// Writes annual reports as Excel workbooks (SpreadsheetML). <see cref="Write"/>: one report, sheets 表二 / 表三 / 表四 in
/// the national layout with its merged cells, figures as numbers (the fee with the precision it is printed with),
/// blank figures as empty cells. <see cref="Rollup"/>: the units below a 政务公开办 side by side — 汇总 (one row per unit),
/// 表三 (one row per unit and table-三 row), 表四 (one row per unit) — each with a 合计 row over the units that have a
/// report, in which blank cells are not counted as 0 (a column with no figure at all stays blank).
/// </summary>
public static class ReportXlsxWriter
{
    /// <summary>The row where each table of <see cref="Write"/> starts (row 1: the title, row 2: the section heading).</summary>
    public const int FirstTableRow = 3;

    /// <summary>The headers of the 汇总 sheet after 单位 and 状态, in order.</summary>
    public static IReadOnlyList<string> RollupSummaryHeaders { get; } =
    [
        "规章·本年制发件数", "规章·本年废止件数", "规章·现行有效件数",
        "行政规范性文件·本年制发件数", "行政规范性文件·本年废止件数", "行政规范性文件·现行有效件数",
        "行政许可·本年处理决定数量", "行政处罚·本年处理决定数量", "行政强制·本年处理决定数量", "行政事业性收费·本年收费金额（万元）",
        "本年新收申请（总计）", "上年结转申请（总计）", "办理结果总计", "结转下年度继续办理（总计）",
        "行政复议·总计", "行政诉讼（未经复议直接起诉）·总计", "行政诉讼（复议后起诉）·总计",
    ];

    public static byte[] Write(AnnualReport report, ReportDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(info);
        var sheets = ReportLayout.Tables(report).Select(t => TableSheet(t, info.Title)).ToList();
        return SheetBuilder.Workbook(info.Title, sheets);
    }

    private static SheetBuilder TableSheet(ReportTable table, string title)
    {
        var sheet = new SheetBuilder("表" + table.SectionKey)
        {
            Landscape = table.SectionKey != "二",
            PrintTitleRows = table.HeaderRows > 0 ? (FirstTableRow, FirstTableRow + table.HeaderRows - 1) : null,
        };
        sheet.Text(1, 1, title, SheetStyle.Title);
        sheet.Merge(1, 1, 1, table.Width, SheetStyle.Title);
        sheet.Text(2, 1, AnnualReport.SectionHeading(table.SectionKey), SheetStyle.Default);
        sheet.Merge(2, 1, 1, table.Width, SheetStyle.Default);
        var scale = table.SectionKey == "三" ? 1.2 : 0.6;
        for (var c = 0; c < table.Width; c++)
        {
            sheet.Width(c + 1, Math.Max(8, table.Columns[c] * scale));
        }

        var grid = table.Grid();
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < table.Width; c++)
            {
                var slot = grid[r][c];
                if (!slot.IsOrigin || slot.Cell is not { } cell)
                {
                    continue;
                }

                var row = FirstTableRow + r;
                var column = c + 1;
                var style = cell.Kind switch
                {
                    ReportCellKind.Data => cell.Decimals > 0 ? SheetStyle.Integer + Math.Min(cell.Decimals, SheetBuilder.MaxDecimals) : SheetStyle.Integer,
                    ReportCellKind.RowHeader => cell.RowSpan > 1 ? SheetStyle.Header : SheetStyle.Label,
                    _ => SheetStyle.Header,
                };
                if (cell.Kind == ReportCellKind.Data && cell.Value is { } value)
                {
                    sheet.Number(row, column, value, cell.Decimals);
                }
                else
                {
                    // A blank figure stays empty; a figure printed as text only (no value) keeps its text.
                    sheet.Text(row, column, cell.Text, style);
                }

                sheet.Merge(row, column, cell.RowSpan, cell.ColSpan, style);
            }
        }

        return sheet;
    }

    public static byte[] Rollup(string title, IReadOnlyList<ReportRollupEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(entries);
        return SheetBuilder.Workbook(title, [SummarySheet(title, entries), Table3Sheet(title, entries), Table4Sheet(title, entries)]);
    }

    /// <summary>A figure with the decimals it is printed with (0 for counts).</summary>
    private readonly record struct Figure(decimal? Value, int Decimals)
    {
        public static Figure Of(long? value) => new(value, 0);

        public static Figure Of(PrintedAmount amount) =>
            new(amount.Value, ReportLayout.DecimalsOf(amount.Text ?? string.Empty, amount.Value));
    }

    /// <summary>The 17 figures of a unit on the 汇总 sheet; table 二's are blank for a report in the 2019 format (its table 二 has other rows).</summary>
    private static Figure[] SummaryFigures(AnnualReport report)
    {
        var t2 = report.Table2Of2021;
        var t3 = report.Table3;
        long? Total(string key) => t3[key][Table3Layout.TotalColumn];
        return
        [
            Figure.Of(t2?.Regulations.Issued), Figure.Of(t2?.Regulations.Repealed), Figure.Of(t2?.Regulations.InForce),
            Figure.Of(t2?.NormativeDocuments.Issued), Figure.Of(t2?.NormativeDocuments.Repealed), Figure.Of(t2?.NormativeDocuments.InForce),
            Figure.Of(t2?.AdministrativeLicensing), Figure.Of(t2?.AdministrativePenalty), Figure.Of(t2?.AdministrativeCoercion),
            t2 is null ? Figure.Of((long?)null) : Figure.Of(t2.AdministrativeFees),
            Figure.Of(Total("new_received")), Figure.Of(Total("carried_over")), Figure.Of(Total("total_processed")), Figure.Of(Total("carried_forward")),
            Figure.Of(report.Table4.Cells[4]), Figure.Of(report.Table4.Cells[9]), Figure.Of(report.Table4.Cells[14]),
        ];
    }

    /// <summary>Sums the figures column by column; a blank does not count, a column with no figure stays blank.</summary>
    private static Figure[] Sum(IReadOnlyList<Figure[]> rows, int width)
    {
        var sums = new Figure[width];
        for (var c = 0; c < width; c++)
        {
            var present = rows.Select(r => r[c]).Where(f => f.Value is not null).ToList();
            sums[c] = present.Count == 0
                ? new Figure(null, 0)
                : new Figure(present.Sum(f => f.Value!.Value), present.Max(f => f.Decimals));
        }

        return sums;
    }

    private static void Header(SheetBuilder sheet, string title, IReadOnlyList<string> headers)
    {
        sheet.Text(1, 1, title, SheetStyle.Title);
        sheet.Merge(1, 1, 1, headers.Count, SheetStyle.Title);
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Text(2, c + 1, headers[c], SheetStyle.Header);
        }
    }

    private static void Figures(SheetBuilder sheet, int row, int firstColumn, IReadOnlyList<Figure> figures)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            if (figures[i].Value is { } v)
            {
                sheet.Number(row, firstColumn + i, v, figures[i].Decimals);
            }
            else
            {
                sheet.Text(row, firstColumn + i, null, SheetStyle.Integer);
            }
        }
    }

    private static SheetBuilder SummarySheet(string title, IReadOnlyList<ReportRollupEntry> entries)
    {
        var sheet = new SheetBuilder("汇总") { Landscape = true, PrintTitleRows = (2, 2) };
        Header(sheet, title, ["单位", "状态", .. RollupSummaryHeaders]);
        sheet.Width(1, 28);
        sheet.Width(2, 10);
        for (var c = 0; c < RollupSummaryHeaders.Count; c++)
        {
            sheet.Width(c + 3, 12);
        }

        var row = 3;
        var withReport = new List<Figure[]>();
        foreach (var entry in entries)
        {
            sheet.Text(row, 1, entry.Agency, SheetStyle.Label);
            sheet.Text(row, 2, entry.Status, SheetStyle.Header);
            if (entry.Report is { } report)
            {
                var figures = SummaryFigures(report);
                withReport.Add(figures);
                Figures(sheet, row, 3, figures);
            }
            else
            {
                Figures(sheet, row, 3, new Figure[RollupSummaryHeaders.Count]);
            }

            row++;
        }

        sheet.Text(row, 1, "合计", SheetStyle.Header);
        sheet.Text(row, 2, $"{withReport.Count}/{entries.Count}", SheetStyle.Header);
        Figures(sheet, row, 3, Sum(withReport, RollupSummaryHeaders.Count));
        return sheet;
    }

    private static SheetBuilder Table3Sheet(string title, IReadOnlyList<ReportRollupEntry> entries)
    {
        var sheet = new SheetBuilder("表三") { Landscape = true, PrintTitleRows = (2, 2) };
        Header(sheet, title + "（收到和处理政府信息公开申请情况）", ["单位", "项目", .. Table3Layout.Columns.Select(c => c.Label)]);
        sheet.Width(1, 28);
        sheet.Width(2, 48);
        for (var c = 0; c < Table3Layout.ColumnCount; c++)
        {
            sheet.Width(c + 3, 10);
        }

        var row = 3;
        var byKey = new Dictionary<string, List<Figure[]>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Report is not { } report)
            {
                continue;
            }

            foreach (var r in report.Table3.Rows)
            {
                sheet.Text(row, 1, entry.Agency, SheetStyle.Label);
                sheet.Text(row, 2, r.FullLabel, SheetStyle.Label);
                var figures = report.Table3[r.Key].Select(Figure.Of).ToArray();
                Figures(sheet, row, 3, figures);
                if (!byKey.TryGetValue(r.Key, out var list))
                {
                    byKey[r.Key] = list = [];
                }

                list.Add(figures);
                row++;
            }
        }

        // 合计 per row, in the 2021 order with the 2019 single （六）其他处理 row after the 2021 （六） rows.
        var order = Table3Layout.Rows2021.Select(r => r.Key).ToList();
        order.Insert(order.IndexOf("total_processed"), "other");
        foreach (var key in order.Where(byKey.ContainsKey))
        {
            sheet.Text(row, 1, "合计", SheetStyle.Header);
            sheet.Text(row, 2, Table3Layout.Row(key).FullLabel, SheetStyle.Label);
            Figures(sheet, row, 3, Sum(byKey[key], Table3Layout.ColumnCount));
            row++;
        }

        return sheet;
    }

    private static SheetBuilder Table4Sheet(string title, IReadOnlyList<ReportRollupEntry> entries)
    {
        var sheet = new SheetBuilder("表四") { Landscape = true, PrintTitleRows = (2, 2) };
        var blocks = new[] { Table4Block.AdministrativeReview, Table4Block.LitigationDirect, Table4Block.LitigationAfterReview };
        Header(sheet, title + "（政府信息公开行政复议、行政诉讼情况）", ["单位", .. blocks.SelectMany(b => Table4.PartLabels.Select(p => Table4.BlockLabel(b) + "·" + p))]);
        sheet.Width(1, 28);
        for (var c = 0; c < Table4.CellCount; c++)
        {
            sheet.Width(c + 2, 10);
        }

        var row = 3;
        var all = new List<Figure[]>();
        foreach (var entry in entries)
        {
            if (entry.Report is not { } report)
            {
                continue;
            }

            sheet.Text(row, 1, entry.Agency, SheetStyle.Label);
            var figures = report.Table4.Cells.Select(Figure.Of).ToArray();
            all.Add(figures);
            Figures(sheet, row, 2, figures);
            row++;
        }

        sheet.Text(row, 1, "合计", SheetStyle.Header);
        Figures(sheet, row, 2, Sum(all, Table4.CellCount));
        return sheet;
    }
}
