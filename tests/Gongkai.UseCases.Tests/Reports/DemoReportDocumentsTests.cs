using Gongkai.Core.Reports;
using Gongkai.Data.Configuration;
using Gongkai.Documents;
using Gongkai.Reports.Import;
using Gongkai.TestSupport;
using Gongkai.UseCases.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Reports;

/// <summary>
/// The demo district's 2024 report generated from its records, printed to PDF by the product (and written as HTML and
/// Word), reads back through the importer as the sample report's tables.
/// </summary>
public sealed class DemoReportDocumentsTests() : DemoWorld(DatabaseProvider.Sqlite)
{
    protected override bool DemoApplications => true;

    protected override bool DemoHistory => true;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton(new ChromiumPdfRenderer(new PdfOptions { Chromium = ChromiumPdf.Browser ?? string.Empty }));
    }

    [ChromiumFact]
    public async Task The_generated_2024_report_as_pdf_html_and_word_reads_back_as_the_sample_reports_tables()
    {
        var expected = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));
        var generated = await UseCase<GenerateAnnualReport, GeneratedReport>(u => u.ExecuteAsync("包头市昆都仑区人民政府", 2024));
        foreach (var format in new[] { ReportFileFormat.Pdf, ReportFileFormat.Html, ReportFileFormat.Docx })
        {
            var file = await UseCase<ReportDocuments, ReportFile>(u => u.BuildAsync(generated.Report, generated.Introduction, generated.Computed.AgencyName, format, default));
            var read = ReportFileImporter.Import(file.Content, file.FileName).Report;
            Assert.Equal(expected.Table2Of2021, read.Table2Of2021);
            Assert.All(Table3Layout.Rows2021, row => Assert.True(expected.Table3[row.Key].SequenceEqual(read.Table3[row.Key]), $"{format} {row.Key}: [{string.Join(",", read.Table3[row.Key])}]"));
            Assert.Equal(expected.Table4.Cells, read.Table4.Cells);
            Assert.Contains("新收政府信息公开申请109件", string.Concat(read.Sections["一"].Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        }
    }
}
