using Gongkai.Core.Common;
using Gongkai.Data.Portal;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Zhaocuo;

/// <summary>
/// 我为政府网站找错: the public form (the page address comes pre-filled from <c>?page=</c> when it is a path on this
/// site or an http(s) address), and, in the response to the post, the ticket number with a link to its status page.
/// The same form submitted twice gives the same ticket. <c>?number=</c> looks a ticket up.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
[IgnoreAntiforgeryToken] // checked in OnPostAsync after the body is read under a small limit, so that every refusal is a Chinese page
[RequestSizeLimit(TransportLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(HumanCheck human, IAntiforgery antiforgery, SubmitSiteErrorReport submit) : PageModel
{
    public const string FormKeyPurpose = "portal-zhaocuo";

    /// <summary>The form's text fields with room to spare; there are no uploads.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    public const long TransportLimitBytes = 2 * MaxRequestBytes;

    public const string TooLargeMessage = "提交的内容过长，未能接收，也没有保存任何内容。请缩短错误描述后重新提交。";

    /// <summary>The fields in page order: the error summary lists them in this order.</summary>
    public static readonly IReadOnlyList<(string Field, string Anchor)> FieldOrder =
    [
        ("PageUrl", "PageUrl"), ("Category", "Category-" + SiteErrorCategory.BrokenLink), ("Description", "Description"), ("ContactName", "ContactName"), ("Contact", "Contact"),
    ];

    public ReportForm Input { get; private set; } = new();

    public string FormKey { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>A problem with the submission as a whole (human check, size, expired page).</summary>
    public string? FormError { get; private set; }

    /// <summary>The ticket number typed into the look-up box, when it could not be one.</summary>
    public string? LookupError { get; private set; }

    public string LookupNumber { get; private set; } = string.Empty;

    public SubmittedSiteErrorReport? Result { get; private set; }

    public bool HasErrors => FormError is not null || Errors.Count > 0;

    public IActionResult OnGet([FromQuery(Name = "page")] string? pageUrl, [FromQuery] string? number)
    {
        // "page" is also a route value in Razor Pages (the page's own path): read only from the query string.
        if (number is not null)
        {
            LookupNumber = number.Length > 40 ? number[..40] : number;
            if (SiteErrorReportRules.NormaliseNumber(number) is { } clean)
            {
                return Redirect("/Zhaocuo/" + clean);
            }

            LookupError = "工单编号格式不正确，应为年份和 5 位数字，如 2026-00001。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        FormKey = PublicUploadForm.NewFormKey();
        Input = new ReportForm { PageUrl = SiteErrorReportRules.NormalisePageUrl(pageUrl) ?? string.Empty };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // No handler parameters: binding one would make MVC read the form before the size check.
        var ct = HttpContext.RequestAborted;
        var read = await PublicUploadForm.ReadAsync(HttpContext, antiforgery, MaxRequestBytes, TooLargeMessage, ct);
        if (read.Form is not { } form)
        {
            return Again(read.Error!, read.Status);
        }

        Input = ReportForm.Read(form);
        FormKey = form["FormKey"].ToString() is { Length: > 0 and <= 64 } key ? key : PublicUploadForm.NewFormKey();
        if (human.Verify(form) is { } notHuman)
        {
            return Again(notHuman, StatusCodes.Status400BadRequest);
        }

        try
        {
            Result = await submit.ExecuteAsync(Input.ToUseCase(), PublicUploadForm.UseCaseKey(FormKeyPurpose, FormKey), ct);
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
        }
        catch (DomainException ex) when (ex.Code == ValidationFailedException.ErrorCode)
        {
            FormError = ex.Message;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Again(string error, int status)
    {
        FormError = error;
        if (FormKey.Length == 0)
        {
            FormKey = PublicUploadForm.NewFormKey();
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The form as posted, kept as typed so that it can be shown again with its errors.</summary>
    public sealed record ReportForm
    {
        public string PageUrl { get; init; } = string.Empty;

        public SiteErrorCategory? Category { get; init; }

        public string Description { get; init; } = string.Empty;

        public string ContactName { get; init; } = string.Empty;

        public string Contact { get; init; } = string.Empty;

        public static ReportForm Read(IFormCollection f)
        {
            ArgumentNullException.ThrowIfNull(f);
            var category = f["Category"].ToString();
            return new ReportForm
            {
                PageUrl = f["PageUrl"].ToString(),
                Category = Enum.TryParse<SiteErrorCategory>(category, out var c) && Enum.IsDefined(c) && !int.TryParse(category, out _) ? c : null,
                Description = f["Description"].ToString(),
                ContactName = f["ContactName"].ToString(),
                Contact = f["Contact"].ToString(),
            };
        }

        /// <summary>An unanswered choice goes to the use case as an undefined value, which it reports as 请选择错误类型.</summary>
        public SiteErrorReportInput ToUseCase() => new()
        {
            PageUrl = PageUrl,
            Category = Category ?? 0,
            Description = Description,
            ContactName = ContactName,
            Contact = Contact,
        };
    }
}
