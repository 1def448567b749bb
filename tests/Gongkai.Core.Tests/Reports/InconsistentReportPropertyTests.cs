using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Core.Tests.Reports;

/// <summary>
/// Property: a report that breaks exactly one hard rule, rendered into any messy text shape, reads back as printed
/// (never repaired) and the validator flags that rule and no other. Digits printed together are left out: there the
/// table's own sum rules pick the split, so a row that breaks them cannot be split with certainty, and even a
/// consistent row may stay blank with its candidates (<see cref="ImportRoundTripPropertyTests"/>).
/// </summary>
public class InconsistentReportPropertyTests
{
    private const int ReportsPerCase = 6;

    public static TheoryData<string, RenderStyle, ReportFormat> Cases()
    {
        var data = new TheoryData<string, RenderStyle, ReportFormat>();
        foreach (var rule in InconsistentReports.PrintableRules)
        {
            foreach (var style in Enum.GetValues<RenderStyle>().Where(s => s != RenderStyle.RunTogether))
            {
                data.Add(rule, style, ReportFormat.V2021);
                data.Add(rule, style, ReportFormat.V2019);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_report_breaking_one_hard_rule_reads_as_printed_and_fails_exactly_that_rule(string rule, RenderStyle style, ReportFormat format)
    {
        var random = new Random(HashCode.Combine(rule.GetHashCode(StringComparison.Ordinal) & 0xFFFF, (int)style, (int)format));
        for (var n = 0; n < ReportsPerCase; n++)
        {
            var broken = InconsistentReports.Next(random, format, rule);
            Assert.Equal([rule], ReportValidator.Validate(broken).Where(f => f.IsError).Select(f => f.Rule).Distinct());
            var text = ReportRenderer.Render(broken, style);

            var imported = TextReportImporter.Import(text);

            var context = $"rule {rule}, style {style}, format {format}, report {n}:\n{text}";
            Assert.True(Json(broken) == Json(imported.Report), context + "\nexpected:\n" + Json(broken) + "\nactual:\n" + Json(imported.Report));
            var failed = ReportValidator.Validate(imported.Report).Where(f => f.IsError).Select(f => f.Rule).Distinct().ToList();
            Assert.True(failed.SequenceEqual([rule]), $"{context}\nfailed rules: {string.Join(",", failed)}");
        }
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void A_partial_disclosure_counted_twice_in_the_case_records_fails_R6_alone(ReportFormat format)
    {
        var random = new Random(6);
        foreach (var style in Enum.GetValues<RenderStyle>().Where(s => s != RenderStyle.RunTogether))
        {
            var report = RandomReports.Next(random, format);
            var imported = TextReportImporter.Import(ReportRenderer.Render(report, style));

            var failed = ReportValidator.Validate(imported.Report, InconsistentReports.DoubleCounted(imported.Report)).Where(f => f.IsError).ToList();

            var r6 = Assert.Single(failed);
            Assert.Equal("R6", r6.Rule);
            Assert.Contains("2024-002", r6.Message, StringComparison.Ordinal);
        }
    }

    private static string Json(AnnualReport report)
    {
        var copy = ReportJson.Read(ReportJson.Write(report));
        copy.Sections.Clear();
        copy.Agency = null;
        return ReportJson.Write(copy);
    }
}
