using System.Text;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Reports.Import;

namespace Gongkai.Reports.Import.Tests;

public class ReportFileImporterTests
{
    private static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    private static AnnualReport Expected() => ReportJson.Read(File.ReadAllText(Data("seeds/kundulun-2024.expected.json")));

    private static void AssertTables(AnnualReport expected, AnnualReport actual)
    {
        Assert.Equal(expected.Table2Of2021, actual.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.Equal(expected.Table3[r.Key], actual.Table3[r.Key]));
        Assert.Equal(expected.Table4.Cells, actual.Table4.Cells);
    }

    [Fact]
    public void The_seed_text_reads_the_same_in_utf8_and_in_gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = File.ReadAllText(Data("seeds/kundulun-2024-scraped.txt"));
        var gb = Encoding.GetEncoding("GB18030").GetBytes(text);

        Assert.Equal(ReportFileKind.Text, ReportFileImporter.Detect(gb, "report.txt"));
        AssertTables(Expected(), ReportFileImporter.Import(gb, "report.txt").Report);
        AssertTables(Expected(), ReportFileImporter.Import(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()).Report);
    }

    [Fact]
    public void Html_is_recognised_by_its_content_without_a_file_name()
    {
        var html = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><p>2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p></body></html>");

        Assert.Equal(ReportFileKind.Html, ReportFileImporter.Detect(html, null));
        Assert.Equal("正文。", ReportFileImporter.Import(html).Report.Sections["一"]);
    }

    [Theory]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "a.doc", ReportFileKind.Unsupported)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "a.zip", ReportFileKind.Unsupported)]
    public void Legacy_and_unknown_binaries_are_refused_with_a_chinese_message(byte[] content, string name, ReportFileKind kind)
    {
        Assert.Equal(kind, ReportFileImporter.Detect(content, name));
        var e = Assert.Throws<DomainException>(() => ReportFileImporter.Import(content, name));
        Assert.Equal(ReportFileImporter.UnsupportedCode, e.Code);
    }
}
