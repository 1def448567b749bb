using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Core.Tests.Reports;

public class ReportValidatorTests
{
    private static AnnualReport Seed() => ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));

    private static AnnualReport Imported() => TextReportImporter.Import(Fixtures.Read("seeds/kundulun-2024-scraped.txt")).Report;

    private static List<Finding> Of(IEnumerable<Finding> findings, string rule, FindingSeverity severity) =>
        findings.Where(f => f.Rule == rule && f.Severity == severity).ToList();

    [Fact]
    public void The_seed_report_breaks_no_hard_rule_and_raises_no_warning()
    {
        var findings = ReportValidator.Validate(Imported());

        Assert.DoesNotContain(findings, f => f.Severity != FindingSeverity.Info);
        // Without last year's report, a publication date or siblings, W1/W2/W5/W6 are reported as not assessable.
        Assert.Equal(["W1", "W2", "W5", "W6"], findings.Select(f => f.Rule).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void R1_flags_a_row_whose_total_is_not_the_sum_of_the_applicant_columns()
    {
        var report = Seed();
        report.Table3["granted"][0] = 24;

        var r1 = Assert.Single(Of(ReportValidator.Validate(report), "R1", FindingSeverity.Error));

        Assert.Equal(new FindingLocation("table3", "granted", "total"), r1.Location);
        Assert.Contains(r1.Numbers, n => n.Name == "sum_of_applicants" && n.Value == 25);
        Assert.Contains("总计 26 不等于", r1.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R2_flags_a_column_where_intake_does_not_equal_results_plus_carried_forward()
    {
        var report = Seed();
        report.Table3["carried_forward"][1] = 1;
        report.Table3["carried_forward"][6] = 5;

        var r2 = Of(ReportValidator.Validate(report), "R2", FindingSeverity.Error);

        Assert.Equal(["commercial_enterprise", "total"], r2.Select(f => f.Location.Column!).ToArray());
        Assert.Contains("不等于办理结果总计 109 加结转下年度 5 之和 114", r2[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R3_flags_a_column_whose_results_do_not_add_up_to_the_total()
    {
        var report = Seed();
        report.Table3["not_processed_repeated"][0] = 2;
        report.Table3["not_processed_repeated"][6] = 2;

        var r3 = Of(ReportValidator.Validate(report), "R3", FindingSeverity.Error);

        Assert.Equal(["natural_person", "total"], r3.Select(f => f.Location.Column!).ToArray());
        Assert.Contains(r3[0].Numbers, n => n.Name == "sum_of_results" && n.Value == 109);
    }

    [Fact]
    public void R3_sums_the_single_other_row_of_the_2019_format()
    {
        var report = new AnnualReport("某县", 2020, ReportFormat.V2019);
        foreach (var row in report.Table3.Rows)
        {
            report.Table3.SetRow(row.Key, [0, 0, 0, 0, 0, 0, 0]);
        }

        report.Table3.SetRow("new_received", [3, 0, 0, 0, 0, 0, 3]);
        report.Table3.SetRow("other", [3, 0, 0, 0, 0, 0, 3]);
        report.Table3.SetRow("total_processed", [3, 0, 0, 0, 0, 0, 3]);
        report.Table4 = new Table4([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

        var findings = ReportValidator.Validate(report);

        Assert.DoesNotContain(findings, f => f.IsError);
        Assert.DoesNotContain(findings, f => f.Rule is "R1" or "R2" or "R3" or "R4");
    }

    [Fact]
    public void R4_flags_a_block_printed_as_three_one_zero_zero_with_total_zero()
    {
        var report = Seed();
        report.Table4 = new Table4([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);

        var r4 = Assert.Single(Of(ReportValidator.Validate(report), "R4", FindingSeverity.Error));

        Assert.Equal("administrative_review", r4.Location.Block);
        Assert.Equal([3m, 1m, 0m, 0m, 0m, 4m], r4.Numbers.Select(n => n.Value!.Value).ToArray());
        Assert.Contains("行政复议", r4.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void R5_flags_negative_counts_and_a_negative_fee_but_not_a_negative_2019_change()
    {
        var report = Seed();
        report.Table4.Cells[13] = -1;
        report.Table2Of2021 = report.Table2Of2021! with { AdministrativeFees = new PrintedAmount(-1.5m, "-1.5") };

        var r5 = Of(ReportValidator.Validate(report), "R5", FindingSeverity.Error);

        Assert.Equal(["table4", "table2"], r5.Select(f => f.Location.Table).ToArray());

        var trial = new AnnualReport("某县", 2020, ReportFormat.V2019)
        {
            Table2Of2019 = new Table2Of2019 { AdministrativeLicensing = new ItemCounts(10, -4, 6) },
        };
        Assert.Empty(Of(ReportValidator.Validate(trial), "R5", FindingSeverity.Error));
    }

    [Fact]
    public void A_blank_cell_is_not_assessable_rather_than_zero()
    {
        var report = Seed();
        report.Table3["granted"][2] = null;
        report.Table4.Cells[0] = null;

        var findings = ReportValidator.Validate(report);

        Assert.DoesNotContain(findings, f => f.IsError);
        Assert.Single(Of(findings, "R1", FindingSeverity.Info));
        Assert.Equal("research_institution", Assert.Single(Of(findings, "R3", FindingSeverity.Info)).Location.Column);
        Assert.Equal("administrative_review", Assert.Single(Of(findings, "R4", FindingSeverity.Info)).Location.Block);
        Assert.All(findings.Where(f => f.Severity == FindingSeverity.Info), f => Assert.StartsWith("无法核对", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void R6_flags_a_partly_disclosed_application_counted_in_another_row_too()
    {
        var context = new ValidationContext
        {
            Applications =
            [
                new CountedApplication("2024-001", ["partially_granted"]),
                new CountedApplication("2024-002", ["partially_granted", "withheld_third_party_rights"]),
            ],
        };

        var r6 = Assert.Single(Of(ReportValidator.Validate(Seed(), context), "R6", FindingSeverity.Error));
        Assert.Contains("2024-002", r6.Message, StringComparison.Ordinal);
        Assert.Contains("保护第三方合法权益", r6.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void W1_compares_carried_over_with_last_years_carried_forward()
    {
        var previous = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json").Replace("\"year\": 2024", "\"year\": 2023", StringComparison.Ordinal));
        previous.Table3.SetRow("carried_forward", [3, 0, 0, 0, 0, 0, 3]);

        var w1 = Of(ReportValidator.Validate(Seed(), new ValidationContext { PreviousYear = previous }), "W1", FindingSeverity.Warning);

        Assert.Equal(["natural_person", "total"], w1.Select(f => f.Location.Column!).ToArray());
        Assert.Contains("2023 年度报告的结转下年度继续办理 3 件", w1[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void W1_and_W2_are_not_assessable_against_a_report_that_is_not_last_years()
    {
        var findings = ReportValidator.Validate(Seed(), new ValidationContext { PreviousYear = Seed() });

        Assert.Single(Of(findings, "W1", FindingSeverity.Info));
        Assert.Single(Of(findings, "W2", FindingSeverity.Info));
    }

    [Fact]
    public void W2_expects_documents_in_force_to_follow_from_last_year()
    {
        var previous = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json").Replace("\"year\": 2024", "\"year\": 2023", StringComparison.Ordinal));
        previous.Table2Of2021 = previous.Table2Of2021! with { NormativeDocuments = new DocumentCounts(2, 0, 6) };

        var w2 = Assert.Single(Of(ReportValidator.Validate(Seed(), new ValidationContext { PreviousYear = previous }), "W2", FindingSeverity.Warning));

        Assert.Equal("normative_documents.in_force", w2.Location.Row);
        Assert.Contains(w2.Numbers, n => n.Name == "expected" && n.Value == 9);
    }

    [Fact]
    public void W3_flags_a_narrative_figure_that_disagrees_with_table3()
    {
        var report = Imported();
        report.Sections["一"] = report.Sections["一"].Replace("新收到依申请公开109件", "新收到依申请公开110件", StringComparison.Ordinal);

        var w3 = Assert.Single(Of(ReportValidator.Validate(report), "W3", FindingSeverity.Warning));

        Assert.Equal("new_received", w3.Location.Row);
        Assert.Equal("一", w3.Location.Section);
        Assert.Equal([110m, 109m], w3.Numbers.Select(n => n.Value!.Value).ToArray());
    }

    [Fact]
    public void W4_flags_a_section_six_that_does_not_mention_the_information_processing_fee()
    {
        var report = Imported();
        report.Sections["六"] = "本年度无其他需要报告的事项。";
        Assert.Single(Of(ReportValidator.Validate(report), "W4", FindingSeverity.Warning));

        report.Sections.Remove("六");
        Assert.Single(Of(ReportValidator.Validate(report), "W4", FindingSeverity.Warning));
    }

    [Fact]
    public void W5_flags_a_narrative_copied_from_last_year_with_updated_figures()
    {
        var report = Imported();
        var previous = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json").Replace("\"year\": 2024", "\"year\": 2023", StringComparison.Ordinal));
        previous.Sections["五"] = report.Sections["五"];
        previous.Sections["一"] = report.Sections["一"].Replace("2024", "2023", StringComparison.Ordinal).Replace("3918", "3506", StringComparison.Ordinal);
        previous.Sections["六"] = "本年度未收取信息处理费。";

        var w5 = Of(ReportValidator.Validate(report, new ValidationContext { PreviousYear = previous }), "W5", FindingSeverity.Warning);

        Assert.Equal(["一", "五"], w5.Select(f => f.Location.Section!).ToArray());
        Assert.All(w5, f => Assert.Contains(f.Numbers, n => n.Name == "similarity_percent" && n.Value == 100));
    }

    [Fact]
    public void W5_flags_a_section_copied_from_a_sibling_agency_of_the_same_year_only()
    {
        var report = Imported();
        var sibling = new AnnualReport("包头市青山区人民政府", 2024, ReportFormat.V2021);
        sibling.Sections["五"] = report.Sections["五"].Replace("昆都仑区", "青山区", StringComparison.Ordinal);
        var otherYear = new AnnualReport("包头市东河区人民政府", 2023, ReportFormat.V2021);
        otherYear.Sections["五"] = report.Sections["五"];

        var w5 = Assert.Single(Of(ReportValidator.Validate(report, new ValidationContext { Siblings = [sibling, otherYear] }), "W5", FindingSeverity.Warning));

        Assert.Equal("五", w5.Location.Section);
        Assert.Contains("包头市青山区人民政府", w5.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void W5_stays_quiet_below_the_threshold()
    {
        var report = Imported();
        var sibling = new AnnualReport("某局", 2024, ReportFormat.V2021);
        sibling.Sections["五"] = report.Sections["五"][..(report.Sections["五"].Length / 3)];

        Assert.Empty(Of(ReportValidator.Validate(report, new ValidationContext { Siblings = [sibling] }), "W5", FindingSeverity.Warning));
    }

    [Theory]
    [InlineData(ReportingUnitKind.Department, "2025-01-31", false)]
    [InlineData(ReportingUnitKind.Department, "2025-02-01", true)]
    [InlineData(ReportingUnitKind.Government, "2025-03-31", false)]
    [InlineData(ReportingUnitKind.Government, "2025-04-02", true)]
    public void W6_flags_publication_after_the_deadline(ReportingUnitKind kind, string published, bool late)
    {
        var context = new ValidationContext { UnitKind = kind, PublishedOn = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(late, Of(ReportValidator.Validate(Seed(), context), "W6", FindingSeverity.Warning).Count == 1);
    }

    [Fact]
    public void W6_can_move_a_deadline_on_a_holiday_to_the_next_working_day_when_configured()
    {
        // 31 January 2026 is a Saturday: no rule moves it unless the office configures the shift.
        var context = new ValidationContext { PublishedOn = new DateOnly(2026, 2, 2) };
        var report = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json").Replace("\"year\": 2024", "\"year\": 2025", StringComparison.Ordinal));

        Assert.Single(Of(ReportValidator.Validate(report, context), "W6", FindingSeverity.Warning));
        var shifted = context with { Deadlines = new ReportDeadlines { ShiftOnCalendar = Fixtures.OfficialCalendar() } };
        Assert.Empty(Of(ReportValidator.Validate(report, shifted), "W6", FindingSeverity.Warning));
    }
}
