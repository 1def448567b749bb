using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Gongkai.Core.Reports;

namespace Gongkai.Reports.Import.Tests.Exports;

/// <summary>The sample report with its narrative, and the comparisons the export round trips make.</summary>
internal static class ExportSamples
{
    /// <summary>The Kundulun 2024 report as read by hand (<c>data/seeds/kundulun-2024.expected.json</c>) with narrative sections of several paragraphs.</summary>
    public static AnnualReport Kundulun()
    {
        var report = ReportJson.Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "seeds", "kundulun-2024.expected.json")));
        report.Sections["一"] = "2024年，昆都仑区坚持以公开为常态、不公开为例外，全面推进政府信息公开工作。\n"
            + "（一）主动公开。全年通过政府门户网站主动公开政府信息3216条。\n"
            + "（二）依申请公开。全年新收到政府信息公开申请109件，上年结转4件，办结109件，4件结转下年度继续办理。";
        report.Sections["五"] = "一是公开内容还不够全面；二是政策解读形式较为单一。\n下一步，将加强业务培训，完善工作制度。";
        report.Sections["六"] = "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。";
        return report;
    }

    /// <summary>The tables only (agency and sections cleared), as the exchange JSON: equal strings mean equal tables.</summary>
    public static string Tables(AnnualReport report)
    {
        var copy = ReportJson.Read(ReportJson.Write(report));
        copy.Sections.Clear();
        copy.Agency = null;
        return ReportJson.Write(copy);
    }

    /// <summary>Text with all whitespace removed (a PDF breaks paragraphs into lines where the page wraps them).</summary>
    public static string Squeeze(string? text)
    {
        var sb = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Imports the file and asserts it holds the same tables, agency and narrative sections.</summary>
    public static ReportEnvelope AssertReadsBack(AnnualReport expected, byte[] file, string form)
    {
        var imported = ReportFileImporter.Import(file, null);
        Assert.True(
            Tables(expected) == Tables(imported.Report),
            $"{form}: expected\n{Tables(expected)}\nactual\n{Tables(imported.Report)}\nnotes: {string.Join("; ", imported.Notes.Select(n => n.Location + " " + n.Message))}");
        Assert.Equal(expected.Format, imported.Report.Format);
        Assert.Equal(expected.Year, imported.Report.Year);
        Assert.Equal(expected.Agency, imported.Report.Agency);
        foreach (var key in AnnualReport.NarrativeSectionKeys)
        {
            Assert.True(imported.Report.Sections.ContainsKey(key), $"{form}: section {key} missing");
            Assert.Equal(Squeeze(expected.Sections[key]), Squeeze(imported.Report.Sections[key]));
        }

        return imported;
    }

    /// <summary>Valid against the current schema and against Office 2007's (what older Word and WPS versions read).</summary>
    public static void AssertValidWord(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        AssertValid(doc);
    }

    public static void AssertValidWorkbook(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        AssertValid(doc);
    }

    private static void AssertValid(OpenXmlPackage package)
    {
        foreach (var validator in new[] { new OpenXmlValidator(), new OpenXmlValidator(FileFormatVersions.Office2007) })
        {
            var errors = validator.Validate(package).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }
}
