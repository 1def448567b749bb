using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Reports;
using Gongkai.Core.Tests.Reports;
using Gongkai.Documents.Reports;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Reports.Import.Tests.Exports;

/// <summary>
/// The HTML export's structure (the national format's merged cells, header cells with their scope, tables labelled
/// by their headings, a self-contained page for print and a style-free fragment for the product's pages) and what
/// every export does with hostile text in a section.
/// </summary>
public class ReportHtmlWriterTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static IElement Table(IDocument doc, string key) => doc.QuerySelector($"table.gk-table-{key}") ?? throw new InvalidOperationException($"no table {key}");

    private static IElement Header(IElement table, string text) =>
        table.QuerySelectorAll("th").Single(th => th.TextContent == text);

    private static (int Col, int Row) Span(IElement cell) =>
        (int.Parse(cell.GetAttribute("colspan") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
         int.Parse(cell.GetAttribute("rowspan") ?? "1", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void The_page_is_self_contained_zh_cn_a4_with_a_policy_forbidding_scripts()
    {
        var report = ExportSamples.Kundulun();
        var html = ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var doc = Parse(html);
        Assert.Equal("zh-CN", doc.DocumentElement.GetAttribute("lang"));
        Assert.Equal("utf-8", doc.QuerySelector("meta[charset]")!.GetAttribute("charset"));
        var csp = doc.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("script, link, img, iframe"));
        var css = doc.QuerySelector("style")!.TextContent;
        Assert.Contains("@page{size:A4", css, StringComparison.Ordinal);
        Assert.Contains("WenQuanYi Zen Hei", css, StringComparison.Ordinal);
        Assert.Contains("thead{display:table-header-group}", css, StringComparison.Ordinal);
        Assert.Equal("包头市昆都仑区人民政府2024年政府信息公开工作年度报告", doc.Title);
        Assert.Equal(doc.Title, doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("国办公开办函〔2021〕30号", doc.QuerySelector("p.gk-intro")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AnnualReport.SectionKeys.Select(AnnualReport.SectionHeading), doc.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(
            ["2024年，昆都仑区坚持以公开为常态、不公开为例外，全面推进政府信息公开工作。", "（一）主动公开。全年通过政府门户网站主动公开政府信息3216条。"],
            doc.QuerySelectorAll("section")[0].QuerySelectorAll("p").Take(2).Select(p => p.TextContent));
        Assert.Equal(2, doc.QuerySelectorAll("section")[4].QuerySelectorAll("p").Length);
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void The_tables_have_the_merged_cells_of_the_national_format_and_accessible_headers(ReportFormat format)
    {
        var report = RandomReports.Next(new Random(7500), format);
        var doc = Parse(ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report)));

        // Every table is labelled by its section heading; every header cell says what it heads.
        foreach (var (key, index) in new[] { ("二", 2), ("三", 3), ("四", 4) })
        {
            var table = Table(doc, key);
            var heading = doc.GetElementById(table.GetAttribute("aria-labelledby")!)!;
            Assert.Equal(AnnualReport.SectionHeading(AnnualReport.SectionKeys[index - 1]), heading.TextContent);
            Assert.All(table.QuerySelectorAll("th"), th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "colgroup", "row", "rowgroup" }));
            Assert.All(table.QuerySelectorAll("td"), td => Assert.Matches(@"^-?[0-9.]*$", td.TextContent));
        }

        var two = Table(doc, "二");
        var captions = two.QuerySelectorAll("th").Where(th => th.TextContent.StartsWith("第二十条", StringComparison.Ordinal)).ToList();
        Assert.Equal(format == ReportFormat.V2019 ? 5 : 4, captions.Count);
        Assert.All(captions, c => Assert.Equal((4, 1), Span(c)));

        var three = Table(doc, "三");
        Assert.Equal(3, three.QuerySelectorAll("thead tr").Length);
        Assert.Equal(report.Table3.Rows.Count, three.QuerySelectorAll("tbody tr").Length);
        Assert.Equal((3, 3), Span(Header(three, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")));
        Assert.Equal((7, 1), Span(Header(three, "申请人情况")));
        Assert.Equal((5, 1), Span(Header(three, "法人或其他组织")));
        Assert.Equal((1, 2), Span(Header(three, "自然人")));
        Assert.Equal((1, 2), Span(three.QuerySelectorAll("thead th").Single(th => th.TextContent == "总计")));
        Assert.Equal((1, format == ReportFormat.V2019 ? 20 : 22), Span(Header(three, "三、本年度办理结果")));
        Assert.Equal((1, 8), Span(Header(three, "（三）不予公开")));
        Assert.Equal((1, 3), Span(Header(three, "（四）无法提供")));
        Assert.Equal((1, 5), Span(Header(three, "（五）不予处理")));
        Assert.Equal(format == ReportFormat.V2019 ? (2, 1) : (1, 3), Span(Header(three, "（六）其他处理")));
        Assert.Equal((3, 1), Span(Header(three, "一、本年新收政府信息公开申请数量")));
        Assert.Equal((2, 1), Span(Header(three, "（七）总计")));
        Assert.Equal("rowgroup", Header(three, "（三）不予公开").GetAttribute("scope"));
        Assert.Equal("row", Header(three, "1.属于国家秘密").GetAttribute("scope"));

        var four = Table(doc, "四");
        Assert.Equal((5, 1), Span(Header(four, "行政复议")));
        Assert.Equal((10, 1), Span(Header(four, "行政诉讼")));
        Assert.Equal((5, 1), Span(Header(four, "未经复议直接起诉")));
        Assert.Equal((5, 1), Span(Header(four, "复议后起诉")));
        Assert.Equal([(1, 2), (1, 1), (1, 1)], four.QuerySelectorAll("th").Where(th => th.TextContent == "结果维持").Select(Span));
        Assert.Equal(report.Table4.Cells.Select(v => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty), four.QuerySelectorAll("tbody td").Select(td => td.TextContent));
    }

    [Fact]
    public void Blank_figures_print_as_empty_cells_and_the_fee_as_printed()
    {
        var report = ExportSamples.Kundulun();
        report.Table3["granted"][2] = null;
        report.Table2Of2021 = report.Table2Of2021! with { AdministrativePenalty = null, AdministrativeFees = new PrintedAmount(2096.1m, "2,096.100") };
        var doc = Parse(ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report)));
        var granted = Header(Table(doc, "三"), "（一）予以公开").ParentElement!.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["25", "1", "", "0", "0", "0", "26"], granted);
        Assert.Equal(string.Empty, Header(Table(doc, "二"), "行政处罚").ParentElement!.QuerySelector("td")!.TextContent);
        Assert.Equal("2,096.100", Header(Table(doc, "二"), "行政事业性收费").ParentElement!.QuerySelector("td")!.TextContent);
    }

    [Fact]
    public void The_article_is_the_page_content_without_styles_and_the_stylesheet_is_scoped()
    {
        var report = ExportSamples.Kundulun();
        var info = ReportDocumentInfo.For(report) with { Footnote = "本报告电子版可在区政府门户网站下载。" };
        var article = ReportHtmlWriter.Article(report, info);
        Assert.StartsWith("<article class=\"gk-report\"", article, StringComparison.Ordinal);
        Assert.DoesNotContain("style", article, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", article, StringComparison.OrdinalIgnoreCase);
        var page = ReportHtmlWriter.Write(report, info);
        Assert.Contains(article, page, StringComparison.Ordinal);
        Assert.Contains(ReportHtmlWriter.Stylesheet, page, StringComparison.Ordinal);
        Assert.Equal("本报告电子版可在区政府门户网站下载。", Parse(page).QuerySelector("p.gk-footnote")!.TextContent);

        var rules = ReportHtmlWriter.Stylesheet.Split('}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var selectors = rule[..rule.IndexOf('{', StringComparison.Ordinal)].Split(',');
            Assert.All(selectors, s => Assert.StartsWith(".gk-report", s.Trim(), StringComparison.Ordinal));
        }
    }

    private const string Hostile = "<script>alert(1)</script>\u0001\u000B\uFFFF\uD800 & \"引号\"";
    private const string HostileClean = "<script>alert(1)</script> & \"引号\"";

    private static AnnualReport HostileReport()
    {
        var report = ExportSamples.Kundulun();
        report.Sections["一"] = Hostile + "\n第二段。";
        report.Sections["五"] = "<img src=x onerror=alert(1)>\u0007";
        return report;
    }

    [Fact]
    public void Hostile_text_in_a_section_comes_out_inert_in_html()
    {
        var report = HostileReport();
        var info = new ReportDocumentInfo("<b>标题</b>\u0002", "<i>引言</i>", "</article><script>x()</script>");
        var html = ReportHtmlWriter.Write(report, info);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain(html, c => c < ' ' && c is not '\n' and not '\r' and not '\t');
        Assert.DoesNotContain(html, char.IsSurrogate);
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script, img, b, i"));
        Assert.Equal("<b>标题</b>", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(HostileClean, doc.QuerySelectorAll("section")[0].QuerySelector("p")!.TextContent);
        Assert.Equal("</article><script>x()</script>", doc.QuerySelector("p.gk-footnote")!.TextContent);

        var imported = ReportFileImporter.Import(Encoding.UTF8.GetBytes(ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report))), null).Report;
        Assert.Equal(ExportSamples.Squeeze(HostileClean + "第二段。"), ExportSamples.Squeeze(imported.Sections["一"]));
    }

    [Fact]
    public void Hostile_text_in_a_section_leaves_the_word_document_and_the_workbook_valid()
    {
        var report = HostileReport();
        report.Agency = "某区\u0001人民政府";
        var info = new ReportDocumentInfo("标题\u0003<x>", Hostile, Hostile);
        var docx = ReportDocxWriter.Write(report, info);
        ExportSamples.AssertValidWord(docx);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var texts = doc.MainDocumentPart!.Document!.Descendants<W.Text>().Select(t => t.Text).ToList();
            Assert.Contains(HostileClean, texts);
            Assert.Contains("标题<x>", texts);
            Assert.DoesNotContain(string.Concat(texts), c => c < ' ' || char.IsSurrogate(c));
        }

        var imported = ReportFileImporter.Import(ReportDocxWriter.Write(report, ReportDocumentInfo.For(report) with { Title = "某区人民政府2024年政府信息公开工作年度报告" }), null).Report;
        Assert.Equal(ExportSamples.Squeeze(HostileClean + "第二段。"), ExportSamples.Squeeze(imported.Sections["一"]));

        var xlsx = ReportXlsxWriter.Write(report, info);
        ExportSamples.AssertValidWorkbook(xlsx);
        Assert.Equal("标题<x>", Workbooks.Read(xlsx)["表二"].Text("A1"));
        var rollup = ReportXlsxWriter.Rollup(Hostile, [new(Hostile, "\u0001已发布", report), new("<b>", "未报送", null)]);
        ExportSamples.AssertValidWorkbook(rollup);
        var summary = Workbooks.Read(rollup)["汇总"];
        Assert.Equal(HostileClean, summary.Text("A3"));
        Assert.Equal("已发布", summary.Text("B3"));
    }
}
