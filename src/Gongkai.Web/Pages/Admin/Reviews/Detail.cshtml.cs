using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reviews;

/// <summary>
/// 复议或诉讼详情: one case with its periods (filing deadline, answer due, overdue marks), documents and history, and
/// the forms to record the 答复 or 答辩 and the outcome. Each form carries the version it was shown with (a concurrent
/// change is refused and explained) and a request key (a double submit is applied once).
/// </summary>
[Authorize(Policy = Policies.ReviewHandler)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class DetailModel(
    GetReviewCase get,
    GetReviewDocument document,
    RecordReviewAnswer answer,
    RecordReviewOutcome outcome,
    AttachReviewDocument attach,
    GongkaiDbContext db,
    AgencyClock clock) : FormPage
{
    public const long MaxRequestBytes = AttachmentRules.MaxBytes + (1024 * 1024);

    public ReviewCaseDetail Detail { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public DateOnly Today => clock.Today();

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Downloads a document (always as a download, under its cleaned file name).</summary>
    public async Task<IActionResult> OnGetDocumentAsync(long id, long file, CancellationToken ct)
    {
        var content = await document.ExecuteAsync(id, file, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content.Content, content.ContentType, AttachmentRules.CleanName(content.FileName));
    }

    public async Task<IActionResult> OnPostAnswerAsync(long id, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Answer";
        var errors = new Dictionary<string, string>();
        var copy = FormDates.Parse(Request.Form["CopyReceived"], "CopyReceived", "收到副本日期", errors, required: true);
        var filed = FormDates.Parse(Request.Form["AnswerFiled"], "AnswerFiled", "答复或答辩日期", errors, required: false);
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors, "未能登记答复：请修改标出的内容。", ct);
        }

        try
        {
            var result = await answer.ExecuteAsync(id, expectedVersion, copy!.Value, filed, RequestKeyOf(requestKey), ct);
            Message = result.Repeated ? "答复情况已登记，重复提交未再次登记。" : "已登记收到副本和答复情况。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能登记答复：", ct);
        }
    }

    public async Task<IActionResult> OnPostOutcomeAsync(long id, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Outcome";
        var errors = new Dictionary<string, string>();
        var detail = Enum.TryParse<ReviewOutcomeDetail>(Request.Form["Detail"], out var d) && Enum.IsDefined(d) ? d : (ReviewOutcomeDetail?)null;
        if (detail is null)
        {
            errors["Detail"] = "请选择结果。";
        }

        var concluded = FormDates.Parse(Request.Form["Concluded"], "Concluded", "决定或裁判日期", errors, required: true);
        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors, "未能登记结果：请修改标出的内容。", ct);
        }

        try
        {
            var notes = Request.Form["Notes"].ToString();
            var result = await outcome.ExecuteAsync(id, expectedVersion, detail!.Value, concluded!.Value, string.IsNullOrWhiteSpace(notes) ? null : notes, RequestKeyOf(requestKey), ct);
            Message = result.Repeated ? "结果已登记，重复提交未再次登记。" : "已登记结果，案件已审结。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能登记结果：", ct);
        }
    }

    public async Task<IActionResult> OnPostDocumentAsync(long id, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Document";
        var errors = new Dictionary<string, string>();
        var kind = Enum.TryParse<ReviewDocumentKind>(Request.Form["Kind"], out var k) && Enum.IsDefined(k) ? k : (ReviewDocumentKind?)null;
        if (kind is null)
        {
            errors["Kind"] = "请选择材料类型。";
        }

        var file = Request.Form.Files.GetFile("File");
        if (file is null || file.Length == 0)
        {
            errors["File"] = "请选择要上传的文件。";
        }
        else if (file.Length > AttachmentRules.MaxBytes)
        {
            errors["File"] = $"文件“{AttachmentRules.CleanName(file.FileName)}”超过 {AttachmentRules.MaxBytesText}。";
        }

        if (errors.Count > 0)
        {
            return await InvalidAsync(id, errors, "未能上传材料：请修改标出的内容。", ct);
        }

        await using var copy = new MemoryStream();
        await file!.CopyToAsync(copy, ct);
        copy.Position = 0;
        try
        {
            var result = await attach.ExecuteAsync(id, kind!.Value, new UploadedFile(file.FileName, file.ContentType, copy), RequestKeyOf(requestKey), ct);
            Message = result.Repeated ? "该材料已上传，重复提交未再次上传。" : $"已上传材料：{AttachmentRules.CleanName(file.FileName)}。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能上传材料：", ct);
        }
    }

    private static string Self(long id) => $"/Admin/Reviews/{id.ToString(CultureInfo.InvariantCulture)}";

    private async Task<IActionResult> InvalidAsync(long id, Dictionary<string, string> errors, string message, CancellationToken ct)
    {
        Invalid(errors, message);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<IActionResult> FailedAsync(long id, DomainException ex, string prefix, CancellationToken ct)
    {
        if (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }

        Refuse(ex, prefix, CaseHistory.ClosedCode);

        // The refused change may have left changed entities in this request's context: show the case as stored.
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
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
