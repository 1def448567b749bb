using System.Globalization;
using System.Net;
using System.Text;
using Gongkai.Core.Reports;

namespace Gongkai.Documents.Reports;

/// <summary>
/// Writes an annual report in the national layout as HTML: <see cref="Write"/> gives a self-contained A4 page (styles
/// inline, nothing fetched, no scripts — <see cref="ChromiumPdfRenderer"/> prints it to the PDF), <see cref="Article"/>
/// the same content as a fragment for the product's pages, which serve <see cref="Stylesheet"/> as a file (their content
/// security policy allows no inline styles, so the fragment has no style attributes). Every text is HTML-encoded.
/// Tables keep the format's merged cells, header cells are <c>th</c> with their scope, and each table is labelled by
/// its section heading.
/// </summary>
public static class ReportHtmlWriter
{
    /// <summary>The fragment's style sheet, every rule scoped under <c>.gk-report</c>.</summary>
    public const string Stylesheet =
        ".gk-report{color:#000;background:#fff;font-family:\"FangSong\",\"FangSong_GB2312\",\"仿宋_GB2312\",\"仿宋\",\"STFangsong\",\"SimSun\",\"宋体\",\"WenQuanYi Zen Hei\",\"Noto Serif CJK SC\",serif;font-size:14pt;line-height:1.75}\n" +
        ".gk-report h1{font-family:\"FZXiaoBiaoSong-B05S\",\"方正小标宋简体\",\"SimHei\",\"黑体\",\"WenQuanYi Zen Hei\",\"Noto Sans CJK SC\",sans-serif;font-size:20pt;line-height:1.5;font-weight:normal;text-align:center;text-wrap:balance;margin:0 0 16pt}\n" +
        ".gk-report h2{font-family:\"SimHei\",\"黑体\",\"WenQuanYi Zen Hei\",\"Noto Sans CJK SC\",sans-serif;font-size:14pt;font-weight:normal;margin:12pt 0 4pt;text-indent:2em;break-after:avoid;page-break-after:avoid}\n" +
        ".gk-report p{margin:0;text-indent:2em;text-align:justify;overflow-wrap:anywhere}\n" +
        ".gk-report .gk-footnote{margin-top:12pt}\n" +
        ".gk-report table{border-collapse:collapse;width:100%;table-layout:fixed;margin:4pt 0 12pt;font-size:10.5pt;line-height:1.35}\n" +
        ".gk-report th,.gk-report td{border:0.75pt solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle;font-weight:normal;overflow-wrap:anywhere}\n" +
        ".gk-report td{font-variant-numeric:tabular-nums}\n" +
        ".gk-report thead{display:table-header-group}\n" +
        ".gk-report td,.gk-report th[scope=row]{break-inside:avoid;page-break-inside:avoid}\n" +
        ".gk-report .gk-table-二 col:first-child{width:34%}\n" +
        ".gk-report .gk-table-三 col:nth-child(1){width:7%}\n" +
        ".gk-report .gk-table-三 col:nth-child(2){width:8%}\n" +
        ".gk-report .gk-table-三 col:nth-child(3){width:29%}\n" +
        ".gk-report .gk-table-三 th[scope=row]{text-align:left}\n" +
        ".gk-report .gk-table-三 th[scope=rowgroup]{text-align:center}\n" +
        ".gk-report .gk-table-四{font-size:9pt}\n";

    private const string PageCss =
        "@page{size:A4;margin:25mm 20mm 22mm;@bottom-center{content:\"— \" counter(page) \" —\";font-family:\"SimSun\",\"宋体\",\"WenQuanYi Zen Hei\",serif;font-size:12pt}}\n" +
        "html{background:#fff}body{margin:0}\n" +
        ".gk-report{max-width:170mm;margin:0 auto}\n" +
        "@media screen{body{padding:16px}}\n";

    /// <summary>A complete HTML5 page (zh-CN, UTF-8, a policy forbidding scripts and remote loads) laid out for A4.</summary>
    public static string Write(AnnualReport report, ReportDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(info);
        return new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(info.Title)).Append("</title>\n<style>\n")
            .Append(PageCss).Append(Stylesheet)
            .Append("</style></head>\n<body>\n")
            .Append(Article(report, info))
            .Append("</body></html>\n")
            .ToString();
    }

    /// <summary>The report as an <c>&lt;article class="gk-report"&gt;</c> fragment (no style attributes, no scripts).</summary>
    public static string Article(AnnualReport report, ReportDocumentInfo info)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(info);
        var sb = new StringBuilder("<article class=\"gk-report\" lang=\"zh-CN\">\n");
        sb.Append("<h1>").Append(E(info.Title)).Append("</h1>\n");
        foreach (var line in ReportLayout.Paragraphs(info.Introduction))
        {
            sb.Append("<p class=\"gk-intro\">").Append(E(line)).Append("</p>\n");
        }

        for (var i = 0; i < AnnualReport.SectionKeys.Count; i++)
        {
            var key = AnnualReport.SectionKeys[i];
            var id = string.Create(CultureInfo.InvariantCulture, $"gk-report-s{i + 1}");
            sb.Append("<section>\n<h2 id=\"").Append(id).Append("\">").Append(E(AnnualReport.SectionHeading(key))).Append("</h2>\n");
            if (AnnualReport.NarrativeSectionKeys.Contains(key))
            {
                foreach (var line in ReportLayout.Paragraphs(report.Sections.GetValueOrDefault(key)))
                {
                    sb.Append("<p>").Append(E(line)).Append("</p>\n");
                }
            }
            else
            {
                Table(sb, ReportLayout.Table(report, key), id);
            }

            sb.Append("</section>\n");
        }

        foreach (var line in ReportLayout.Paragraphs(info.Footnote))
        {
            sb.Append("<p class=\"gk-footnote\">").Append(E(line)).Append("</p>\n");
        }

        return sb.Append("</article>\n").ToString();
    }

    private static void Table(StringBuilder sb, ReportTable table, string labelledBy)
    {
        sb.Append("<table class=\"gk-table gk-table-").Append(table.SectionKey).Append("\" aria-labelledby=\"").Append(labelledBy).Append("\">\n<colgroup>");
        for (var c = 0; c < table.Width; c++)
        {
            sb.Append("<col>");
        }

        sb.Append("</colgroup>\n");
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (r == 0)
            {
                sb.Append(table.HeaderRows > 0 ? "<thead>\n" : "<tbody>\n");
            }
            else if (r == table.HeaderRows)
            {
                sb.Append("</thead>\n<tbody>\n");
            }

            sb.Append("<tr>");
            foreach (var cell in table.Rows[r])
            {
                var tag = cell.Kind == ReportCellKind.Data ? "td" : "th";
                sb.Append('<').Append(tag);
                if (cell.Kind == ReportCellKind.ColumnHeader)
                {
                    sb.Append(cell.ColSpan > 1 ? " scope=\"colgroup\"" : " scope=\"col\"");
                }
                else if (cell.Kind == ReportCellKind.RowHeader)
                {
                    sb.Append(cell.RowSpan > 1 ? " scope=\"rowgroup\"" : " scope=\"row\"");
                }

                if (cell.ColSpan > 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" colspan=\"{cell.ColSpan}\"");
                }

                if (cell.RowSpan > 1)
                {
                    sb.Append(CultureInfo.InvariantCulture, $" rowspan=\"{cell.RowSpan}\"");
                }

                sb.Append('>').Append(E(cell.Text)).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>HTML-encodes, dropping characters HTML does not allow (C0/C1 controls other than tab and newline, noncharacters).</summary>
    private static string E(string? text) => WebUtility.HtmlEncode(TextCleaner.Clean(text));
}
