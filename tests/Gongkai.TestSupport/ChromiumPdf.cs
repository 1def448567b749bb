using Gongkai.Documents;
using Xunit;

namespace Gongkai.TestSupport;

/// <summary>
/// Prints an HTML page to PDF with Debian's Chromium (headless, the way a page is saved as PDF from a browser), in the
/// font fonts-wqy-zenhei, through the product's <see cref="ChromiumPdfRenderer"/>. The browser comes from GONGKAI_TEST_CHROMIUM, which scripts/test.sh sets when
/// /usr/bin/chromium is installed; CI installs both and fails on skipped tests.
/// </summary>
public static class ChromiumPdf
{
    public const string Variable = "GONGKAI_TEST_CHROMIUM";

    public const string FontFile = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    /// <summary>Page style: A4, the font, bordered cells with the numbers centred as agencies print them.</summary>
    public const string Css = "@page{size:A4;margin:20mm 18mm}body{font-family:'WenQuanYi Zen Hei';font-size:10.5pt}"
        + "table{border-collapse:collapse;width:100%;margin:6pt 0}td{border:0.75pt solid #000;padding:2pt 3pt;text-align:center;vertical-align:middle}"
        + "p{margin:3pt 0;text-indent:2em}";

    public static string? Browser => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } p && File.Exists(p) ? p : null;

    public static string? MissingReason => Browser is null
        ? $"Chromium not available: set {Variable} to its path (scripts/test.sh uses /usr/bin/chromium; apt-get install chromium)"
        : !File.Exists(FontFile) ? "the font WenQuanYi Zen Hei is not installed (apt-get install fonts-wqy-zenhei)" : null;

    /// <summary>Prints through the product's own PDF renderer, pointed at the test browser.</summary>
    public static byte[] Print(string html) =>
        new ChromiumPdfRenderer(new PdfOptions { Chromium = Browser ?? throw new InvalidOperationException(MissingReason) })
            .RenderAsync(html).GetAwaiter().GetResult();
}

/// <summary>A fact that needs Chromium and the CJK font; skipped with the reason when they are missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumPdf.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
