using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Reports.Import;

namespace Gongkai.Reports.Import.Tests;

public class HtmlReportReaderTests
{
    private static AnnualReport Seed() => ReportJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "seeds", "kundulun-2024.expected.json")));

    /// <summary>The seed report laid out as agencies' sites publish it: merged cells for groups and headers.</summary>
    internal static string OfficialHtml(AnnualReport report, Func<long?, string>? cell = null)
    {
        cell ??= v => v?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var t2 = report.Table2Of2021!;
        var sb = new StringBuilder();
        sb.Append("<html><head><title>年度报告</title><style>td{border:1px}</style><script>var x='一、总体情况';</script></head><body>");
        sb.Append("<div class=\"title\"><h1>包头市昆都仑区2024年政府信息公开工作年度报告</h1></div>");
        sb.Append("<p>本报告根据《中华人民共和国政府信息公开条例》（国办公开办函〔2021〕30号）编制。</p>");
        sb.Append("<p><strong>一、总体情况</strong></p><p>2024年，昆都仑区新收到依申请公开109件，其中105件已完成答复，剩余4件结转下年度继续办理。</p>");
        sb.Append("<p>二、主动公开政府信息情况</p><table><tbody>");
        sb.Append("<tr><td colspan=\"4\">第二十条第（一）项</td></tr>");
        sb.Append("<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>");
        sb.Append($"<tr><td>规章</td><td>{cell(t2.Regulations.Issued)}</td><td>{cell(t2.Regulations.Repealed)}</td><td>{cell(t2.Regulations.InForce)}</td></tr>");
        sb.Append($"<tr><td>行政规范性文件</td><td>{cell(t2.NormativeDocuments.Issued)}</td><td>{cell(t2.NormativeDocuments.Repealed)}</td><td>{cell(t2.NormativeDocuments.InForce)}</td></tr>");
        sb.Append("<tr><td colspan=\"4\">第二十条第（五）项</td></tr>");
        sb.Append("<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>");
        sb.Append($"<tr><td>行政许可</td><td colspan=\"3\">{cell(t2.AdministrativeLicensing)}</td></tr>");
        sb.Append("<tr><td colspan=\"4\">第二十条第（六）项</td></tr>");
        sb.Append("<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>");
        sb.Append($"<tr><td>行政处罚</td><td colspan=\"3\">{cell(t2.AdministrativePenalty)}</td></tr>");
        sb.Append($"<tr><td>行政强制</td><td colspan=\"3\">{cell(t2.AdministrativeCoercion)}</td></tr>");
        sb.Append("<tr><td colspan=\"4\">第二十条第（八）项</td></tr>");
        sb.Append("<tr><td>信息内容</td><td colspan=\"3\">本年收费金额（单位：万元）</td></tr>");
        sb.Append($"<tr><td>行政事业性收费</td><td colspan=\"3\">{t2.AdministrativeFees.Text}</td></tr>");
        sb.Append("</tbody></table>");

        sb.Append("<p>三、收到和处理政府信息公开申请情况</p><table>");
        sb.Append("<tr><td colspan=\"3\" rowspan=\"3\">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=\"7\">申请人情况</td></tr>");
        sb.Append("<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>");
        sb.Append("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in report.Table3.Rows)
        {
            var label = row.Label.Replace("“", "&ldquo;", StringComparison.Ordinal);
            var numbers = string.Concat(report.Table3[row.Key].Select(v => $"<td>{cell(v)}</td>"));
            string head;
            if (row.Key == "granted")
            {
                head = $"<td rowspan=\"22\">三、本年度办理结果</td><td colspan=\"2\">{label}</td>";
            }
            else if (row.Key is "partially_granted" or "total_processed")
            {
                head = $"<td colspan=\"2\">{label}</td>";
            }
            else if (row.Group.Length > 0 && row.Key != "granted")
            {
                var first = groups.TryAdd(row.Group, 0);
                var span = report.Table3.Rows.Count(r => r.Group == row.Group);
                head = (first ? $"<td rowspan=\"{span}\">{row.Group}</td>" : string.Empty) + $"<td>{label}</td>";
            }
            else
            {
                head = $"<td colspan=\"3\">{label}</td>";
            }

            sb.Append("<tr>").Append(head).Append(numbers).Append("</tr>");
        }

        sb.Append("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>");
        sb.Append("<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>");
        sb.Append("<tr><td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr>");
        sb.Append("<tr>" + string.Concat(Enumerable.Repeat("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", 2)) + "</tr>");
        sb.Append("<tr>" + string.Concat(report.Table4.Cells.Select(v => $"<td>{cell(v)}</td>")) + "</tr></table>");
        sb.Append("<h3>五、存在的主要问题及改进情况</h3><p>一是公开内容不够全面。<br>二是解读质量有待提升。</p>");
        sb.Append("<h3>六、其他需要报告的事项</h3><p>本年度未收取信息处理费。</p>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    [Fact]
    public void An_official_layout_with_merged_cells_reads_exactly_as_the_figures()
    {
        var expected = Seed();

        var imported = HtmlReportReader.Import(OfficialHtml(expected), new ReportImportOptions { Agency = expected.Agency });

        Assert.Equal(expected.Table2Of2021, imported.Report.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.Equal(expected.Table3[r.Key], imported.Report.Table3[r.Key]));
        Assert.Equal(expected.Table4.Cells, imported.Report.Table4.Cells);
        Assert.Empty(imported.Notes);
    }

    [Fact]
    public void Random_consistent_reports_in_the_official_html_layout_read_back_exactly()
    {
        var random = new Random(2021);
        for (var n = 0; n < 30; n++)
        {
            var report = Gongkai.Core.Tests.Reports.RandomReports.Next(random, ReportFormat.V2021);

            var imported = HtmlReportReader.Import(OfficialHtml(report), new ReportImportOptions { Year = report.Year });

            Assert.Equal(report.Table2Of2021, imported.Report.Table2Of2021);
            Assert.All(report.Table3.Rows, r => Assert.Equal(report.Table3[r.Key], imported.Report.Table3[r.Key]));
            Assert.Equal(report.Table4.Cells, imported.Report.Table4.Cells);
        }
    }

    [Fact]
    public void Paragraphs_and_line_breaks_become_the_narrative_sections()
    {
        var imported = HtmlReportReader.Import(OfficialHtml(Seed()));

        Assert.Equal("2024年，昆都仑区新收到依申请公开109件，其中105件已完成答复，剩余4件结转下年度继续办理。", imported.Report.Sections["一"]);
        Assert.Equal("一是公开内容不够全面。\n二是解读质量有待提升。", imported.Report.Sections["五"]);
        Assert.Equal("本年度未收取信息处理费。", imported.Report.Sections["六"]);
        Assert.Equal(2024, imported.Report.Year);
    }

    [Fact]
    public void Empty_cells_keep_their_place_and_read_as_blank()
    {
        var report = Seed();
        report.Table3["granted"][1] = null;
        report.Table4.Cells[2] = null;

        var imported = HtmlReportReader.Import(OfficialHtml(report, v => v is null ? "&nbsp;" : v.Value.ToString(CultureInfo.InvariantCulture)));

        Assert.Equal([25, null, 0, 0, 0, 0, 26], imported.Report.Table3["granted"]);
        Assert.Equal(report.Table4.Cells, imported.Report.Table4.Cells);
    }

    [Fact]
    public void A_rowspan_label_is_repeated_on_each_of_its_rows_and_numbers_are_never_duplicated()
    {
        const string Html = "<table><tr><td rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td><td rowspan=\"2\">7</td></tr><tr><td>2.其他法律行政法规禁止公开</td></tr></table>";

        var lines = HtmlReportReader.ToText(Html).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["（三）不予公开 | 1.属于国家秘密 | 7 |", "（三）不予公开 | 2.其他法律行政法规禁止公开 |"], lines);
    }

    [Fact]
    public void Script_and_style_text_is_ignored()
    {
        var text = HtmlReportReader.ToText("<html><head><style>p{}</style></head><body><script>alert('一、总体情况')</script><p>正文</p></body></html>");

        Assert.Equal("正文\n", text);
    }

    [Fact]
    public void Html_entities_are_decoded()
    {
        Assert.Equal("危及“三安全一稳定” | 0 |\n", HtmlReportReader.ToText("<table><tr><td>危及&ldquo;三安全一稳定&rdquo;</td><td>0</td></tr></table>"));
        Assert.Equal(WebUtility.HtmlDecode("&lt;a&gt;") + "\n", HtmlReportReader.ToText("<p>&lt;a&gt;</p>"));
    }

    [Fact]
    public void Nesting_depth_ignores_omitted_end_tags_comments_and_scripts_but_counts_real_nesting()
    {
        var sloppy = "<html><body>" + string.Concat(Enumerable.Repeat("<p>段落<br><table><tr><td>1<td>2</table>", 5000)) + "<!-- <div><div><div> --><script>'<div><div>'</script></body></html>";

        Assert.Equal(3, HtmlReportReader.NestingDepth(sloppy));
        Assert.Equal(2500, HtmlReportReader.NestingDepth(string.Concat(Enumerable.Repeat("<div>", 2500))));
        Assert.Equal(1, HtmlReportReader.NestingDepth(string.Concat(Enumerable.Repeat("<span>a</span>", 2500))));
    }

    [Fact]
    public void A_page_nested_deeper_than_the_limit_is_refused_before_parsing()
    {
        var e = Assert.Throws<Gongkai.Core.Common.DomainException>(() => HtmlReportReader.ToText(string.Concat(Enumerable.Repeat("<b>", HtmlReportReader.MaxNestingDepth + 1))));

        Assert.Equal(HtmlReportReader.UnreadableCode, e.Code);
        Assert.Contains("嵌套超过", e.Message, StringComparison.Ordinal);
    }
}
