using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Reports.Import.Tests;

/// <summary>
/// The seed report as an agency's office makes it: a Word document saved by LibreOffice Writer and that document
/// exported to PDF by LibreOffice (data/office/, made by make_kundulun_office.py; CI reads the committed files).
/// </summary>
public class LibreOfficeFixtureTests
{
    private static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    private static AnnualReport Seed() => ReportJson.Read(File.ReadAllText(Data("seeds/kundulun-2024.expected.json")));

    [Theory]
    [InlineData("office/kundulun-2024-libreoffice.docx", ReportFileKind.Docx)]
    [InlineData("office/kundulun-2024-libreoffice.pdf", ReportFileKind.Pdf)]
    public void A_report_saved_and_exported_by_libreoffice_reads_exactly_as_the_figures(string file, ReportFileKind kind)
    {
        var bytes = File.ReadAllBytes(Data(file));
        var expected = Seed();

        var imported = ReportFileImporter.Import(bytes, null);

        Assert.Equal(kind, ReportFileImporter.Detect(bytes, null));
        Assert.Equal(expected.Agency, imported.Report.Agency);
        Assert.Equal(2024, imported.Report.Year);
        Assert.Equal(ReportFormat.V2021, imported.Report.Format);
        Assert.Equal(expected.Table2Of2021, imported.Report.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.True(expected.Table3[r.Key].SequenceEqual(imported.Report.Table3[r.Key]), $"{r.Key}: [{string.Join(",", imported.Report.Table3[r.Key])}]"));
        Assert.Equal(expected.Table4.Cells, imported.Report.Table4.Cells);
        Assert.Equal("本年度未收取信息处理费。", imported.Report.Sections["六"]);
        Assert.Empty(imported.Notes);
        Assert.DoesNotContain(ReportValidator.Validate(imported.Report), f => f.IsError);
    }
}
