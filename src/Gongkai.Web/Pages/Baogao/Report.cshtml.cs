using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Data.Reports;
using Gongkai.Documents.Reports;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Pages.Baogao;

/// <summary>
/// One published report (or a replaced edition, marked as such) at <c>/Baogao/{id}</c>, and its documents at
/// <c>/Baogao/{id}/{format}</c>: 网页 shown in the browser under its own policy (nothing loaded, nothing run), Word,
/// PDF, Excel and JSON as downloads. Drafts, unknown ids and unknown formats are not found; a PDF that cannot be
/// printed here brings the page back with the reason and the other formats.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ReportModel(GetPublishedReport get, GetPublishedReportFile files) : PageModel
{
    /// <summary>The formats offered for download, with their labels.</summary>
    public static IReadOnlyList<(string Format, string Label)> Downloads { get; } =
    [
        ("html", "网页（HTML）"),
        ("docx", "Word（DOCX）"),
        ("pdf", "PDF"),
        ("xlsx", "Excel（表格）"),
        ("json", "JSON（数据）"),
    ];

    public PublicReport Report { get; private set; } = null!;

    public string Title { get; private set; } = string.Empty;

    /// <summary>The report's markup without its title (the page's heading carries it).</summary>
    public string ArticleHtml { get; private set; } = string.Empty;

    /// <summary>Why a download failed (a PDF that cannot be printed here).</summary>
    public string? DownloadError { get; private set; }

    public ReportEditionRef? ThisEdition => Report.Editions.FirstOrDefault(e => e.Id == Report.Id);

    /// <summary>The editions before this one.</summary>
    public IEnumerable<ReportEditionRef> Earlier => Report.Editions.Where(e => e.Edition < Report.Edition);

    /// <summary>The edition now in force when this one was replaced.</summary>
    public ReportEditionRef? Current => Report.Status == AnnualReportStatus.Superseded
        ? Report.Editions.Where(e => e.Status == AnnualReportStatus.Published).MaxBy(e => e.Edition)
        : null;

    public static string EditionName(int edition) => "第 " + edition.ToString(CultureInfo.InvariantCulture) + " 版";

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        if (format is null)
        {
            return await ShowAsync(id, StatusCodes.Status200OK, ct);
        }

        if (ReportDocuments.Parse(format) is not { } f || f == ReportFileFormat.Original)
        {
            return NotFound();
        }

        try
        {
            var file = await files.ExecuteAsync(id, f, ct);
            // An edition never changes once published: the documents may be kept for a while.
            Response.Headers.CacheControl = "public, max-age=3600";
            if (f == ReportFileFormat.Html)
            {
                // Shown in the browser: the page is self-contained and may load and run nothing.
                Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.LetterPolicy;
                Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = file.FileName }.ToString();
                return File(file.Content, file.ContentType);
            }

            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException ex) when (Documents.ChromiumPdfRenderer.IsPdfFailure(ex.Code))
        {
            DownloadError = "PDF 版本暂时无法生成，请下载 Word 或网页版本。" + ex.Message;
            return await ShowAsync(id, StatusCodes.Status503ServiceUnavailable, ct);
        }
    }

    private async Task<IActionResult> ShowAsync(int id, int status, CancellationToken ct)
    {
        Report = await get.ExecuteAsync(id, ct);

        Report.Report.Agency = Report.AgencyName;
        var info = ReportDocuments.Info(Report.Report, Report.Introduction);
        Title = info.Title + (Report.Edition > 1 ? $"（{EditionName(Report.Edition)}）" : string.Empty);
        ArticleHtml = WithoutTitle(ReportHtmlWriter.Article(Report.Report, info));
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The article without its leading <c>h1</c>: the page has one heading of the first rank, its own.</summary>
    internal static string WithoutTitle(string article)
    {
        var start = article.IndexOf("<h1>", StringComparison.Ordinal);
        var end = start < 0 ? -1 : article.IndexOf("</h1>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return article;
        }

        end += "</h1>".Length;
        if (end < article.Length && article[end] == '\n')
        {
            end++;
        }

        return article.Remove(start, end - start);
    }
}
