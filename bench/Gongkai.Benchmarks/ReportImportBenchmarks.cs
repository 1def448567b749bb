using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Reports.Import;

namespace Gongkai.Benchmarks;

/// <summary>
/// Importing one published annual report (the 2024 Kundulun report, 77 lines, about 12 KB of text) from each form:
/// the whole <see cref="ReportFileImporter"/> path from the file's bytes (detect, decode or extract, normalise, read
/// the tables). Baseline in the same run: the text importer alone on the same report's lines already extracted and
/// normalised, so that what each reader adds on top (decoding and OpenCC normalisation for text, parsing the page for
/// HTML, laying out the letters for PDF) is the difference. The extraction steps are also measured on their own.
/// One operation is one report; reports per second per core = 1 s ÷ mean (every benchmark runs on one thread).
/// </summary>
[MemoryDiagnoser]
public class ReportImportBenchmarks
{
    private byte[] _text = null!;
    private byte[] _html = null!;
    private byte[] _pdf = null!;
    private string[] _normalizedLines = null!;
    private string _htmlString = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        _text = File.ReadAllBytes(Path.Combine(data, "seeds", "kundulun-2024-scraped.txt"));
        _pdf = File.ReadAllBytes(Path.Combine(data, "pdf", "kundulun-2024-wps-like.pdf"));
        var text = Encoding.UTF8.GetString(_text);
        _htmlString = AsMirrorPage(text);
        _html = Encoding.UTF8.GetBytes(_htmlString);
        _normalizedLines = TextNormalizer.Normalize(text).Split('\n');

        // The three forms must give the same tables, or the comparison means nothing.
        var expected = Tables(TextReportImporter.ImportNormalizedLines(_normalizedLines, new ReportImportOptions()));
        foreach (var (name, bytes) in new[] { ("text", _text), ("html", _html), ("pdf", _pdf) })
        {
            if (Tables(ReportFileImporter.Import(bytes, null)) != expected)
            {
                throw new InvalidOperationException($"the {name} form does not read as the same tables");
            }
        }
    }

    /// <summary>The report as a mirror site serves it: one paragraph per line, `|` rows as table rows.</summary>
    private static string AsMirrorPage(string text)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title><style>td{border:1px solid}</style></head><body><div class=\"article\">");
        var inTable = false;
        foreach (var line in text.Split('\n'))
        {
            var isRow = line.Contains('|', StringComparison.Ordinal);
            if (isRow != inTable)
            {
                sb.Append(isRow ? "<table>" : "</table>");
                inTable = isRow;
            }

            if (isRow)
            {
                sb.Append("<tr>");
                foreach (var cell in line.TrimEnd().TrimEnd('|').Split('|'))
                {
                    sb.Append("<td>").Append(WebUtility.HtmlEncode(cell.Trim())).Append("</td>");
                }

                sb.Append("</tr>");
            }
            else
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
            }
        }

        return sb.Append(inTable ? "</table>" : string.Empty).Append("</div></body></html>").ToString();
    }

    private static string Tables(ReportEnvelope envelope)
    {
        var copy = ReportJson.Read(ReportJson.Write(envelope.Report));
        copy.Sections.Clear();
        copy.Agency = null;
        return ReportJson.Write(copy);
    }

    [Benchmark(Baseline = true)]
    public ReportEnvelope TextImporterOnExtractedLines() => TextReportImporter.ImportNormalizedLines(_normalizedLines, new ReportImportOptions());

    [Benchmark]
    public ReportEnvelope TextFile() => ReportFileImporter.Import(_text, "report.txt");

    [Benchmark]
    public ReportEnvelope HtmlFile() => ReportFileImporter.Import(_html, "report.html");

    [Benchmark]
    public ReportEnvelope PdfFile() => ReportFileImporter.Import(_pdf, "report.pdf");

    [Benchmark]
    public string HtmlToLinesOnly() => HtmlReportReader.ToText(_htmlString);

    [Benchmark]
    public string PdfToLinesOnly() => PdfReportReader.ToText(_pdf);

    [Benchmark]
    public string NormalizeOnly() => TextNormalizer.Normalize(ReportFileImporter.Decode(_text));
}
