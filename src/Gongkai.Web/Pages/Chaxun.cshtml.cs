using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages;

/// <summary>
/// 申请查询: the applicant's status page, by 受理编号 and 查询码. Both are posted, never put in a URL (the code is a
/// secret); guessing a code is blocked per case number (<see cref="TargetThrottle"/>), from any address. While a
/// 补正告知 is open the page carries the 网上补正 form, which posts the number and code back in hidden fields.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
[IgnoreAntiforgeryToken] // checked in each handler after the body is read (PublicUploadForm), so that an oversized body gets a clear answer
[RequestSizeLimit(PublicUploadForm.TransportLimitBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = PublicUploadForm.MaxRequestBytes)]
public sealed class ChaxunModel(TrackApplication track, SubmitCorrection correct, HumanCheck human, TargetThrottle throttle, IAntiforgery antiforgery, AgencyClock clock, UseCases.Letters.GetApplicantLetterFile letterFile) : PageModel
{
    public const string FormKeyPurpose = "portal-correct";
    public const string BlockedMessage = "该受理编号查询失败次数过多，为保护申请人信息，请 15 分钟后再试，或致电受理机关查询。";

    public string CaseNumber { get; private set; } = string.Empty;

    /// <summary>The code as typed; only written back into this POST response's forms.</summary>
    public string QueryCode { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public TrackedApplication? Tracked { get; private set; }

    public string CorrectionFormKey { get; private set; } = string.Empty;

    public string CorrectionReply { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> CorrectionErrors { get; private set; } = new Dictionary<string, string>();

    public string? CorrectionFormError { get; private set; }

    public bool CorrectionFilesDropped { get; private set; }

    public bool CorrectionSaved { get; private set; }

    /// <summary>Why a letter could not be downloaded (a PDF that cannot be printed here).</summary>
    public string? LetterError { get; private set; }

    public bool HasErrors => FormError is not null || Errors.Count > 0 || CorrectionFormError is not null || CorrectionErrors.Count > 0;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // No handler parameters: binding one would make MVC read the form before the size check (PublicUploadForm).
        var ct = HttpContext.RequestAborted;
        var (form, refused) = await ReadCaseFormAsync(ct);
        if (form is null)
        {
            return refused!;
        }

        if (human.Verify(form) is { } notHuman)
        {
            return Refuse(notHuman, StatusCodes.Status400BadRequest);
        }

        var errors = new Dictionary<string, string>();
        if (CaseNumber.Length == 0)
        {
            errors["CaseNumber"] = "请填写受理编号。";
        }

        if (QueryCode.Length == 0)
        {
            errors["QueryCode"] = "请填写查询码。";
        }

        if (errors.Count > 0)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (form, refused) = await ReadCaseFormAsync(ct);
        if (form is null)
        {
            return refused!;
        }

        CorrectionReply = form["Reply"].ToString();
        CorrectionFormKey = form["FormKey"].ToString() is { Length: > 0 and <= 64 } key ? key : PublicUploadForm.NewFormKey();
        var files = PublicUploadForm.Files(form, "Attachments");
        var target = Target(CaseNumber);
        if (throttle.IsBlocked(target))
        {
            return Refuse(BlockedMessage, StatusCodes.Status429TooManyRequests);
        }

        if (human.Verify(form) is { } notHuman)
        {
            CorrectionFormError = notHuman;
            CorrectionFilesDropped = files.Count > 0;
            return await ShowAsync(ct, StatusCodes.Status400BadRequest);
        }

        try
        {
            await correct.ExecuteAsync(CaseNumber, QueryCode, CorrectionReply, files, PublicUploadForm.UseCaseKey(FormKeyPurpose, CorrectionFormKey), ct);
            CorrectionSaved = true;
            CorrectionReply = string.Empty;
            CorrectionFormKey = string.Empty;
            return await ShowAsync(ct);
        }
        catch (ValidationFailedException ex)
        {
            CorrectionErrors = ex.Errors;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            throttle.RecordFailure(target);
            return Refuse(ex.Message, StatusCodes.Status404NotFound);
        }
        catch (DomainException ex)
        {
            // A file over the limit found while saving, or a case that is no longer waiting for a correction.
            CorrectionFormError = ex.Message;
        }

        CorrectionFilesDropped = files.Count > 0;
        return await ShowAsync(ct, StatusCodes.Status400BadRequest);
    }

    /// <summary>Downloads a letter addressed to the applicant (checked with the case number and 查询码, throttled like a query).</summary>
    public async Task<IActionResult> OnPostLetterAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (form, refused) = await ReadCaseFormAsync(ct);
        if (form is null)
        {
            return refused!;
        }

        var target = Target(CaseNumber);
        if (throttle.IsBlocked(target))
        {
            return Refuse(BlockedMessage, StatusCodes.Status429TooManyRequests);
        }

        if (!long.TryParse(form["Letter"], NumberStyles.None, CultureInfo.InvariantCulture, out var letterId)
            || !Enum.TryParse<UseCases.Letters.LetterFormat>(form["Format"], ignoreCase: true, out var format) || format == UseCases.Letters.LetterFormat.Html)
        {
            return BadRequest();
        }

        try
        {
            var file = await letterFile.ExecuteAsync(CaseNumber, QueryCode, letterId, format, ct);
            throttle.RecordSuccess(target);
            Response.Headers.CacheControl = "no-store";
            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            throttle.RecordFailure(target);
            return Refuse(ex.Message, StatusCodes.Status404NotFound);
        }
        catch (DomainException ex) when (Documents.ChromiumPdfRenderer.IsPdfFailure(ex.Code))
        {
            return await ShowLetterErrorAsync("PDF 版本暂时无法生成，请下载 Word 版本，或联系受理机关。", ct);
        }
    }

    /// <summary>Reads a posted tracking form (size and antiforgery checked first) and the case number and 查询码 it carries.</summary>
    private async Task<(IFormCollection? Form, IActionResult? Refused)> ReadCaseFormAsync(CancellationToken ct)
    {
        var read = await PublicUploadForm.ReadAsync(HttpContext, antiforgery, ct);
        if (read.Form is not { } form)
        {
            return (null, Refuse(read.Error!, read.Status));
        }

        CaseNumber = form["CaseNumber"].ToString().Trim();
        QueryCode = form["QueryCode"].ToString().Trim();
        return (form, null);
    }

    private async Task<IActionResult> ShowLetterErrorAsync(string message, CancellationToken ct)
    {
        LetterError = message;
        return await ShowAsync(ct, StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var target = Target(CaseNumber);
        if (throttle.IsBlocked(target))
        {
            return Refuse(BlockedMessage, StatusCodes.Status429TooManyRequests);
        }

        try
        {
            Tracked = await track.ExecuteAsync(CaseNumber, QueryCode, ct);
            throttle.RecordSuccess(target);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            throttle.RecordFailure(target);
            return Refuse(ex.Message, StatusCodes.Status404NotFound);
        }

        if (Tracked.AwaitsCorrection && CorrectionFormKey.Length == 0)
        {
            CorrectionFormKey = PublicUploadForm.NewFormKey();
        }

        // The page carries the query code (in the correction form): no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        Response.StatusCode = status;
        return Page();
    }

    private PageResult Refuse(string message, int status)
    {
        Tracked = null;
        FormError = message;
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The throttle key of one case number: every page that checks a query code counts guesses against it.</summary>
    public static string Target(string caseNumber) => "track:" + caseNumber.Trim().ToUpperInvariant();
}
