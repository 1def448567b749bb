using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;

namespace Gongkai.Reports.Import;

/// <summary>
/// Reads a report saved as a Word document (.docx): paragraphs become lines, tabs separate cells, and every table
/// becomes one `|`-separated line per row with merged cells expanded on the table grid (gridSpan, vMerge). As in the
/// HTML reader, a vertically merged label is repeated on each row it spans and a merged number is kept once.
/// </summary>
public static class DocxReportReader
{
    public const string UnreadableCode = "report.unreadable";

    /// <summary>A part (the document body) larger than this is refused: it guards against a zip bomb in the package.</summary>
    public const long MaxCharactersInPart = 32L * 1024 * 1024;

    public static ReportEnvelope Import(Stream docx, ReportImportOptions? options = null) =>
        TextReportImporter.Import(ToText(docx), options);

    public static string ToText(Stream docx)
    {
        ArgumentNullException.ThrowIfNull(docx);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(docx, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new DomainException(UnreadableCode, "无法读取：文件不是有效的 Word（.docx）文档。", e);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DomainException(UnreadableCode, "无法读取：Word 文档没有正文。");
            var sb = new StringBuilder();
            Write(body.ChildElements, sb);
            return sb.ToString();
        }
    }

    private static void Write(IEnumerable<DocumentFormat.OpenXml.OpenXmlElement> elements, StringBuilder sb)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case Paragraph p:
                    var text = ParagraphText(p).Trim();
                    if (text.Length > 0)
                    {
                        sb.Append(text).Append('\n');
                    }

                    break;
                case Table t:
                    WriteTable(t, sb);
                    break;
                case DocumentFormat.OpenXml.Wordprocessing.SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    Write(content.ChildElements, sb);
                    break;
                default:
                    break;
            }
        }
    }

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append('\t');
                    break;
                case Break:
                    sb.Append(' ');
                    break;
                default:
                    break;
            }
        }

        return sb.ToString();
    }

    private static void WriteTable(Table table, StringBuilder sb)
    {
        // Text of the cell that started a vertical merge, by grid column.
        var mergeText = new Dictionary<int, (string Text, bool IsNumber)>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<TableCell>())
            {
                var span = Math.Max(1, cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                var merge = cell.TableCellProperties?.VerticalMerge;
                var text = string.Join(" ", cell.Elements<Paragraph>().Select(ParagraphText).Select(s => s.Trim()).Where(s => s.Length > 0)).Replace('|', '｜');
                if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                {
                    // A continued merge: repeat a label, never a number.
                    if (mergeText.TryGetValue(column, out var started) && !started.IsNumber)
                    {
                        cells.Add(started.Text);
                    }
                }
                else
                {
                    var isNumber = text.Length > 0 && text.All(c => char.IsDigit(c) || c is ',' or '.' or '-' or '+' or '，' or '．');
                    if (merge is not null)
                    {
                        mergeText[column] = (text, isNumber);
                    }
                    else
                    {
                        mergeText.Remove(column);
                    }

                    cells.Add(text);
                }

                column += span;
            }

            if (cells.Any(c => c.Length > 0))
            {
                sb.Append(string.Join(" | ", cells)).Append(" |\n");
            }
        }
    }
}
