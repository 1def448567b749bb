using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;

namespace Gongkai.Reports.Import;

/// <summary>
/// Reads a report published as an HTML page: paragraphs and headings become lines, and every data table becomes one
/// `|`-separated line per row with merged cells (rowspan/colspan) expanded on a grid — the line stream
/// <see cref="TextReportImporter"/> reads. A label cell spanning several rows is repeated on each (so a group label such
/// as （三）不予公开 precedes each of its sub-rows); a spanned number is kept once, never duplicated into another cell.
/// Empty cells keep their position and read as blank.
/// </summary>
public static partial class HtmlReportReader
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "SECTION", "ARTICLE", "HEADER", "FOOTER", "TR", "BLOCKQUOTE", "PRE", "DD", "DT", "CENTER",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD" };

    /// <summary>
    /// Deeper nesting is refused before parsing: no report page comes near it, and the HTML parser's work grows faster
    /// than linearly with the depth (200,000 nested elements take minutes), so a hostile page could hold a worker.
    /// </summary>
    public const int MaxNestingDepth = 2000;

    public const string UnreadableCode = "report.unreadable";

    private static readonly HashSet<string> VoidOrAutoClosing = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "tbody", "thead", "tfoot", "colgroup", "dt", "dd", "option", "optgroup", "rb", "rt", "rp",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

    public static ReportEnvelope Import(string html, ReportImportOptions? options = null) =>
        TextReportImporter.Import(ToText(html), options);

    /// <summary>The page as lines: text blocks and table rows.</summary>
    public static string ToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (NestingDepth(html) > MaxNestingDepth)
        {
            throw new Gongkai.Core.Common.DomainException(UnreadableCode, $"无法读取：网页的标签嵌套超过 {MaxNestingDepth} 层，不像是年度报告。");
        }

        var document = new HtmlParser().ParseDocument(html);
        var output = new LineWriter();
        if (document.Body is { } body)
        {
            Walk(body, output);
        }

        output.EndLine();
        return output.ToString();
    }

    /// <summary>
    /// An upper estimate of how deeply the markup nests elements, by scanning tags without parsing: comments and the
    /// content of raw-text elements (script, style…) are skipped; void elements and elements whose end tag may be
    /// omitted (p, li, td, tr…) do not count, so sloppy but ordinary pages stay far below the limit.
    /// </summary>
    public static int NestingDepth(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = 0, max = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    break;
                }

                i = end + 3;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = i + (closing ? 2 : 1);
            var stop = start;
            while (stop < html.Length && char.IsAsciiLetterOrDigit(html[stop]))
            {
                stop++;
            }

            if (stop == start || !char.IsAsciiLetter(html[start]))
            {
                i++;
                continue;
            }

            var name = html[start..stop];
            var close = html.IndexOf('>', stop);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
            if (closing)
            {
                if (!VoidOrAutoClosing.Contains(name))
                {
                    depth = Math.Max(0, depth - 1);
                }

                continue;
            }

            if (RawText.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (html[close - 1] != '/' && !VoidOrAutoClosing.Contains(name))
            {
                max = Math.Max(max, ++depth);
            }
        }

        return max;
    }

    private static void Walk(INode node, LineWriter output)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    output.Append(text.Data);
                    break;
                case IHtmlTableElement table when !table.QuerySelectorAll("table").Any():
                    output.EndLine();
                    WriteTable(table, output);
                    break;
                case IElement element when Skipped.Contains(element.TagName):
                    break;
                case IElement element when element.TagName.Equals("BR", StringComparison.OrdinalIgnoreCase):
                    output.EndLine();
                    break;
                case IElement element:
                    var block = BlockElements.Contains(element.TagName) || element.TagName.Equals("TABLE", StringComparison.OrdinalIgnoreCase) || element.TagName.Equals("TD", StringComparison.OrdinalIgnoreCase);
                    if (block)
                    {
                        output.EndLine();
                    }

                    Walk(element, output);
                    if (block)
                    {
                        output.EndLine();
                    }

                    break;
                default:
                    break;
            }
        }
    }

    private static void WriteTable(IHtmlTableElement table, LineWriter output)
    {
        var grid = new List<List<string?>>();
        var rows = table.Rows.ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            EnsureRow(grid, r);
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < grid[r].Count && grid[r][c] is not null)
                {
                    c++;
                }

                var text = CellText(cell);
                var isNumber = NumberCell().IsMatch(text);
                var rowSpan = Math.Clamp(cell.RowSpan, 1, 500);
                var colSpan = Math.Clamp(cell.ColumnSpan, 1, 100);
                for (var dr = 0; dr < rowSpan; dr++)
                {
                    EnsureRow(grid, r + dr);
                    for (var dc = 0; dc < colSpan; dc++)
                    {
                        var row = grid[r + dr];
                        while (row.Count <= c + dc)
                        {
                            row.Add(null);
                        }

                        var first = dr == 0 && dc == 0;

                        // A spanned label repeats down its rows but not across its columns; a spanned number is kept once.
                        row[c + dc] = first ? text : (!isNumber && dc == 0 ? text : Spanned);
                    }
                }

                c += colSpan;
            }
        }

        foreach (var row in grid)
        {
            var cells = row.Where(v => !ReferenceEquals(v, Spanned)).Select(v => v ?? string.Empty).ToList();
            if (cells.All(v => v.Length == 0))
            {
                continue;
            }

            output.Line(string.Join(" | ", cells) + " |");
        }
    }

    // Marks a grid slot covered by a span that is not written out.
    private static readonly string Spanned = new('\u0000', 1);

    private static void EnsureRow(List<List<string?>> grid, int r)
    {
        while (grid.Count <= r)
        {
            grid.Add([]);
        }
    }

    private static string CellText(IElement cell) =>
        Whitespace().Replace(cell.TextContent.Replace('|', '｜'), " ").Trim();

    private sealed class LineWriter
    {
        private readonly StringBuilder _all = new();
        private readonly StringBuilder _line = new();

        public void Append(string text) => _line.Append(Whitespace().Replace(text, " "));

        public void EndLine()
        {
            var line = _line.ToString().Trim();
            if (line.Length > 0)
            {
                _all.Append(line).Append('\n');
            }

            _line.Clear();
        }

        public void Line(string line)
        {
            EndLine();
            _all.Append(line).Append('\n');
        }

        public override string ToString() => _all.ToString();
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^[+\-−]?[\d０-９][\d０-９,，.．]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberCell();
}
