using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>
/// 申请详情: one application with its deadline, consultations, files and history, and a small form for each step
/// this user may take now. Each form carries the case version it was shown with (a concurrent change is refused and
/// explained) and a request key (a double submit applies the step once).
/// </summary>
[Authorize(Policy = Policies.CaseHandler)]
public sealed class DetailModel(
    GetApplication get,
    GetApplicationAttachment attachment,
    RevealApplicantContact reveal,
    PerformCaseStep perform,
    CorrectClosedApplication correct,
    StaffContext staff,
    GongkaiDbContext db,
    AgencyClock clock,
    UseCases.Letters.ListApplicationLetters letters,
    UseCases.Letters.GetLetterFile letterFile,
    UseCases.Publishing.ProposeApplicationForDisclosure propose) : FormPage
{
    /// <summary>The catalogue item this application was proposed as (依申请公开转主动公开), if any.</summary>
    public int? ProposedItemId { get; private set; }

    /// <summary>An answered application whose information was disclosed may be proposed for proactive disclosure by an author of catalogue items.</summary>
    public bool CanPropose => ProposedItemId is null && Detail.Record.Served is not null
        && Detail.Record.Decision is DecisionType.Disclosed or DecisionType.PartiallyDisclosed
        && UseCases.Publishing.CatalogueRules.AuthorRoles.Any(staff.IsInRole);

    /// <summary>Every letter issued on the case (superseded ones marked).</summary>
    public IReadOnlyList<UseCases.Letters.IssuedLetter> Letters { get; private set; } = [];

    /// <summary>The kinds the case can have issued now.</summary>
    public IReadOnlyList<UseCases.Letters.AvailableLetter> AvailableLetters { get; private set; } = [];

    /// <summary>Whether this user may issue letters (承办人, 审核人, 工作机构负责人, 政务公开办).</summary>
    public bool CanIssueLetters => UseCases.Letters.IssueLetter.Roles.Any(staff.IsInRole);

    public ApplicationDetail Detail { get; private set; } = null!;

    /// <summary>The applicant's full ID and phone numbers, after an audited reveal.</summary>
    public ApplicantContact? Contact { get; private set; }

    /// <summary>The receiving agency and the units below it, for 指派承办单位.</summary>
    public IReadOnlyList<AgencyNode> AssignChoices { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public DateOnly Today => clock.Today();

    public bool CanReveal => new[] { Roles.Clerk, Roles.Reviewer, Roles.OfficeHead }.Any(staff.IsInRole);

    public bool CanCorrect => Detail.Record.Decision is not null && (staff.IsInRole(Roles.OfficeHead) || staff.IsInRole(Roles.SystemAdministrator));

    /// <summary>Administrators see the annual-report row each decision is counted in.</summary>
    public bool ShowsReportRows => staff.IsInRole(Roles.SystemAdministrator) || staff.IsInRole(Roles.DisclosureOffice);

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A field's value in the form of <paramref name="form"/>: what was typed when that form was refused, else the default.</summary>

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Downloads an attachment (always as a download, under its cleaned file name).</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(long id, long file, CancellationToken ct)
    {
        var content = await attachment.ExecuteAsync(id, file, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content.Content, content.ContentType, AttachmentRules.CleanName(content.FileName));
    }

    /// <summary>Downloads a letter as DOCX, PDF (printed on first request) or the printable HTML page.</summary>
    public async Task<IActionResult> OnGetLetterAsync(long id, long letter, string? format, CancellationToken ct)
    {
        if (!Enum.TryParse<UseCases.Letters.LetterFormat>(format, ignoreCase: true, out var f) || !Enum.IsDefined(f))
        {
            return BadRequest();
        }

        try
        {
            var file = await letterFile.ExecuteAsync(letter, f, ct);
            Response.Headers.XContentTypeOptions = "nosniff";
            Response.Headers.CacheControl = "no-store";
            if (f == UseCases.Letters.LetterFormat.Html)
            {
                // Shown in the browser for printing: the page is self-contained and may run nothing.
                Response.Headers.ContentSecurityPolicy = SecurityHeadersMiddleware.LetterPolicy;
                return File(file.Content, file.ContentType);
            }

            return File(file.Content, file.ContentType, file.FileName);
        }
        catch (DomainException ex) when (Documents.ChromiumPdfRenderer.IsPdfFailure(ex.Code))
        {
            FormError = ex.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>转为主动公开 (条例第四十四条): a draft catalogue item from this application, with the reason; then that item's page.</summary>
    public async Task<IActionResult> OnPostProposeAsync(long id, string? reason, string? requestKey, CancellationToken ct)
    {
        FailedForm = "Propose";
        try
        {
            var itemId = await propose.ExecuteAsync(id, reason, string.IsNullOrWhiteSpace(requestKey) ? null : requestKey, ct);
            Message = "已转为主动公开信息草稿，请补充内容后提交审核。";
            return Redirect($"/Admin/Catalogue/{itemId}");
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Refuse(ex, "未能转为主动公开：", UseCases.Publishing.CatalogueRules.StageCode);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    /// <summary>Shows the applicant's full ID and phone numbers once; the view is written into the audit history.</summary>
    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken ct)
    {
        try
        {
            Contact = await reveal.ExecuteAsync(id, ct);
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            FormError = ex.Message;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync(long id, string? step, int expectedVersion, string? requestKey, CancellationToken ct)
    {
        if (!Enum.TryParse<CaseAction>(step, out var action) || !Enum.IsDefined(action))
        {
            return BadRequest();
        }

        FailedForm = action.ToString();
        var errors = new Dictionary<string, string>();
        var built = BuildStep(action, errors);
        if (errors.Count > 0 || built is null)
        {
            Invalid(errors, $"未能{CaseLifecycle.Name(action)}：请修改标出的内容。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        try
        {
            var result = await perform.ExecuteAsync(id, expectedVersion, built, string.IsNullOrWhiteSpace(requestKey) ? null : requestKey, ct);
            Message = result.Repeated
                ? $"该操作（{CaseLifecycle.Name(action)}）已办理，重复提交未再次办理。"
                : $"已办理：{CaseLifecycle.Name(action)}。当前状态：{CaseLifecycle.Name(result.State)}。";
            return Redirect($"/Admin/Applications/{id.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, $"未能{CaseLifecycle.Name(action)}：", ct);
        }
    }

    /// <summary>更正办结记录 (工作机构负责人 or 系统管理员, with a reason).</summary>
    public async Task<IActionResult> OnPostCorrectAsync(long id, int expectedVersion, CancellationToken ct)
    {
        FailedForm = "Correct";
        var f = Request.Form;
        var errors = new Dictionary<string, string>();
        var decided = FormDates.Parse(f["Decided"], "Decided", "决定日期", errors, required: true);
        var served = FormDates.Parse(f["Served"], "Served", "送达日期", errors, required: false);
        var change = new ClosedCaseCorrection
        {
            Reason = f["Reason"].ToString(),
            Decision = Enum.TryParse<DecisionType>(f["Decision"], out var d) && Enum.IsDefined(d) ? d : null,
            Decided = decided,
            DecisionSummary = f["DecisionSummary"].ToString(),
            HoldingAgency = f["HoldingAgency"].ToString(),
            Served = served,
            ServiceMethod = Enum.TryParse<ServiceMethod>(f["ServiceMethod"], out var m) && Enum.IsDefined(m) ? m : null,
            ServiceEvidence = f.ContainsKey("ServiceEvidence") ? f["ServiceEvidence"].ToString() : null,
        };
        if (errors.Count > 0)
        {
            Invalid(errors, "未能更正办结记录：请修改标出的内容。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        try
        {
            await correct.ExecuteAsync(id, expectedVersion, change, ct);
            Message = "已更正办结记录，更正内容和理由已记入办理记录。";
            return Redirect($"/Admin/Applications/{id.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (DomainException ex)
        {
            return await FailedAsync(id, ex, "未能更正办结记录：", ct);
        }
    }

    private async Task<IActionResult> FailedAsync(long id, DomainException ex, string prefix, CancellationToken ct)
    {
        if (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }

        Refuse(ex, prefix);

        // The refused step may have left changed entities in this request's context: show the case as stored.
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            Detail = await get.ExecuteAsync(id, ct);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }

        (Letters, AvailableLetters) = await letters.ExecuteAsync(id, ct);
        ProposedItemId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.CatalogueItems.Where(i => i.ApplicationId == id).Select(i => (int?)i.Id), ct);
        if (Detail.AllowedActions.Contains(CaseAction.Assign))
        {
            var tree = await AgencyTree.LoadAsync(db, ct);
            AssignChoices = tree.Ordered.Where(n => tree.IsInSubtree(n.Id, Detail.Record.AgencyId)).ToList();
        }

        return true;
    }

    private CaseStep? BuildStep(CaseAction action, Dictionary<string, string> errors)
    {
        var f = Request.Form;
        string Text(string name) => f[name].ToString();
        DateOnly Date(string name, string label) => FormDates.Parse(f[name], name, label, errors, required: true) ?? default;
        DateOnly? Optional(string name, string label) => FormDates.Parse(f[name], name, label, errors, required: false);
        string? OptionalText(string name) => string.IsNullOrWhiteSpace(f[name]) ? null : f[name].ToString();
        switch (action)
        {
            case CaseAction.ConfirmReceipt:
                return new ConfirmReceiptStep(Date("Confirmed", "双方确认之日"), OptionalText("Note"));
            case CaseAction.RequestCorrection:
                return new RequestCorrectionStep(Date("Sent", "告知日期"), Date("Deadline", "补正期限"), Text("Points"));
            case CaseAction.ReceiveCorrection:
                return new ReceiveCorrectionStep(Date("Received", "收到补正材料日期"), OptionalText("Reply"));
            case CaseAction.LapseCorrection:
                return new LapseCorrectionStep(Date("On", "处理日期"));
            case CaseAction.AcceptForProcessing:
                return new AcceptStep();
            case CaseAction.Assign:
                if (!int.TryParse(f["AgencyId"], out var unit))
                {
                    errors["AgencyId"] = "请选择承办单位。";
                }

                return new AssignStep(unit);
            case CaseAction.StartConsultation:
                var reason = Enum.TryParse<PauseReason>(f["Reason"], out var r) && r is PauseReason.ThirdPartyConsultation or PauseReason.CoMakerConsultation ? r : (PauseReason?)null;
                if (reason is null)
                {
                    errors["Reason"] = "请选择征求意见的对象：第三方或其他机关。";
                }

                return new StartConsultationStep(reason ?? default, Text("Party"), Date("LetterSent", "发函日期"), Optional("LetterReceived", "对方收到函件日期"));
            case CaseAction.EndConsultation:
                var noReply = f["NoReply"] == "true";
                var reply = noReply ? null : Optional("Reply", "对方回复日期");
                if (!noReply && reply is null && !errors.ContainsKey("Reply"))
                {
                    errors["Reply"] = "请填写对方回复日期，或选择“对方逾期未答复”。";
                }

                return new EndConsultationStep(reply, noReply, OptionalText("Opinion"));
            case CaseAction.SendFeeNotice:
                var feeMethod = Enum.TryParse<Core.Fees.FeeMethod>(f["Method"], out var fm) && Enum.IsDefined(fm) ? fm : (Core.Fees.FeeMethod?)null;
                if (feeMethod is null)
                {
                    errors["Method"] = "请选择计收方式：按件计收或按量计收（每件申请只能采用一种）。";
                }

                int? pages = null;
                if (feeMethod == Core.Fees.FeeMethod.PerPage)
                {
                    if (int.TryParse(f["Pages"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
                    {
                        pages = n;
                    }
                    else
                    {
                        errors["Pages"] = "按量计收请填写页数（1 以上的整数）。";
                    }
                }

                return new SendFeeNoticeStep(Date("NoticeReceived", "申请人收到收费通知的日期"), feeMethod ?? default, pages, OptionalText("Note"));
            case CaseAction.RecordPayment:
                return new RecordPaymentStep(Date("Paid", "缴费日期"));
            case CaseAction.LapseFee:
                return new LapseFeeStep(Date("On", "处理日期"));
            case CaseAction.Extend:
                if (!int.TryParse(f["WorkingDays"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 20)
                {
                    errors["WorkingDays"] = "延长的工作日数应为 1 至 20 之间的整数（条例第三十三条：延长期限最长不得超过 20 个工作日）。";
                }

                return new ExtendStep(days, Text("Reason"));
            case CaseAction.SetLongerDeadline:
                return new LongerDeadlineStep(Date("Due", "答复期限"), Text("Reason"));
            case CaseAction.Decide:
                if (!Enum.TryParse<DecisionType>(f["Decision"], out var decision) || !Enum.IsDefined(decision))
                {
                    errors["Decision"] = "请选择答复类型。";
                }

                return new DecideStep(decision, Date("On", "决定日期"), Text("Summary"), OptionalText("HoldingAgency"));
            case CaseAction.Serve:
                if (!Enum.TryParse<ServiceMethod>(f["Method"], out var method) || !Enum.IsDefined(method))
                {
                    errors["Method"] = "请选择送达方式。";
                }

                return new ServeStep(Date("On", "送达日期"), method, OptionalText("Evidence"), OptionalText("TrackingNumber"), OptionalText("EntrustedTo"));
            case CaseAction.Archive:
                return new ArchiveStep();
            case CaseAction.Withdraw:
                return new WithdrawStep(Date("On", "撤回日期"), OptionalText("Note"));
            default:
                return null;
        }
    }
}
