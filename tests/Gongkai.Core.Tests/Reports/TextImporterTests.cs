using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Core.Tests.Reports;

public class TextImporterTests
{
    private static AnnualReport Seed() => ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));

    private static string SeedText() => Fixtures.Read("seeds/kundulun-2024-scraped.txt");

    private static string ReplaceLine(string text, string startsWith, string with)
    {
        var lines = text.Split('\n');
        var i = Array.FindIndex(lines, l => l.StartsWith(startsWith, StringComparison.Ordinal));
        Assert.True(i >= 0, $"no line starts with {startsWith}");
        lines[i] = with;
        return string.Join('\n', lines);
    }

    [Theory]
    [InlineData("包頭市昆都侖區(qū)", "包头市昆都仑区")]
    [InlineData("統(tǒng)計期限", "统计期限")]
    [InlineData("⼈⺠政府", "人民政府")]
    [InlineData("新收申请１０９件", "新收申请109件")]
    [InlineData("下載(PDF)", "下载(PDF)")]
    [InlineData("網站(http://m.example.com/)", "网站(http://m.example.com/)")]
    [InlineData("第（一）项", "第（一）项")]
    public void Normalisation_strips_pinyin_unifies_characters_and_simplifies(string printed, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(printed));
    }

    [Fact]
    public void A_run_of_digits_splits_by_the_row_total()
    {
        var splits = DigitRunSplitter.Split(["251000026"], 7, DigitRunSplitter.Table3RowRule);

        Assert.Equal([25L, 1, 0, 0, 0, 0, 26], Assert.Single(splits));
    }

    [Fact]
    public void A_run_of_digits_with_two_rule_abiding_splits_returns_both()
    {
        var splits = DigitRunSplitter.Split(["101000011"], 7, DigitRunSplitter.Table3RowRule);

        Assert.Equal(2, splits.Count);
        Assert.Contains(splits, s => s.SequenceEqual([10L, 1, 0, 0, 0, 0, 11]));
        Assert.Contains(splits, s => s.SequenceEqual([1L, 0, 10, 0, 0, 0, 11]));
    }

    [Fact]
    public void An_ambiguous_run_is_resolved_by_the_column_rules_when_only_one_split_fits()
    {
        var report = Seed();
        report.Table3.SetRow("granted", [10, 1, 0, 0, 0, 0, 11]);
        report.Table3.SetRow("unavailable_not_held", [91, 1, 0, 0, 0, 0, 92]);
        report.Sections["一"] = "总体情况。";
        report.Sections["五"] = "问题。";
        report.Sections["六"] = "未收取信息处理费。";
        var text = ReplaceLine(ReportRenderer.Render(report, RenderStyle.Spaces), "三、本年度办理结果", "三、本年度办理结果 （一）予以公开101000011");

        var imported = TextReportImporter.Import(text);

        Assert.Equal([10, 1, 0, 0, 0, 0, 11], imported.Report.Table3["granted"]);
        Assert.Contains(imported.Notes, n => n.Location == "table3.granted" && n.Message.Contains("各列勾稽关系", StringComparison.Ordinal));
        Assert.EndsWith("+split_digits", imported.Provenance["table3"].Method, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_run_that_the_rules_cannot_settle_is_blank_with_its_candidates()
    {
        var report = Seed();
        report.Table3.SetRow("granted", [10, 1, 0, 0, 0, 0, 11]);
        report.Table3.SetRow("unavailable_not_held", [91, 1, 0, 0, 0, 0, 92]);
        report.Sections["一"] = "总体情况。";
        report.Sections["五"] = "问题。";
        report.Sections["六"] = "未收取信息处理费。";
        var text = ReportRenderer.Render(report, RenderStyle.Spaces);
        text = ReplaceLine(text, "三、本年度办理结果", "三、本年度办理结果 （一）予以公开101000011");
        text = ReplaceLine(text, "（七）总计", "（七）总计");

        var imported = TextReportImporter.Import(text);

        Assert.All(imported.Report.Table3["granted"], c => Assert.Null(c));
        var note = Assert.Single(imported.Notes, n => n.Location == "table3.granted");
        Assert.Equal(2, note.Candidates!.Count);
    }

    [Fact]
    public void A_table4_block_printed_three_one_zero_zero_total_zero_is_imported_as_printed_and_fails_R4()
    {
        var text = ReplaceLine(SeedText(), "1 | 0 | 0 | 0 | 1 |", "3 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |");

        var imported = TextReportImporter.Import(text);

        Assert.Equal([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], imported.Report.Table4.Cells);
        var r4 = Assert.Single(ReportValidator.Validate(imported.Report), f => f.Rule == "R4");
        Assert.Equal(FindingSeverity.Error, r4.Severity);
    }

    [Theory]
    [InlineData("—")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("")]
    public void A_cell_printed_as_a_placeholder_or_left_empty_is_null_never_zero(string printed)
    {
        var text = ReplaceLine(SeedText(), "4.保護第三方合法權益", $"4.保護第三方合法權益 | 5 | {printed} | 0 | 0 | 0 | 0 | 5 | ||");

        var imported = TextReportImporter.Import(text);

        Assert.Equal([5, null, 0, 0, 0, 0, 5], imported.Report.Table3["withheld_third_party_rights"]);
        Assert.Equal(printed.Length > 0, imported.Notes.Any(n => n.Location == "table3.withheld_third_party_rights[1]" && n.Printed == printed));
        Assert.Contains(ReportValidator.Validate(imported.Report), f => f.Rule == "R1" && f.Severity == FindingSeverity.Info && f.Location.Row == "withheld_third_party_rights");
    }

    [Fact]
    public void Thousands_separators_and_full_width_digits_are_read()
    {
        var text = ReplaceLine(SeedText(), "行政許可 |", "行政許可 | ６１,９５０ | ||");

        Assert.Equal(61950, TextReportImporter.Import(text).Report.Table2Of2021!.AdministrativeLicensing);
    }

    [Theory]
    [InlineData("4.保護第三方合法權 | 5 | 0 | 0 | 0 | 0 | 0 | 5 | ||", true)]
    [InlineData("4.保护第叁方合法权益 | 5 | 0 | 0 | 0 | 0 | 0 | 5 | ||", true)]
    [InlineData("4，保护第三方合法权益 5 0 0 0 0 0 5", false)]
    public void A_label_with_a_dropped_or_wrong_character_is_still_recognised(string line, bool typo)
    {
        var imported = TextReportImporter.Import(ReplaceLine(SeedText(), "4.保護第三方合法權益", line));

        Assert.Equal([5, 0, 0, 0, 0, 0, 5], imported.Report.Table3["withheld_third_party_rights"]);
        Assert.Equal(typo, imported.Provenance["table3"].Confidence < 1);
    }

    [Fact]
    public void A_2021_report_printing_other_handling_as_one_row_leaves_its_three_sub_rows_blank_with_a_note()
    {
        var lines = SeedText().Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("(六)其他處理", StringComparison.Ordinal));
        lines.RemoveRange(start, 3);
        lines.Insert(start, "(六)其他處理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ||");

        var imported = TextReportImporter.Import(string.Join('\n', lines));

        Assert.All(new[] { "other_no_correction_overdue", "other_fee_not_paid", "other_other" }, k => Assert.All(imported.Report.Table3[k], c => Assert.Null(c)));
        Assert.Contains(imported.Notes, n => n.Location == "table3.other_*");
        Assert.Equal([107, 2, 0, 0, 0, 0, 109], imported.Report.Table3["total_processed"]);
    }

    [Fact]
    public void Wrapped_labels_with_centred_numbers_and_a_vertical_group_label_are_read_as_in_a_pdf()
    {
        var lines = SeedText().Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("(六)其他處理", StringComparison.Ordinal));
        lines.RemoveRange(start, 2);
        lines.InsertRange(start,
        [
            "（六）",
            "1.申请人无正当理由逾期不补正、行政机关不",
            "其他处 | 1 | 0 | 0 | 0 | 0 | 0 | 1",
            "再处理其政府信息公开申请",
            "理",
            "2.申请人逾期未按收费通知要求缴纳费用、行",
            "2 | 0 | 0 | 0 | 0 | 0 | 2",
            "政机关不再处理其政府信息公开申请",
            "— 4 —",
        ]);

        var imported = TextReportImporter.Import(string.Join('\n', lines));

        Assert.Equal([1, 0, 0, 0, 0, 0, 1], imported.Report.Table3["other_no_correction_overdue"]);
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], imported.Report.Table3["other_fee_not_paid"]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], imported.Report.Table3["other_other"]);
        Assert.Empty(imported.Notes);
    }

    [Fact]
    public void Labels_wrapped_over_three_lines_with_the_numbers_beside_the_middle_line_are_read_as_in_a_browser_pdf()
    {
        // The lines a PDF printed from a browser gives for a narrow label column (the numbers centred vertically,
        // so on the middle line, next to the middle of the label; the group label wrapped in its own column).
        var lines = SeedText().Split('\n').ToList();
        var start = lines.FindIndex(l => l.StartsWith("(六)其他處理", StringComparison.Ordinal));
        lines.RemoveRange(start, 2);
        lines.InsertRange(start,
        [
            "1.申请人无正当理由逾期不补",
            "正、行政机关不再处理其政府 1 | 0 | 0 | 0 | 0 | 0 1",
            "信息公开申请",
            "（六）其",
            "2.申请人逾期未按收费通知要",
            "他处理",
            "求缴纳费用、行政机关不再处 2 | 0 | 0 | 0 | 0 | 0 2",
            "理其政府信息公开申请",
        ]);

        var imported = TextReportImporter.Import(string.Join('\n', lines));

        Assert.Equal([1, 0, 0, 0, 0, 0, 1], imported.Report.Table3["other_no_correction_overdue"]);
        Assert.Equal([2, 0, 0, 0, 0, 0, 2], imported.Report.Table3["other_fee_not_paid"]);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0], imported.Report.Table3["other_other"]);
        Assert.Empty(imported.Notes);
    }

    [Fact]
    public void The_agency_is_found_when_an_office_export_spaces_the_year_apart()
    {
        var text = SeedText().Replace("2024年政府信息公開工作年度報告", "2024 年政府信息公開工作年度報告", StringComparison.Ordinal);

        var imported = TextReportImporter.Import(text);

        Assert.Equal("包头市昆都仑区", imported.Report.Agency);
        Assert.Equal(2024, imported.Report.Year);
    }

    [Fact]
    public void Page_footers_are_not_part_of_a_narrative_section()
    {
        var imported = TextReportImporter.Import(SeedText() + "\n— 6 —\n第 6 页 共 6 页");

        Assert.EndsWith("未收取信息處理費。".Replace("處理費", "处理费", StringComparison.Ordinal), imported.Report.Sections["六"], StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_are_found_by_their_rows_when_the_section_headings_are_missing()
    {
        var text = string.Join('\n', SeedText().Split('\n').Where(l => !l.StartsWith("二、主動", StringComparison.Ordinal) && !l.StartsWith("三、收到", StringComparison.Ordinal) && !l.StartsWith("四、政府", StringComparison.Ordinal)));
        var expected = Seed();

        var imported = TextReportImporter.Import(text).Report;

        Assert.Equal(expected.Table2Of2021, imported.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.Equal(expected.Table3[r.Key], imported.Table3[r.Key]));
        Assert.Equal(expected.Table4.Cells, imported.Table4.Cells);
    }

    [Fact]
    public void Options_override_what_the_document_says()
    {
        var imported = TextReportImporter.Import(SeedText(), new ReportImportOptions { Agency = "包头市昆都仑区人民政府" });

        Assert.Equal("包头市昆都仑区人民政府", imported.Report.Agency);
    }

    [Theory]
    [InlineData("这是一段与年度报告无关的文字。")]
    [InlineData("2024年政府信息公开工作年度报告\n本文件没有任何表格。")]
    public void Text_that_is_not_a_report_is_refused(string text)
    {
        var e = Assert.Throws<DomainException>(() => TextReportImporter.Import(text));
        Assert.Equal(TextReportImporter.UnreadableCode, e.Code);
    }
}
