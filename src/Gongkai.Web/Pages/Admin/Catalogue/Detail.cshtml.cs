using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 信息详情: an item's metadata, text, attachments and links, its deadline, the step this user may take now (提交审核;
/// 初审、复审、终审、第 n 轮校对 通过 or 退回; 发布 now or at a set time; 修订; 撤回), its full history and published
/// versions. Each step form carries the item's version and a request key; a refused submission shows the blocking
/// findings by field.
/// </summary>
[Authorize(Policy = Policies.CatalogueUser)]
public sealed class DetailModel(
    GetCatalogueItem get,
    SubmitCatalogueItem submit,
    ReviewCatalogueItem review,
    PublishCatalogueItem publish,
    ReviseCatalogueItem revise,
    WithdrawCatalogueItem withdraw,
    OpenCatalogueAttachment open,
    AgencyClock clock) : FormPage
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public CatalogueItemDetail Detail { get; private set; } = null!;

    /// <summary>The blocking findings of a refused submission.</summary>
    public ItemCheckResult? Blocked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string RequestKey { get; } = Applications.NewModel.NewRequestKey();

    public DateTimeOffset Now => clock.UtcNow;

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>What the automatic checks said when the working revision was last submitted (warnings go to the reviewers).</summary>
    public CatalogueItemEventRecord? SubmittedCheck => Detail.History.LastOrDefault(e => e.Kind == "submitted" && e.Revision == Detail.Item.Revision);

    /// <summary>The step this stage's review is (初审, 复审, 终审, 第 n 轮校对).</summary>
    public string StepName => Detail.Item.Stage == ItemStage.Proofreading ? $"第 {Detail.Item.ProofreadingRound} 轮校对（共 {Detail.Item.ProofreadingRounds} 轮）" : ReviewWorkflow.StepName(Detail.Item.Stage);

    public static (string Step, string Result) Step(CatalogueItemEventRecord e) => e.Kind switch
    {
        "approved" or "returned" => (CatalogueRules.StepName(e), CatalogueRules.EventName(e.Kind)),
        _ => (CatalogueRules.EventName(e.Kind), "—"),
    };

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Downloads an attachment (of any revision) for staff who can see the item.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id, int attachmentId, CancellationToken ct)
    {
        var file = await open.ExecuteAsync(id, attachmentId, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, AttachmentRules.CleanName(file.FileName));
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Submit";
        try
        {
            var result = await submit.ExecuteAsync(id, expectedVersion, RequestKeyOf(requestKey), ct);
            Message = result.Warnings.Count == 0 ? "已提交审核，等待初审。自动检查未发现问题。" : $"已提交审核，等待初审。自动检查有 {result.Warnings.Count} 处提示，已随信息交审核人参考。";
            return Redirect(Self(id));
        }
        catch (ContentBlockedException ex)
        {
            Blocked = ex.Result;
            FormError = "未能提交审核：" + ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能提交审核：", ct);
        }
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, int expectedVersion, ItemStage atStage, string? decision, string? comment, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Review";
        if (decision is not ("approve" or "return"))
        {
            Invalid(new Dictionary<string, string> { ["decision"] = "请选择通过或退回。" }, "未能保存：请选择通过或退回。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        var approve = decision == "approve";
        try
        {
            await review.ExecuteAsync(id, expectedVersion, atStage, approve, comment, RequestKeyOf(requestKey), ct);
            var step = atStage == ItemStage.Proofreading ? "本轮校对" : ReviewWorkflow.StepName(atStage);
            Message = approve ? $"{step}已通过。" : $"{step}已退回修改。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能保存：", ct);
        }
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int expectedVersion, string? when, string? at, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Publish";
        DateTimeOffset? time = null;
        if (when == "at")
        {
            if (!DateTime.TryParseExact(at, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                Invalid(new Dictionary<string, string> { ["At"] = "请填写定时发布的日期和时间，如 2026-03-02 09:00。" }, "未能发布：请修改标出的内容。");
                return await LoadAsync(id, ct) ? Page() : NotFound();
            }

            time = new DateTimeOffset(local, Beijing).ToUniversalTime();
        }

        try
        {
            await publish.ExecuteAsync(id, expectedVersion, time, RequestKeyOf(requestKey), ct);
            await PortalCache.EvictAsync(HttpContext, ct);
            Message = time is { } t && t > clock.UtcNow.AddMinutes(1) ? $"已定于 {Local(t)} 发布。" : "已发布。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能发布：", ct);
        }
    }

    public async Task<IActionResult> OnPostReviseAsync(int id, int expectedVersion, string? comment, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Revise";
        try
        {
            await revise.ExecuteAsync(id, expectedVersion, comment, RequestKeyOf(requestKey), ct);
            Message = "已开始修订。修改后提交审核；新版本发布前，网站上仍显示已发布的版本。";
            return Redirect($"/Admin/Catalogue/{id}/Edit");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能开始修订：", ct);
        }
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int expectedVersion, string? comment, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Withdraw";
        try
        {
            await withdraw.ExecuteAsync(id, expectedVersion, comment, RequestKeyOf(requestKey), ct);
            await PortalCache.EvictAsync(HttpContext, ct);
            Message = "已撤回。原网址显示撤回原因。";
            return Redirect(Self(id));
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能撤回：", ct);
        }
    }

    private static string Self(int id) => $"/Admin/Catalogue/{id}";

    private Task<IActionResult> FailedAsync(int id, DomainException ex, string prefix, CancellationToken ct) =>
        RefusedAsync(ex, prefix, () => LoadAsync(id, ct), CatalogueRules.StageCode);

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
