using System.Text;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Gongkai.Reports.Import;

/// <summary>A glyph on a page: its text, horizontal extent, baseline (PDF units, y upwards) and size.</summary>
public readonly record struct PositionedGlyph(string Text, double Left, double Right, double Baseline, double Size);

/// <summary>
/// Puts the glyphs of a page back into lines: glyphs whose baselines lie within 0.4 × size of each other form a line,
/// read left to right; a gap wider than 1.5 × size separates table cells (" | "), a smaller gap above 0.15 × size is a
/// space. Rows broken across pages, wrapped labels and page footers are left to the text importer, which reads
/// exactly these shapes.
/// </summary>
public static class PdfTextLayout
{
    public const double SameLine = 0.4;
    public const double CellGap = 1.5;
    public const double SpaceGap = 0.15;

    public static IReadOnlyList<string> Lines(IEnumerable<PositionedGlyph> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var lines = new List<List<PositionedGlyph>>();
        foreach (var glyph in glyphs.Where(g => !string.IsNullOrWhiteSpace(g.Text)).OrderByDescending(g => g.Baseline).ThenBy(g => g.Left))
        {
            var line = lines.Count > 0 ? lines[^1] : null;
            if (line is not null && Math.Abs(line[0].Baseline - glyph.Baseline) <= SameLine * Math.Max(line[0].Size, glyph.Size))
            {
                line.Add(glyph);
            }
            else
            {
                lines.Add([glyph]);
            }
        }

        return lines.Select(Render).ToList();
    }

    private static string Render(List<PositionedGlyph> line)
    {
        var sb = new StringBuilder();
        PositionedGlyph? previous = null;
        foreach (var g in line.OrderBy(g => g.Left))
        {
            if (previous is { } p)
            {
                var gap = g.Left - p.Right;
                var size = Math.Max(Math.Max(p.Size, g.Size), 1e-3);
                if (gap > CellGap * size)
                {
                    sb.Append(" | ");
                }
                else if (gap > SpaceGap * size)
                {
                    sb.Append(' ');
                }
            }

            sb.Append(g.Text);
            previous = g;
        }

        return sb.ToString();
    }
}

/// <summary>
/// Reads a report from a PDF with a text layer (agencies' WPS or Word exports) via PdfPig: each page's letters are
/// laid out into lines by <see cref="PdfTextLayout"/> and handed to <see cref="TextReportImporter"/>. A scanned PDF
/// (no text layer) is refused: it needs OCR first.
/// </summary>
public static class PdfReportReader
{
    public const string UnreadableCode = "report.unreadable";

    public static ReportEnvelope Import(byte[] pdf, ReportImportOptions? options = null) =>
        TextReportImporter.Import(ToText(pdf), options);

    public static string ToText(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf);
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new DomainException(UnreadableCode, "无法读取：文件不是有效的 PDF，或已加密。", e);
        }

        using (document)
        {
            var sb = new StringBuilder();
            var letters = 0;
            foreach (var page in document.GetPages())
            {
                var glyphs = page.Letters
                    .Where(l => l.TextOrientation is TextOrientation.Horizontal or TextOrientation.Other)
                    .Select(l => new PositionedGlyph(l.Value, Math.Min(l.StartBaseLine.X, l.EndBaseLine.X), Math.Max(l.StartBaseLine.X, l.EndBaseLine.X), l.StartBaseLine.Y, l.PointSize > 0 ? l.PointSize : l.FontSize))
                    .ToList();
                letters += glyphs.Count;
                foreach (var line in PdfTextLayout.Lines(glyphs))
                {
                    sb.Append(line).Append('\n');
                }
            }

            if (letters == 0)
            {
                throw new DomainException(UnreadableCode, "无法读取：PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）。");
            }

            return sb.ToString();
        }
    }
}
