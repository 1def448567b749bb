using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Tests.Reports;
using Gongkai.Documents;
using Gongkai.Documents.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Reports.Import.Tests.Exports;

/// <summary>
/// The product's own exports read back through the importer an upload goes through: the sample and random reports of
/// both formats, as the HTML page, the Word document and the PDF Chromium prints from the page, give the same tables,
/// agency, year and narrative sections.
/// </summary>
public class ReportExportRoundTripTests
{
    private static byte[] Html(AnnualReport report) => Encoding.UTF8.GetBytes(ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report)));

    private static byte[] Docx(AnnualReport report) => ReportDocxWriter.Write(report, ReportDocumentInfo.For(report));

    private static byte[] Pdf(AnnualReport report) =>
        new ChromiumPdfRenderer(new PdfOptions { Chromium = ChromiumPdf.Browser ?? throw new InvalidOperationException(ChromiumPdf.MissingReason) })
            .RenderAsync(ReportHtmlWriter.Write(report, ReportDocumentInfo.For(report))).GetAwaiter().GetResult();

    [Fact]
    public void The_sample_exported_as_html_reads_back_with_the_same_tables_and_sections()
    {
        var report = ExportSamples.Kundulun();
        var imported = ExportSamples.AssertReadsBack(report, Html(report), "html");
        Assert.Equal("2096.132", imported.Report.Table2Of2021!.AdministrativeFees.Text);
    }

    [Fact]
    public void The_sample_exported_as_word_is_valid_and_reads_back_with_the_same_tables_and_sections()
    {
        var report = ExportSamples.Kundulun();
        var docx = Docx(report);
        ExportSamples.AssertValidWord(docx);
        Assert.Equal(ReportFileKind.Docx, ReportFileImporter.Detect(docx, null));
        ExportSamples.AssertReadsBack(report, docx, "docx");
    }

    [ChromiumFact]
    public void The_sample_printed_to_pdf_by_the_product_renderer_reads_back_with_the_same_tables_and_sections()
    {
        var report = ExportSamples.Kundulun();
        var pdf = Pdf(report);
        Assert.Equal(ReportFileKind.Pdf, ReportFileImporter.Detect(pdf, null));
        ExportSamples.AssertReadsBack(report, pdf, "pdf");
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void Random_reports_exported_as_html_and_word_read_back_exactly(ReportFormat format)
    {
        var random = new Random(7100 + (int)format);
        for (var n = 0; n < 20; n++)
        {
            var report = RandomReports.Next(random, format);
            if (n % 4 == 1)
            {
                // Blank cells (not stated) stay blank, never 0; sections of several paragraphs stay whole.
                report.Table3["withheld_state_secret"][2] = null;
                report.Table4.Cells[7] = null;
                report.Sections["五"] = "一是公开内容还不够全面。\n二是解读质量有待提升。\r\n\n下一步将加强培训。";
            }

            var docx = Docx(report);
            ExportSamples.AssertValidWord(docx);
            ExportSamples.AssertReadsBack(report, Html(report), $"html {format} {n}");
            ExportSamples.AssertReadsBack(report, docx, $"docx {format} {n}");
        }
    }

    [Theory]
    [InlineData(ReportFormat.V2021)]
    [InlineData(ReportFormat.V2019)]
    public void Reports_breaking_a_hard_rule_are_exported_as_they_are_and_read_back_as_printed(ReportFormat format)
    {
        // An agency's report is exported as it stands: the writers never repair a figure.
        var random = new Random(7150 + (int)format);
        foreach (var rule in InconsistentReports.PrintableRules)
        {
            var report = InconsistentReports.Next(random, format, rule);
            ExportSamples.AssertReadsBack(report, Html(report), $"{rule} html {format}");
            ExportSamples.AssertReadsBack(report, Docx(report), $"{rule} docx {format}");
        }
    }

    [ChromiumFact]
    public void Random_reports_printed_to_pdf_read_back_exactly()
    {
        var random = new Random(7200);
        foreach (var format in new[] { ReportFormat.V2021, ReportFormat.V2019 })
        {
            for (var n = 0; n < 2; n++)
            {
                var report = RandomReports.Next(random, format);
                ExportSamples.AssertReadsBack(report, Pdf(report), $"pdf {format} {n}");
            }
        }
    }
}
