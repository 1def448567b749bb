using Gongkai.Core.Common;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

public class ReportJsonTests
{
    [Fact]
    public void The_seed_figures_read_into_the_2021_model()
    {
        var report = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));

        Assert.Equal("包头市昆都仑区人民政府", report.Agency);
        Assert.Equal(2024, report.Year);
        Assert.Equal(ReportFormat.V2021, report.Format);
        var t2 = report.Table2Of2021!;
        Assert.Equal(new DocumentCounts(4, 1, 8), t2.NormativeDocuments);
        Assert.Equal(61950, t2.AdministrativeLicensing);
        Assert.Equal(2096.132m, t2.AdministrativeFees.Value);
        Assert.Equal("2096.132", t2.AdministrativeFees.Text);
        Assert.Equal([107, 2, 0, 0, 0, 0, 109], report.Table3["new_received"]);
        Assert.Equal(25, report.Table3.Rows.Count);
        Assert.Equal([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], report.Table4.Cells);
    }

    [Fact]
    public void Writing_and_reading_back_keeps_every_figure_and_blank()
    {
        var report = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));
        report.Table3["granted"][3] = null;
        report.Table4.Cells[7] = null;
        report.Sections["六"] = "本年度未收取信息处理费。";

        var json = ReportJson.Write(report);
        var again = ReportJson.Read(json);

        Assert.Equal(json, ReportJson.Write(again));
        Assert.Null(again.Table3["granted"][3]);
        Assert.Null(again.Table4.Cells[7]);
        Assert.Equal("本年度未收取信息处理费。", again.Sections["六"]);
        Assert.Contains("\"administrative_fees_10k_yuan\": 2096.132", json, StringComparison.Ordinal);
        Assert.Contains("\"administrative_fees_10k_yuan_text\": \"2096.132\"", json, StringComparison.Ordinal);
        Assert.Contains("\"format\": \"2021\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Table3_keys_are_written_in_the_order_of_the_national_format()
    {
        var json = ReportJson.Write(new AnnualReport("某局", 2024, ReportFormat.V2021));
        var positions = Table3Layout.Rows2021.Select(r => json.IndexOf("\"" + r.Key + "\"", StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void A_2019_report_has_the_trial_table2_and_a_single_other_row()
    {
        var report = new AnnualReport("某县人民政府", 2019, ReportFormat.V2019)
        {
            Table2Of2019 = new Table2Of2019
            {
                Regulations = new PublicationCounts(1, 1, 12),
                AdministrativeLicensing = new ItemCounts(40, -3, 1200),
                AdministrativeFees = new ItemCounts(5, 0, null),
                CentralizedProcurement = new ProcurementFigures(3, new PrintedAmount(12.50m, "12.50"), "万元"),
            },
        };
        report.Table3.SetRow("other", [1, 0, 0, 0, 0, 0, 1]);

        var json = ReportJson.Write(report);
        var again = ReportJson.Read(json);

        Assert.Equal(23, again.Table3.Rows.Count);
        Assert.False(again.Table3.HasRow("other_other"));
        Assert.Equal([1, 0, 0, 0, 0, 0, 1], again.Table3["other"]);
        Assert.Equal(new ItemCounts(40, -3, 1200), again.Table2Of2019!.AdministrativeLicensing);
        Assert.Equal("万元", again.Table2Of2019.CentralizedProcurement.TotalAmountUnit);
        Assert.Equal("12.50", again.Table2Of2019.CentralizedProcurement.TotalAmount.Text);
        Assert.Contains("\"newly_made\": 1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"decisions\": null\n    }\n  }", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_round_trips_with_findings_provenance_and_notes()
    {
        var envelope = new ReportEnvelope(new AnnualReport("某局", 2024, ReportFormat.V2021));
        envelope.Findings.Add(new Finding("R4", FindingSeverity.Error, new FindingLocation("table4", Block: "administrative_review"),
            [new FindingNumber("total", 0), new FindingNumber("sum_of_parts", 4)], "行政复议：总计 0 不等于各项之和 4。"));
        envelope.Provenance["table3"] = new TableProvenance("pipe_table", 0.9);
        envelope.Notes.Add(new ImportNote("table3.granted", "数字连写，拆分方式不唯一", "1101012", [[1, 1, 0, 1, 0, 1, 2], [11, 0, 1, 0, 1, 2, 15]]));

        var again = ReportJson.ReadEnvelope(ReportJson.Write(envelope));

        var finding = Assert.Single(again.Findings);
        Assert.Equal(envelope.Findings[0].Location, finding.Location);
        Assert.Equal(4m, finding.Numbers[1].Value);
        Assert.Equal(new TableProvenance("pipe_table", 0.9), again.Provenance["table3"]);
        Assert.Equal([11, 0, 1, 0, 1, 2, 15], again.Notes[0].Candidates![1]);
        Assert.True(again.HasErrors);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"agency\":\"x\"}")]
    [InlineData("{\"year\":2024,\"format\":\"2020\"}")]
    [InlineData("{\"year\":2024,\"table3\":{\"granted\":[1,2,3]}}")]
    [InlineData("{\"year\":2024,\"table3\":{\"no_such_row\":[0,0,0,0,0,0,0]}}")]
    [InlineData("{\"year\":2024,\"table4\":[1,0,0,0,1,0,0,0,0,0,0,0,0,1,\"1\"]}")]
    [InlineData("{\"year\":2024,\"table3\":{\"granted\":[1.5,0,0,0,0,0,1]}}")]
    [InlineData("not json")]
    [InlineData("{\"report\":{\"year\":2024},\"findings\":[{\"rule\":\"R1\"}]}")]
    [InlineData("{\"report\":{\"year\":2024},\"provenance\":{\"table3\":{\"method\":1}}}")]
    public void Malformed_reports_are_refused_with_a_chinese_message(string json)
    {
        var e = Assert.Throws<DomainException>(() => ReportJson.Read(json));
        Assert.Equal(ReportJson.InvalidCode, e.Code);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message);
    }
}
