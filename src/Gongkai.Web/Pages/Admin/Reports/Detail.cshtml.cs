using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Documents;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>
/// 一份年度报告: the structured editor of the narrative (前言, 一, 五, 六) beside the figures from the data and the
/// tables computed from the records (each table-三 cell links to its applications); the validator's findings, updated
/// as the author types; the workflow forms (报送, 退回, 通过, 发布, 更正), the documents and the history. Every form
/// carries the version it was shown with and a request key.
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
public sealed class DetailModel(
    GetAnnualReport get,
    SaveAnnualReportDraft save,
    CheckAnnualReportText check,
    SubmitAnnualReport submit,
    ReturnAnnualReport returnReport,
    AcceptAnnualReport accept,
    PublishAnnualReport publish,
    CorrectAnnualReport correct,
    GetAnnualReportFile file,
    AgencyClock clock) : FormPage
{
    public AnnualReportDetail Detail { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public DateOnly Today => clock.Today();

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Section(string key) => Detail.Report.Sections.GetValueOrDefault(key) ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The report as a document: html (opened in the browser as the print view), docx, pdf, json, xlsx, or an imported report's original.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, string format, CancellationToken ct)
    {
        if (ReportDocuments.Parse(format) is not { } f)
        {
            return NotFound();
        }

        try
        {
            var doc = await file.ExecuteAsync(id, f, ct);
            Response.Headers.XContentTypeOptions = "nosniff";
            Response.Headers.CacheControl = "no-store";
            if (f == ReportFileFormat.Html)
            {
                // Shown in the browser for printing: the page is self-contained and may run nothing.
                Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.LetterPolicy;
                return File(doc.Content, doc.ContentType);
            }

            return File(doc.Content, doc.ContentType, doc.FileName);
        }
        catch (DomainException ex) when (ChromiumPdfRenderer.IsPdfFailure(ex.Code))
        {
            Message = ex.Message;
            return Redirect($"/Admin/Reports/{id}#documents");
        }
    }

    /// <summary>The findings for the text as typed (not saved): the editor's live check.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int id, CancellationToken ct)
    {
        try
        {
            var findings = await check.ExecuteAsync(id, PostedText(), ct);
            return new JsonResult(new { findings = findings.Select(f => new { rule = f.Rule, severity = ReportText.Severity(f.Severity), error = f.IsError, location = f.Location.ToString(), message = f.Message }) });
        }
        catch (ValidationFailedException ex)
        {
            return new JsonResult(new { errors = ex.Errors }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        catch (DomainException ex)
        {
            return new JsonResult(new { error = ex.Message }) { StatusCode = ex.Code == StaffContext.NotFoundCode ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, int expectedVersion, CancellationToken ct)
    {
        FailedForm = "Editor";
        try
        {
            await save.ExecuteAsync(id, PostedText(), expectedVersion, ct);
            Message = "已保存。表格已按最新记录重新计算。";
            return Redirect($"/Admin/Reports/{id}");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能保存：", ct);
        }
    }

    /// <summary>保存并报送: saves the text as typed, then submits.</summary>
    public async Task<IActionResult> OnPostSubmitAsync(int id, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Editor";
        try
        {
            var version = await save.ExecuteAsync(id, PostedText(), expectedVersion, ct);
            await submit.ExecuteAsync(id, version, RequestKeyOf(requestKey), ct);
            Message = "已报送，等待政务公开办审核。";
            return Redirect($"/Admin/Reports/{id}");
        }
        catch (DomainException ex)
        {
            // A second click of the same form: the first already saved and submitted.
            if (ex.Code is CaseHistory.ConcurrentChangeCode or ReportRules.StateCode && await AlreadySubmittedAsync(id, requestKey, ct))
            {
                Message = "已报送，重复提交未再次报送。";
                return Redirect($"/Admin/Reports/{id}");
            }

            return await FailedAsync(id, ex, "未能报送：", ct);
        }
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int expectedVersion, string? requestKey, string? comment, CancellationToken ct)
    {
        FailedForm = "Return";
        return await StepAsync(id, () => returnReport.ExecuteAsync(id, comment, expectedVersion, RequestKeyOf(requestKey), ct), "已退回，单位修改后可重新报送。", "未能退回：", ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int expectedVersion, string? requestKey, string? comment, CancellationToken ct)
    {
        FailedForm = "Accept";
        return await StepAsync(id, () => accept.ExecuteAsync(id, comment, expectedVersion, RequestKeyOf(requestKey), ct), "已审核通过，可以发布。", "未能审核通过：", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Publish";
        var errors = new Dictionary<string, string>();
        var on = FormDates.Parse(Request.Form["PublishedOn"], "PublishedOn", "发布日期", errors, required: false);
        if (errors.Count > 0)
        {
            Invalid(errors, "未能发布：请修改标出的内容。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        return await StepAsync(id, () => publish.ExecuteAsync(id, expectedVersion, on, RequestKeyOf(requestKey), ct), "已发布到门户网站。发布后的报告不能再修改，如需更正请发起更正。", "未能发布：", ct);
    }

    public async Task<IActionResult> OnPostCorrectAsync(int id, string? requestKey, string? reason, CancellationToken ct)
    {
        FailedForm = "Correct";
        try
        {
            var next = await correct.ExecuteAsync(id, reason, RequestKeyOf(requestKey), ct);
            Message = "已发起更正：这是新的一版，修改后重新报送、审核、发布；发布前门户网站仍显示原报告。";
            return Redirect($"/Admin/Reports/{next}");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能发起更正：", ct);
        }
    }

    private UseCases.Reports.ReportText PostedText() => new(
        Request.Form["Introduction"].ToString(),
        Request.Form["General"].ToString(),
        Request.Form["Problems"].ToString(),
        Request.Form["Other"].ToString());

    private async Task<bool> AlreadySubmittedAsync(int id, string? requestKey, CancellationToken ct) =>
        RequestKeyOf(requestKey) is { } key && await LoadAsync(id, ct) && Detail.RequestKeys.Contains(key);

    private async Task<IActionResult> StepAsync(int id, Func<Task<int>> step, string done, string prefix, CancellationToken ct)
    {
        try
        {
            await step();
            Message = done;
            return Redirect($"/Admin/Reports/{id}");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, prefix, ct);
        }
    }

    private Task<IActionResult> FailedAsync(int id, DomainException ex, string prefix, CancellationToken ct) =>
        RefusedAsync(ex, prefix, () => LoadAsync(id, ct), ReportRules.StateCode);

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Detail = await get.ExecuteAsync(id, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
