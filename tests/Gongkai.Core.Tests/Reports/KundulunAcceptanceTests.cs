using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Core.Tests.Reports;

/// <summary>The acceptance test of the text importer: the scraped mirror copy reads exactly as the figures read by hand.</summary>
public class KundulunAcceptanceTests
{
    // xunit makes a new instance per test, so a test may change its copy.
    private readonly ReportEnvelope _imported = TextReportImporter.Import(Fixtures.Read("seeds/kundulun-2024-scraped.txt"));
    private static readonly AnnualReport Expected = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));

    [Fact]
    public void The_scraped_report_is_read_as_a_2024_report_in_the_2021_format()
    {
        Assert.Equal(2024, _imported.Report.Year);
        Assert.Equal(ReportFormat.V2021, _imported.Report.Format);
        Assert.Equal("包头市昆都仑区", _imported.Report.Agency);
    }

    [Fact]
    public void Table2_is_exactly_the_expected_figures()
    {
        Assert.Equal(Expected.Table2Of2021, _imported.Report.Table2Of2021);
    }

    [Fact]
    public void Table3_is_exactly_the_expected_figures_row_by_row()
    {
        foreach (var row in Table3Layout.Rows2021)
        {
            Assert.True(Expected.Table3[row.Key].SequenceEqual(_imported.Report.Table3[row.Key]), $"row {row.Key}: expected [{string.Join(",", Expected.Table3[row.Key])}] got [{string.Join(",", _imported.Report.Table3[row.Key])}]");
        }
    }

    [Fact]
    public void Table4_is_exactly_the_expected_figures()
    {
        Assert.Equal(Expected.Table4.Cells, _imported.Report.Table4.Cells);
    }

    [Fact]
    public void The_tables_serialise_identically_to_the_hand_read_figures()
    {
        var expected = ReportJson.Write(Expected);
        _imported.Report.Sections.Clear();
        _imported.Report.Agency = Expected.Agency;
        Assert.Equal(expected, ReportJson.Write(_imported.Report));
    }

    [Fact]
    public void The_narrative_sections_are_kept_in_simplified_characters_without_pinyin()
    {
        var sections = _imported.Report.Sections;
        Assert.Equal(["一", "五", "六"], sections.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.StartsWith("2024年昆都仑区坚持以习近平新时代中国特色社会主义思想为指导", sections["一"], StringComparison.Ordinal);
        Assert.Contains("新收到依申请公开109件", sections["一"], StringComparison.Ordinal);
        Assert.Contains("通过昆都仑区政府门户网站发布信息3918条", sections["一"], StringComparison.Ordinal);
        Assert.DoesNotContain("(fā)", sections["一"], StringComparison.Ordinal);
        Assert.DoesNotContain("發", sections["一"], StringComparison.Ordinal);
        Assert.StartsWith("(一)存在问题", sections["五"], StringComparison.Ordinal);
        Assert.Equal("依据《政府信息公开信息处理费管理办法》，本年度昆都仑区各部门各街镇未收取信息处理费。".Replace('，', ','), sections["六"]);
    }

    [Theory]
    [InlineData("海关总署", "海关总署")]
    [InlineData("关于某市交通运输局", "关于某市交通运输局")]
    [InlineData("某市交通运输局关于", "某市交通运输局")]
    public void The_agency_is_the_title_text_before_the_year(string before, string agency)
    {
        var text = SeedText().Replace("包頭市昆都侖區(qū)\n", before + "\n", StringComparison.Ordinal);

        Assert.Equal(agency, TextReportImporter.Import(text).Report.Agency);
    }

    private static string SeedText() => Fixtures.Read("seeds/kundulun-2024-scraped.txt");

    [Fact]
    public void The_imported_envelope_carries_the_findings_of_validation()
    {
        var envelope = ReportValidator.ValidateInto(_imported);

        Assert.False(envelope.HasErrors);
        Assert.Contains(envelope.Findings, f => f.Rule == "W6" && f.Severity == FindingSeverity.Info);
        Assert.Contains("\"findings\": [", ReportJson.Write(envelope), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_table_has_provenance_and_no_cell_needed_a_note()
    {
        Assert.Equal("pipe_table", _imported.Provenance["table3"].Method);
        Assert.Equal(1.0, _imported.Provenance["table3"].Confidence, 3);
        Assert.Equal(1.0, _imported.Provenance["table2"].Confidence, 3);
        Assert.Equal(1.0, _imported.Provenance["table4"].Confidence, 3);
        Assert.Empty(_imported.Notes);
    }
}
