using System.Security.Cryptography;
using System.Text;
using Gongkai.Documents.Reports;

namespace Gongkai.Web.Pages.Baogao;

/// <summary>
/// The style sheet of the report pages, served as a file (the pages' content security policy allows no inline style):
/// the report fragment's rules (<see cref="ReportHtmlWriter.Stylesheet"/>) and the frame that lets wide tables scroll on
/// a narrow screen. Linked with a version (<see cref="Href"/>), so a browser may keep it until the rules change.
/// </summary>
public static class ReportStylesheet
{
    public const string Path = "/Baogao/report.css";

    private const string FrameCss =
        ".report-frame{overflow-x:auto;margin:1.5rem 0}\n" +
        ".report-frame:focus-visible{outline:3px solid #1d70b8;outline-offset:2px}\n" +
        ".report-frame .gk-table-三,.report-frame .gk-table-四{min-width:48rem}\n" +
        ".report-downloads{list-style:none;padding:0;margin:.5rem 0}\n";

    public static string Content { get; } = ReportHtmlWriter.Stylesheet + FrameCss;

    public static string Version { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content)))[..12];

    /// <summary>The link to the current rules.</summary>
    public static string Href { get; } = Path + "?v=" + Version;

    /// <summary>Maps <see cref="Path"/>: text/css, cached for a year when asked for by the current version, a day otherwise.</summary>
    public static IEndpointConventionBuilder MapReportStylesheet(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = context.Request.Query["v"] == Version ? "public, max-age=31536000, immutable" : "public, max-age=86400";
            return Results.Text(Content, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
