using Gongkai.TestSupport;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Validation;
using Gongkai.Core.Tests.Reports;

namespace Gongkai.Reports.Import.Tests;

/// <summary>
/// Property: a random report in either format, laid out as agencies publish it, reads back exactly from each file
/// form — HTML page, Word document made with OpenXml, PDF printed by Chromium — through the same entry point as an
/// upload (<see cref="ReportFileImporter"/>, kind detected from the content); and a report breaking one hard rule
/// reads as printed and fails exactly that rule.
/// </summary>
public class ReportFormsPropertyTests
{
    private static string Tables(AnnualReport report)
    {
        var copy = ReportJson.Read(ReportJson.Write(report));
        copy.Sections.Clear();
        copy.Agency = null;
        return ReportJson.Write(copy);
    }

    private static void AssertReadsBack(AnnualReport expected, byte[] file, string form)
    {
        var imported = ReportFileImporter.Import(file, null);
        Assert.True(Tables(expected) == Tables(imported.Report), $"{form}: expected\n{Tables(expected)}\nactual\n{Tables(imported.Report)}\nnotes: {string.Join("; ", imported.Notes.Select(n => n.Location + " " + n.Message))}");
        Assert.Equal(expected.Agency, imported.Report.Agency);
        foreach (var key in AnnualReport.NarrativeSectionKeys)
        {
            Assert.Equal(expected.Sections[key], imported.Report.Sections[key]);
        }
    }

    private static void AssertFailsExactly(string rule, byte[] file, string form)
    {
        var imported = ReportFileImporter.Import(file, null);
        var failed = ReportValidator.Validate(imported.Report).Where(f => f.IsError).Select(f => f.Rule).Distinct().ToList();
        Assert.True(failed.SequenceEqual([rule]), $"{form}: expected only {rule} to fail, got [{string.Join(",", failed)}]");
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void Random_reports_read_back_exactly_from_html_and_from_word(ReportFormat format)
    {
        var random = new Random(4000 + (int)format);
        for (var n = 0; n < 20; n++)
        {
            var report = RandomReports.Next(random, format);

            AssertReadsBack(report, System.Text.Encoding.UTF8.GetBytes(ReportDocument.Html(report)), $"html {n}");
            AssertReadsBack(report, ReportDocument.Docx(report), $"docx {n}");
        }
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void Reports_breaking_one_hard_rule_read_as_printed_from_html_and_word_and_fail_exactly_that_rule(ReportFormat format)
    {
        var random = new Random(5000 + (int)format);
        foreach (var rule in InconsistentReports.PrintableRules)
        {
            for (var n = 0; n < 3; n++)
            {
                var report = InconsistentReports.Next(random, format, rule);
                var html = System.Text.Encoding.UTF8.GetBytes(ReportDocument.Html(report));
                var docx = ReportDocument.Docx(report);

                AssertReadsBack(report, html, $"{rule} html {n}");
                AssertReadsBack(report, docx, $"{rule} docx {n}");
                AssertFailsExactly(rule, html, $"{rule} html {n}");
                AssertFailsExactly(rule, docx, $"{rule} docx {n}");
            }
        }
    }

    [ChromiumFact]
    public void Random_reports_printed_to_pdf_by_chromium_read_back_exactly_and_a_broken_one_fails_its_rule()
    {
        var random = new Random(6000);
        foreach (var format in new[] { ReportFormat.V2021, ReportFormat.V2019 })
        {
            for (var n = 0; n < 2; n++)
            {
                var report = RandomReports.Next(random, format);
                AssertReadsBack(report, ChromiumPdf.Print(ReportDocument.Html(report, ChromiumPdf.Css)), $"pdf {format} {n}");
            }
        }

        var broken = InconsistentReports.Next(random, ReportFormat.V2021, "R4");
        var pdf = ChromiumPdf.Print(ReportDocument.Html(broken, ChromiumPdf.Css));
        Assert.Equal(ReportFileKind.Pdf, ReportFileImporter.Detect(pdf, null));
        AssertReadsBack(broken, pdf, "pdf R4");
        AssertFailsExactly("R4", pdf, "pdf R4");
    }
}
