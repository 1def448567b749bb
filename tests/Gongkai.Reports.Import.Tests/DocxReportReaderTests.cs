using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Reports.Import;

namespace Gongkai.Reports.Import.Tests;

public class DocxReportReaderTests
{
    private static AnnualReport Seed() => ReportJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "seeds", "kundulun-2024.expected.json")));

    private static string N(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private sealed record DocCell(string Text, int Span = 1, MergedCellValues? Merge = null);

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table TableOf(IEnumerable<IEnumerable<DocCell>> rows)
    {
        var table = new Table();
        foreach (var row in rows)
        {
            var tr = new TableRow();
            foreach (var c in row)
            {
                var props = new TableCellProperties();
                if (c.Span > 1)
                {
                    props.Append(new GridSpan { Val = c.Span });
                }

                if (c.Merge is { } m)
                {
                    props.Append(new VerticalMerge { Val = m });
                }

                tr.Append(new TableCell(props, Para(c.Text)));
            }

            table.Append(tr);
        }

        return table;
    }

    private static MemoryStream Docx(AnnualReport report)
    {
        var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Para("包头市昆都仑区2024年政府信息公开工作年度报告"));
            body.Append(Para("依据（国办公开办函〔2021〕30号）编制。"));
            body.Append(Para("一、总体情况"));
            body.Append(Para("2024年，新收到依申请公开109件。"));
            body.Append(Para("二、主动公开政府信息情况"));
            var t2 = report.Table2Of2021!;
            body.Append(TableOf(
            [
                [new("第二十条第（一）项", 4)],
                [new("信息内容"), new("本年制发件数"), new("本年废止件数"), new("现行有效件数")],
                [new("规章"), new(N(t2.Regulations.Issued)), new(N(t2.Regulations.Repealed)), new(N(t2.Regulations.InForce))],
                [new("行政规范性文件"), new(N(t2.NormativeDocuments.Issued)), new(N(t2.NormativeDocuments.Repealed)), new(N(t2.NormativeDocuments.InForce))],
                [new("第二十条第（五）项", 4)],
                [new("行政许可"), new(N(t2.AdministrativeLicensing), 3)],
                [new("第二十条第（六）项", 4)],
                [new("行政处罚"), new(N(t2.AdministrativePenalty), 3)],
                [new("行政强制"), new(N(t2.AdministrativeCoercion), 3)],
                [new("第二十条第（八）项", 4)],
                [new("行政事业性收费"), new(t2.AdministrativeFees.Text!, 3)],
            ]));
            body.Append(Para("三、收到和处理政府信息公开申请情况"));
            var rows = new List<List<DocCell>>
            {
                new() { new("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3), new("申请人情况", 7) },
                new() { new(string.Empty, 3), new("自然人"), new("商业企业"), new("科研机构"), new("社会公益组织"), new("法律服务机构"), new("其他"), new("总计") },
            };
            string? group = null;
            foreach (var row in report.Table3.Rows)
            {
                var cells = new List<DocCell>();
                if (row.Group.Length > 0 && !row.Group.StartsWith("三、", StringComparison.Ordinal))
                {
                    cells.Add(new DocCell(row.Group == group ? string.Empty : row.Group, 1, row.Group == group ? MergedCellValues.Continue : MergedCellValues.Restart));
                    cells.Add(new DocCell(row.Label, 2));
                    group = row.Group;
                }
                else
                {
                    cells.Add(new DocCell((row.Group + " " + row.Label).Trim(), 3));
                    group = null;
                }

                cells.AddRange(report.Table3[row.Key].Select(v => new DocCell(N(v))));
                rows.Add(cells);
            }

            body.Append(TableOf(rows));
            body.Append(Para("四、政府信息公开行政复议、行政诉讼情况"));
            body.Append(TableOf(
            [
                [new("行政复议", 5), new("行政诉讼", 10)],
                [new("结果维持"), new("结果纠正"), new("其他结果"), new("尚未审结"), new("总计"), new("未经复议直接起诉", 5), new("复议后起诉", 5)],
                report.Table4.Cells.Select(v => new DocCell(N(v))),
            ]));
            body.Append(Para("五、存在的主要问题及改进情况"));
            body.Append(Para("一是公开内容不够全面。"));
            body.Append(Para("六、其他需要报告的事项"));
            body.Append(Para("本年度未收取信息处理费。"));
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void A_word_report_with_merged_cells_reads_exactly_as_the_figures()
    {
        var expected = Seed();
        using var docx = Docx(expected);

        var imported = DocxReportReader.Import(docx);

        Assert.Equal(expected.Table2Of2021, imported.Report.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.Equal(expected.Table3[r.Key], imported.Report.Table3[r.Key]));
        Assert.Equal(expected.Table4.Cells, imported.Report.Table4.Cells);
        Assert.Equal("一是公开内容不够全面。", imported.Report.Sections["五"]);
        Assert.Empty(imported.Notes);
    }

    [Fact]
    public void A_vertically_merged_group_label_is_repeated_on_each_row()
    {
        using var docx = Docx(Seed());

        var lines = DocxReportReader.ToText(docx).Split('\n');

        Assert.Contains("（三）不予公开 | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", lines);
    }

    [Fact]
    public void The_file_importer_recognises_a_word_document_by_its_content()
    {
        using var docx = Docx(Seed());
        var bytes = docx.ToArray();

        Assert.Equal(ReportFileKind.Docx, ReportFileImporter.Detect(bytes, "upload.bin"));
        Assert.Equal(Seed().Table4.Cells, ReportFileImporter.Import(bytes, "upload.bin").Report.Table4.Cells);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_refused()
    {
        using var notDocx = new MemoryStream("这不是Word文档"u8.ToArray());

        var e = Assert.Throws<DomainException>(() => DocxReportReader.ToText(notDocx));
        Assert.Equal(DocxReportReader.UnreadableCode, e.Code);
    }
}
