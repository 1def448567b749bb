using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Reports;

namespace Gongkai.Reports.Import.Tests;

/// <summary>A table cell of the official layout, with its spans.</summary>
public sealed record LayoutCell(string Text, int ColSpan = 1, int RowSpan = 1);

/// <summary>A block of a report document: a paragraph (Table is null) or a table.</summary>
public sealed record LayoutBlock(string? Paragraph, IReadOnlyList<IReadOnlyList<LayoutCell>>? Table);

/// <summary>
/// A report laid out as agencies publish it, in either format: title, basis, the six headings with their narrative,
/// and the three tables with the national format's merged cells (captions across the table, group labels down their
/// rows, 三、本年度办理结果 down all result rows). Written out as an HTML page, a Word document (gridSpan, vMerge) or,
/// through Chromium, a PDF — so the same random report can be read back from each form.
/// </summary>
public static class ReportDocument
{
    private static string N(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    public static IReadOnlyList<LayoutBlock> Layout(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<LayoutBlock>();
        void P(string text) => blocks.Add(new LayoutBlock(text, null));
        void T(List<List<LayoutCell>> rows) => blocks.Add(new LayoutBlock(null, rows.Select(r => (IReadOnlyList<LayoutCell>)r).ToList()));
        void Section(string key)
        {
            P(AnnualReport.SectionHeading(key));
            foreach (var line in report.Sections[key].Split('\n'))
            {
                P(line);
            }
        }

        P($"{report.Agency}{report.Year}年政府信息公开工作年度报告");
        P(report.Format == ReportFormat.V2019
            ? "本报告根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。"
            : "本报告根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。");
        Section("一");
        P(AnnualReport.SectionHeading("二"));
        T(Table2(report));
        P(AnnualReport.SectionHeading("三"));
        T(Table3(report));
        P(AnnualReport.SectionHeading("四"));
        T(
        [
            [new("行政复议", 5), new("行政诉讼", 10)],
            [new("结果维持", 1, 2), new("结果纠正", 1, 2), new("其他结果", 1, 2), new("尚未审结", 1, 2), new("总计", 1, 2), new("未经复议直接起诉", 5), new("复议后起诉", 5)],
            [.. Enumerable.Repeat<LayoutCell[]>([new("结果维持"), new("结果纠正"), new("其他结果"), new("尚未审结"), new("总计")], 2).SelectMany(x => x)],
            [.. report.Table4.Cells.Select(v => new LayoutCell(N(v)))],
        ]);
        Section("五");
        Section("六");
        return blocks;
    }

    private static List<List<LayoutCell>> Table2(AnnualReport report)
    {
        List<LayoutCell> Caption(string text) => [new(text, 4)];
        if (report.Table2Of2021 is { } t)
        {
            return
            [
                Caption("第二十条第（一）项"),
                [new("信息内容"), new("本年制发件数"), new("本年废止件数"), new("现行有效件数")],
                [new("规章"), new(N(t.Regulations.Issued)), new(N(t.Regulations.Repealed)), new(N(t.Regulations.InForce))],
                [new("行政规范性文件"), new(N(t.NormativeDocuments.Issued)), new(N(t.NormativeDocuments.Repealed)), new(N(t.NormativeDocuments.InForce))],
                Caption("第二十条第（五）项"),
                [new("信息内容"), new("本年处理决定数量", 3)],
                [new("行政许可"), new(N(t.AdministrativeLicensing), 3)],
                Caption("第二十条第（六）项"),
                [new("信息内容"), new("本年处理决定数量", 3)],
                [new("行政处罚"), new(N(t.AdministrativePenalty), 3)],
                [new("行政强制"), new(N(t.AdministrativeCoercion), 3)],
                Caption("第二十条第（八）项"),
                [new("信息内容"), new("本年收费金额（单位：万元）", 3)],
                [new("行政事业性收费"), new(t.AdministrativeFees.Text ?? string.Empty, 3)],
            ];
        }

        var o = report.Table2Of2019!;
        List<LayoutCell> Items(string label, ItemCounts c) => [new(label), new(N(c.PreviousYearItems)), new(N(c.Change)), new(N(c.Decisions))];
        return
        [
            Caption("第二十条第（一）项"),
            [new("信息内容"), new("本年新制作数量"), new("本年新公开数量"), new("对外公开总数量")],
            [new("规章"), new(N(o.Regulations.NewlyMade)), new(N(o.Regulations.NewlyPublished)), new(N(o.Regulations.TotalPublished))],
            [new("规范性文件"), new(N(o.NormativeDocuments.NewlyMade)), new(N(o.NormativeDocuments.NewlyPublished)), new(N(o.NormativeDocuments.TotalPublished))],
            Caption("第二十条第（五）项"),
            [new("信息内容"), new("上一年项目数量"), new("本年增/减"), new("处理决定数量")],
            Items("行政许可", o.AdministrativeLicensing),
            Items("其他对外管理服务事项", o.OtherExternalManagementServices),
            Caption("第二十条第（六）项"),
            [new("信息内容"), new("上一年项目数量"), new("本年增/减"), new("处理决定数量")],
            Items("行政处罚", o.AdministrativePenalty),
            Items("行政强制", o.AdministrativeCoercion),
            Caption("第二十条第（八）项"),
            [new("信息内容"), new("上一年项目数量"), new("本年增/减", 2)],
            [new("行政事业性收费"), new(N(o.AdministrativeFees.PreviousYearItems)), new(N(o.AdministrativeFees.Change), 2)],
            Caption("第二十条第（九）项"),
            [new("信息内容"), new("采购项目数量"), new($"采购总金额（单位：{o.CentralizedProcurement.TotalAmountUnit}）", 2)],
            [new("政府集中采购"), new(N(o.CentralizedProcurement.Projects)), new(o.CentralizedProcurement.TotalAmount.Text ?? string.Empty, 2)],
        ];
    }

    private static List<List<LayoutCell>> Table3(AnnualReport report)
    {
        var rows = new List<List<LayoutCell>>
        {
            new() { new("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new("申请人情况", 7) },
            new() { new("自然人", 1, 2), new("法人或其他组织", 5), new("总计", 1, 2) },
            new() { new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他") },
        };
        var all = report.Table3.Rows;
        var resultSpan = all.Count(r => r.Role is Table3RowRole.Result or Table3RowRole.Total);
        var groupsStarted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in all)
        {
            var head = new List<LayoutCell>();
            if (row.Key == "granted")
            {
                head.Add(new LayoutCell(row.Group, 1, resultSpan));
                head.Add(new LayoutCell(row.Label, 2));
            }
            else if (row.Role is Table3RowRole.Result or Table3RowRole.Total && row.Group.Length == 0)
            {
                head.Add(new LayoutCell(row.Label, 2));
            }
            else if (row.Group.Length > 0)
            {
                if (groupsStarted.Add(row.Group))
                {
                    head.Add(new LayoutCell(row.Group, 1, all.Count(r => r.Group == row.Group)));
                }

                head.Add(new LayoutCell(row.Label));
            }
            else
            {
                head.Add(new LayoutCell(row.Label, 3));
            }

            rows.Add([.. head, .. report.Table3[row.Key].Select(v => new LayoutCell(N(v)))]);
        }

        return rows;
    }

    /// <summary>An HTML page; <paramref name="css"/> is added to its style sheet (fonts and borders for printing).</summary>
    public static string Html(AnnualReport report, string css = "")
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>年度报告</title><style>")
            .Append(css).Append("</style></head><body>");
        foreach (var block in Layout(report))
        {
            if (block.Table is null)
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(block.Paragraph)).Append("</p>\n");
                continue;
            }

            sb.Append("<table>\n");
            foreach (var row in block.Table)
            {
                sb.Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td");
                    if (cell.ColSpan > 1)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
                    }

                    if (cell.RowSpan > 1)
                    {
                        sb.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                    }

                    sb.Append('>').Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
                }

                sb.Append("</tr>\n");
            }

            sb.Append("</table>\n");
        }

        return sb.Append("</body></html>").ToString();
    }

    /// <summary>A Word document: row spans become vMerge restart/continue cells on the table grid.</summary>
    public static byte[] Docx(AnnualReport report)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            foreach (var block in Layout(report))
            {
                if (block.Table is null)
                {
                    body.Append(Para(block.Paragraph!));
                }
                else
                {
                    body.Append(WordTable(block.Table));
                }
            }
        }

        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table WordTable(IReadOnlyList<IReadOnlyList<LayoutCell>> rows)
    {
        var width = rows.Max(r => r.Sum(c => c.ColSpan));
        var table = new Table(new TableGrid(Enumerable.Range(0, width).Select(_ => new GridColumn { Width = "600" })));
        var pending = new Dictionary<int, (int Rows, int Span)>();
        foreach (var row in rows)
        {
            var tr = new TableRow();
            var next = 0;
            for (var column = 0; column < width;)
            {
                if (pending.TryGetValue(column, out var merge) && merge.Rows > 0)
                {
                    tr.Append(WordCell(string.Empty, merge.Span, MergedCellValues.Continue));
                    pending[column] = (merge.Rows - 1, merge.Span);
                    column += merge.Span;
                    continue;
                }

                if (next >= row.Count)
                {
                    break;
                }

                var cell = row[next++];
                if (cell.RowSpan > 1)
                {
                    pending[column] = (cell.RowSpan - 1, cell.ColSpan);
                }

                tr.Append(WordCell(cell.Text, cell.ColSpan, cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                column += cell.ColSpan;
            }

            table.Append(tr);
        }

        return table;
    }

    private static TableCell WordCell(string text, int span, MergedCellValues? merge)
    {
        var props = new TableCellProperties();
        if (span > 1)
        {
            props.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            props.Append(new VerticalMerge { Val = m });
        }

        return new TableCell(props, Para(text));
    }
}
