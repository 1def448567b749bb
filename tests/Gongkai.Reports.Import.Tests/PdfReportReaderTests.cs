using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Reports.Import;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Gongkai.Reports.Import.Tests;

public class PdfReportReaderTests
{
    private static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    private static AnnualReport Seed() => ReportJson.Read(File.ReadAllText(Data("seeds/kundulun-2024.expected.json")));

    private static IEnumerable<PositionedGlyph> Word(string text, double left, double baseline, double size = 10)
    {
        var x = left;
        foreach (var c in text)
        {
            var width = c < 128 ? size * 0.55 : size;
            yield return new PositionedGlyph(c.ToString(), x, x + width, baseline, size);
            x += width;
        }
    }

    [Fact]
    public void Glyphs_on_one_baseline_form_a_line_and_wide_gaps_separate_cells()
    {
        var glyphs = Word("规章", 50, 700).Concat(Word("0", 200, 700.4)).Concat(Word("12", 260, 699.7))
            .Concat(Word("行政规范性文件", 50, 680)).Concat(Word("4", 200, 680)).Concat(Word("1", 260, 680));

        var lines = PdfTextLayout.Lines(glyphs.Reverse());

        Assert.Equal(["规章 | 0 | 12", "行政规范性文件 | 4 | 1"], lines);
    }

    [Fact]
    public void A_small_gap_is_a_space_and_touching_glyphs_join()
    {
        var glyphs = Word("Page", 50, 100).Concat(Word("5", 50 + (4 * 5.5) + 2.5, 100));

        Assert.Equal(["Page 5"], PdfTextLayout.Lines(glyphs));
    }

    private static byte[] Pdf(Action<PdfPageBuilder, PdfDocumentBuilder.AddedFont> draw, bool cjk)
    {
        using var builder = new PdfDocumentBuilder();
        var font = cjk
            ? builder.AddTrueTypeFont(File.ReadAllBytes(Data("fonts/DroidSansFallback-report-subset.ttf")))
            : builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        draw(page, font);
        return builder.Build();
    }

    [Fact]
    public void Letters_of_a_real_pdf_come_back_as_table_lines()
    {
        var pdf = Pdf((page, font) =>
        {
            page.AddText("Review", 10, new PdfPoint(50, 700), font);
            for (var i = 0; i < 5; i++)
            {
                page.AddText(i.ToString(CultureInfo.InvariantCulture), 10, new PdfPoint(150 + (i * 40), 700), font);
            }
        }, cjk: false);

        Assert.Equal("Review | 0 | 1 | 2 | 3 | 4\n", PdfReportReader.ToText(pdf));
    }

    [Fact]
    public void A_pdf_without_text_is_refused_as_needing_ocr()
    {
        var pdf = Pdf((_, _) => { }, cjk: false);

        var e = Assert.Throws<DomainException>(() => PdfReportReader.ToText(pdf));
        Assert.Contains("OCR", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_pdf_are_refused()
    {
        var e = Assert.Throws<DomainException>(() => PdfReportReader.ToText("%PDF-1.7 broken"u8.ToArray()));
        Assert.Equal(PdfReportReader.UnreadableCode, e.Code);
    }

    [Fact]
    public void A_wps_like_pdf_of_the_seed_report_reads_exactly_as_the_figures()
    {
        // Made by data/pdf/make_kundulun_pdf.py with reportlab: bordered cells, wrapped labels with centred numbers,
        // a wrapped group label, table 三 split over two pages with a footer and a repeated header.
        var expected = Seed();

        var imported = PdfReportReader.Import(File.ReadAllBytes(Data("pdf/kundulun-2024-wps-like.pdf")));

        Assert.Equal(expected.Table2Of2021, imported.Report.Table2Of2021);
        Assert.All(expected.Table3.Rows, r => Assert.Equal(expected.Table3[r.Key], imported.Report.Table3[r.Key]));
        Assert.Equal(expected.Table4.Cells, imported.Report.Table4.Cells);
        Assert.Equal("依据《政府信息公开信息处理费管理办法》,本年度昆都仑区各部门各街镇未收取信息处理费。", imported.Report.Sections["六"]);
        Assert.Empty(imported.Notes);
    }

    [Fact]
    public void The_file_importer_reads_a_pdf_by_its_content()
    {
        var bytes = File.ReadAllBytes(Data("pdf/kundulun-2024-wps-like.pdf"));

        Assert.Equal(ReportFileKind.Pdf, ReportFileImporter.Detect(bytes, null));
        Assert.Equal(Seed().Table4.Cells, ReportFileImporter.Import(bytes).Report.Table4.Cells);
    }
}
