using System.Text.Json.Serialization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>One step of the procedure after intake, with the facts it records. Each maps to one <see cref="CaseAction"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(ConfirmReceiptStep), "confirm-receipt")]
[JsonDerivedType(typeof(RequestCorrectionStep), "request-correction")]
[JsonDerivedType(typeof(ReceiveCorrectionStep), "receive-correction")]
[JsonDerivedType(typeof(LapseCorrectionStep), "lapse-correction")]
[JsonDerivedType(typeof(AcceptStep), "accept")]
[JsonDerivedType(typeof(AssignStep), "assign")]
[JsonDerivedType(typeof(StartConsultationStep), "start-consultation")]
[JsonDerivedType(typeof(EndConsultationStep), "end-consultation")]
[JsonDerivedType(typeof(SendFeeNoticeStep), "send-fee-notice")]
[JsonDerivedType(typeof(RecordPaymentStep), "record-payment")]
[JsonDerivedType(typeof(LapseFeeStep), "lapse-fee")]
[JsonDerivedType(typeof(ExtendStep), "extend")]
[JsonDerivedType(typeof(LongerDeadlineStep), "longer-deadline")]
[JsonDerivedType(typeof(DecideStep), "decide")]
[JsonDerivedType(typeof(ServeStep), "serve")]
[JsonDerivedType(typeof(ArchiveStep), "archive")]
[JsonDerivedType(typeof(WithdrawStep), "withdraw")]
public abstract record CaseStep
{
    [JsonIgnore]
    public abstract CaseAction Action { get; }
}

/// <summary>确认收到: 双方确认之日; when the applicant could not be reached at first, the day contact was made (207号).</summary>
public sealed record ConfirmReceiptStep(DateOnly Confirmed, string? Note = null) : CaseStep
{
    public override CaseAction Action => CaseAction.ConfirmReceipt;
}

/// <summary>告知补正 (第三十条): every point at once, with guidance, and the correction period.</summary>
public sealed record RequestCorrectionStep(DateOnly Sent, DateOnly Deadline, string Points) : CaseStep
{
    public override CaseAction Action => CaseAction.RequestCorrection;
}

public sealed record ReceiveCorrectionStep(DateOnly Received, string? Reply = null) : CaseStep
{
    public override CaseAction Action => CaseAction.ReceiveCorrection;
}

public sealed record LapseCorrectionStep(DateOnly On) : CaseStep
{
    public override CaseAction Action => CaseAction.LapseCorrection;
}

public sealed record AcceptStep : CaseStep
{
    public override CaseAction Action => CaseAction.AcceptForProcessing;
}

/// <summary>指派承办单位: a unit of the receiving agency's tree prepares the answer; the receiving agency still answers.</summary>
public sealed record AssignStep(int AgencyId) : CaseStep
{
    public override CaseAction Action => CaseAction.Assign;
}

/// <summary>征求意见 (第三十二条 third party, 第三十四条 other agency): the letter's send date, and its receipt when known.</summary>
public sealed record StartConsultationStep(PauseReason Reason, string Party, DateOnly LetterSent, DateOnly? LetterReceived = null) : CaseStep
{
    public override CaseAction Action => CaseAction.StartConsultation;
}

/// <summary>The reply arrived on <paramref name="Reply"/>; or, with <paramref name="NoReply"/>, the party's 15 working days ran out.</summary>
public sealed record EndConsultationStep(DateOnly? Reply, bool NoReply = false, string? Opinion = null) : CaseStep
{
    public override CaseAction Action => CaseAction.EndConsultation;
}

/// <summary>
/// 收费通知 (条例第四十二条; 国办函〔2020〕109号): one method per application — 按件计收 counts the applicant's applications
/// received in the natural month (same ID number = same applicant), 按量计收 the pages — and the day the applicant
/// received the notice (the payment period and the pause of the answer clock start from it).
/// </summary>
public sealed record SendFeeNoticeStep(DateOnly NoticeReceived, FeeMethod Method, int? Pages = null, string? Note = null) : CaseStep
{
    public override CaseAction Action => CaseAction.SendFeeNotice;
}

public sealed record RecordPaymentStep(DateOnly Paid) : CaseStep
{
    public override CaseAction Action => CaseAction.RecordPayment;
}

public sealed record LapseFeeStep(DateOnly On) : CaseStep
{
    public override CaseAction Action => CaseAction.LapseFee;
}

/// <summary>
/// 延期 (第三十三条): approved by the head of the 工作机构 (the signed-in 工作机构负责人), with a reason; <paramref name="On"/> is
/// the day of approval when it is recorded later than it happened (default today).
/// </summary>
public sealed record ExtendStep(int WorkingDays, string Reason, DateOnly? On = null) : CaseStep
{
    public override CaseAction Action => CaseAction.Extend;
}

/// <summary>第三十五条: a longer deadline for a reasonable but very large request, with notice to the applicant.</summary>
public sealed record LongerDeadlineStep(DateOnly Due, string Reason) : CaseStep
{
    public override CaseAction Action => CaseAction.SetLongerDeadline;
}

/// <summary>答复决定: one typed decision, its date and the reply's gist; for 本机关不掌握, the agency that holds it if known.</summary>
public sealed record DecideStep(DecisionType Decision, DateOnly On, string Summary, string? HoldingAgency = null) : CaseStep
{
    public override CaseAction Action => CaseAction.Decide;
}

/// <summary>送达: the service date (signature day; for post, 交邮之日), method and evidence.</summary>
public sealed record ServeStep(DateOnly On, ServiceMethod Method, string? Evidence = null, string? TrackingNumber = null, string? EntrustedTo = null) : CaseStep
{
    public override CaseAction Action => CaseAction.Serve;
}

/// <summary>归档: <paramref name="On"/> is the day the file was archived when it is recorded later (default today).</summary>
public sealed record ArchiveStep(DateOnly? On = null) : CaseStep
{
    public override CaseAction Action => CaseAction.Archive;
}

public sealed record WithdrawStep(DateOnly On, string? Note = null) : CaseStep
{
    public override CaseAction Action => CaseAction.Withdraw;
}

/// <summary>
/// 办理申请: performs one step of the procedure on a case, through the one transition table. The request carries the
/// version of the case the person was looking at (a concurrent change is refused and explained) and a request key (a
/// repeated submit returns the first result instead of applying the step twice). Each step is recorded in the case
/// history with who, when, what and the due date before and after.
/// </summary>
[AuditAction("办理申请")]
public sealed class PerformCaseStep(GongkaiDbContext db, StaffContext staff, AuditContext audit, CaseHistory history, AgencyClock clock)
{
    public const int MaxTextLength = 4000;

    /// <summary>Who may take each step (默认角色: 承办人; 审核人 or 工作机构负责人 decide; the head approves extensions and fees).</summary>
    public static IReadOnlyList<string> RolesFor(CaseAction action) => action switch
    {
        CaseAction.Decide or CaseAction.LapseCorrection or CaseAction.LapseFee => [Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice],
        CaseAction.Extend or CaseAction.SetLongerDeadline or CaseAction.SendFeeNotice => [Roles.OfficeHead, Roles.DisclosureOffice],
        _ => [Roles.Clerk, Roles.Reviewer, Roles.OfficeHead, Roles.DisclosureOffice],
    };

    public async Task<CaseStepResult> ExecuteAsync(long applicationId, int expectedVersion, CaseStep step, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        staff.EnsureRole([.. RolesFor(step.Action)]);
        using var _ = audit.Begin(this, CaseLifecycle.Name(step.Action));
        var loaded = await history.LoadAsync(applicationId, staff, ct);
        if (await history.FindRepeatAsync(applicationId, requestKey, ct) is { } repeat)
        {
            return repeat;
        }

        CaseHistory.EnsureVersion(loaded.Record, expectedVersion);
        var (onDate, summary, visible) = await ApplyAsync(loaded, step, ct);
        var due = loaded.Deadline;
        if (due is not null && loaded.Record.DueDate != due.Due.Date && step.Action is not (CaseAction.Decide or CaseAction.Serve or CaseAction.Archive or CaseAction.Withdraw or CaseAction.LapseCorrection or CaseAction.LapseFee))
        {
            summary += $"答复截止日：{due.Due.Date:yyyy-MM-dd}{(due.IsPaused ? "（暂停中）" : string.Empty)}。";
        }

        return await history.CommitAsync(loaded, step.Action.ToString(), staff.DisplayName, onDate, summary, visible, requestKey, ct);
    }

    private async Task<(DateOnly? On, string Summary, bool Visible)> ApplyAsync(LoadedCase loaded, CaseStep step, CancellationToken ct)
    {
        var c = loaded.Case;
        var r = loaded.Record;
        var cal = loaded.Calendar;
        var today = clock.Today();
        switch (step)
        {
            case ConfirmReceiptStep s:
                NotAfterToday(s.Confirmed, today, "确认日期");
                c.ConfirmReceipt(s.Confirmed);
                r.ReceiptNote = Text(s.Note, "确认说明", 500, required: false);
                return (s.Confirmed, $"确认收到申请，收到申请之日为 {s.Confirmed:yyyy-MM-dd}。{Sentence(r.ReceiptNote)}", true);
            case RequestCorrectionStep s:
                NotAfterToday(s.Sent, today, "告知日期");
                var points = Text(s.Points, "需要补正的事项", MaxTextLength, required: true)!;
                c.RequestCorrection(s.Sent, s.Deadline, cal);
                r.CorrectionPoints = points;
                return (s.Sent, $"发出补正告知书，请申请人于 {s.Deadline:yyyy-MM-dd} 前补正。答复期限自收到补正材料之日起重新计算（条例第三十条）。", true);
            case ReceiveCorrectionStep s:
                NotAfterToday(s.Received, today, "收到补正材料日期");
                c.ReceiveCorrection(s.Received);
                r.CorrectionReply = Text(s.Reply, "补正内容", MaxTextLength, required: false) ?? r.CorrectionReply;
                return (s.Received, $"收到补正材料（{s.Received:yyyy-MM-dd}），答复期限自该日起重新计算。", true);
            case LapseCorrectionStep s:
                NotAfterToday(s.On, today, "处理日期");
                c.LapseCorrection(s.On);
                return (s.On, $"申请人未在补正期限（{r.CorrectionDeadline:yyyy-MM-dd}）内补正，视为放弃申请，不再处理（条例第三十条）。", true);
            case AcceptStep:
                c.AcceptForProcessing();
                return (null, "申请内容明确，转入办理。", true);
            case AssignStep s:
                c.AssignTo();
                var tree = await AgencyTree.LoadAsync(db, ct);
                if (tree.Find(s.AgencyId) is not { } unit || !tree.IsInSubtree(s.AgencyId, r.AgencyId))
                {
                    throw new DomainException(ValidationFailedException.ErrorCode, "承办单位应为受理机关本身或其下属单位。");
                }

                r.AssignedAgencyId = s.AgencyId == r.AgencyId ? null : s.AgencyId;
                return (null, $"指派{unit.Name}承办，答复仍以受理机关名义作出。", false);
            case StartConsultationStep s:
                NotAfterToday(s.LetterSent, today, "发函日期");
                var party = Text(s.Party, "被征求意见方", 200, required: true)!;
                if (s.LetterReceived is { } got && got < s.LetterSent)
                {
                    throw Invalid("对方收到征求意见函的日期不能早于发函日期。");
                }

                c.StartConsultation(s.Reason, s.LetterSent);
                var pauseRecord = r.Pauses.Count;
                r.Apply(c.ToSnapshot());
                var added = r.Pauses.Single(p => p.Sequence == pauseRecord + 1);
                added.Party = party;
                added.LetterReceived = s.LetterReceived;
                var basis = s.Reason == PauseReason.ThirdPartyConsultation ? "条例第三十二条" : "条例第三十四条";
                return (s.LetterSent, $"向{party}发出征求意见函（{basis}），所需时间不计入答复期限（条例第三十三条第三款）。", true);
            case EndConsultationStep s:
                var open = r.Pauses.OrderBy(p => p.Sequence).LastOrDefault(p => p.Until is null && p.Limit is null && p.Reason != PauseReason.FeeNotice)
                    ?? throw Invalid("没有正在进行的征求意见。");
                if (s.NoReply)
                {
                    var limit = AnswerClock.ConsultationReplyDue(cal, open.LetterReceived ?? open.From).Date;
                    if (today <= limit)
                    {
                        throw Invalid($"对方答复期限至 {limit:yyyy-MM-dd}，期限届满前不能按“逾期未答复”结束征求意见。");
                    }

                    c.EndConsultation(null, limit);
                    var silence = open.Reason == PauseReason.CoMakerConsultation ? "视为同意公开（条例第三十四条）" : "由本机关依照条例规定决定（条例第三十二条）";
                    return (limit, $"{open.Party}在 15 个工作日内（至 {limit:yyyy-MM-dd}）未答复，{silence}。", true);
                }

                if (s.Reply is not { } reply)
                {
                    throw Invalid("请填写对方回复日期，或选择“对方逾期未答复”。");
                }

                NotAfterToday(reply, today, "回复日期");
                if (reply < open.From)
                {
                    throw Invalid("对方回复日期不能早于发函日期。");
                }

                c.EndConsultation(reply);
                var opinion = Text(s.Opinion, "对方意见", 1000, required: false);
                return (reply, $"收到{open.Party}的意见（{reply:yyyy-MM-dd}）。{Sentence(opinion)}", true);
            case SendFeeNoticeStep s:
                NotAfterToday(s.NoticeReceived, today, "申请人收到收费通知的日期");
                if (r.FeeMethod is not null)
                {
                    throw Invalid("每件申请只能采用一种计收方式，并只发出一次收费通知（国办函〔2020〕109号）。");
                }

                var (yuan, basisText) = await FeeAsync(r, s, ct);
                c.SendFeeNotice(s.NoticeReceived, cal);
                r.FeeMethod = s.Method;
                r.FeeYuan = yuan;
                return (s.NoticeReceived, $"{basisText}，应缴信息处理费 {yuan} 元。申请人于 {s.NoticeReceived:yyyy-MM-dd} 收到收费通知，应于 {c.FeePaymentDeadline:yyyy-MM-dd} 前缴纳；缴费前答复期限暂停计算。{Sentence(Text(s.Note, "说明", 500, required: false))}", true);
            case RecordPaymentStep s:
                NotAfterToday(s.Paid, today, "缴费日期");
                c.RecordPayment(s.Paid);
                r.FeePaid = s.Paid;
                return (s.Paid, $"申请人已于 {s.Paid:yyyy-MM-dd} 缴纳信息处理费，答复期限恢复计算。", true);
            case LapseFeeStep s:
                NotAfterToday(s.On, today, "处理日期");
                c.LapseFee(s.On);
                return (s.On, $"申请人未在缴费期限（{r.FeePaymentDeadline:yyyy-MM-dd}）内缴费，视为放弃申请，不再处理。", true);
            case ExtendStep s:
                var approved = NotBeforeReceipt(s.On ?? today, today, r, "延期批准日期");
                var reason = Text(s.Reason, "延期理由", 1000, required: true)!;
                c.Extend(s.WorkingDays, staff.DisplayName, reason);
                var approverRole = staff.IsInRole(Roles.OfficeHead) || staff.IsUnrestricted ? "工作机构负责人" : Roles.ChineseName(Roles.DisclosureOffice);
                return (approved, $"经{approverRole}{staff.DisplayName}同意，答复期限延长 {s.WorkingDays} 个工作日（条例第三十三条），理由：{reason}", true);
            case LongerDeadlineStep s:
                var why = Text(s.Reason, "理由", 1000, required: true)!;
                c.SetLongerDeadline(s.Due, why, cal);
                return (today, $"申请数量、频次明显超过合理范围，依照条例第三十五条确定答复期限至 {s.Due:yyyy-MM-dd} 并告知申请人，理由：{why}", true);
            case DecideStep s:
                NotAfterToday(s.On, today, "决定日期");
                var gist = Text(s.Summary, "答复内容", MaxTextLength, required: true)!;
                var holder = Text(s.HoldingAgency, "掌握该信息的机关", 200, required: false);
                c.Decide(s.Decision, s.On, holder);
                r.DecisionSummary = gist;
                var info = DecisionCatalog.Of(s.Decision);
                return (s.On, $"作出答复：{info.Name}（{info.LegalBasis}）。{(holder is null ? string.Empty : $"该信息由{holder}掌握。")}", true);
            case ServeStep s:
                NotAfterToday(s.On, today, "送达日期");
                if (!Enum.IsDefined(s.Method))
                {
                    throw Invalid("请选择送达方式。");
                }

                var (tracking, entrusted) = ServiceDetails(s);
                c.Serve(s.On);
                r.ServiceMethod = s.Method;
                r.ServiceEvidence = Text(s.Evidence, "送达凭证", 500, required: false);
                r.ServiceTrackingNumber = tracking;
                r.ServiceEntrustedTo = entrusted;
                var onTime = c.ServedOnTime(cal);
                var how = s.Method switch
                {
                    ServiceMethod.Postal => $"，邮件号码 {tracking}",
                    ServiceMethod.Entrusted => $"，委托{entrusted}代为送达",
                    _ => string.Empty,
                };
                return (s.On, $"{ServiceNames.Of(s.Method)}{how}，{(s.Method == ServiceMethod.Postal ? "交邮" : "送达")}日期 {s.On:yyyy-MM-dd}{(onTime == false ? "，已超过答复期限" : string.Empty)}。{Sentence(r.ServiceEvidence)}", true);
            case ArchiveStep s:
                var archived = s.On ?? today;
                NotAfterToday(archived, today, "归档日期");
                if (archived < r.Served)
                {
                    throw Invalid("归档日期不能早于送达日期。");
                }

                c.Archive();
                return (archived, "归档。归档后只能经审核更正。", false);
            case WithdrawStep s:
                NotAfterToday(s.On, today, "撤回日期");
                c.Withdraw(s.On);
                r.DecisionSummary = Text(s.Note, "说明", 1000, required: false) ?? "申请人撤回申请。";
                return (s.On, $"申请人撤回申请（{s.On:yyyy-MM-dd}），终止办理。", true);
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    /// <summary>The fee of this application by its method; a notice for no fee is refused (nothing to charge).</summary>
    private async Task<(long Yuan, string Basis)> FeeAsync(ApplicationRecord r, SendFeeNoticeStep s, CancellationToken ct)
    {
        switch (s.Method)
        {
            case FeeMethod.PerItem:
                var received = r.Received ?? r.Arrived;
                var monthStart = new DateOnly(received.Year, received.Month, 1);
                var monthEnd = monthStart.AddMonths(1);
                var nth = await db.Applications.AsNoTracking().CountAsync(
                    a => a.IdNumberIndex == r.IdNumberIndex && a.Type == CaseType.InformationDisclosure && a.Received != null && a.Received >= monthStart && a.Received < monthEnd
                         && (a.Received < received || (a.Received == received && a.Id <= r.Id)),
                    ct);
                var perItem = InformationFee.PerItem(Math.Max(nth, 1));
                if (perItem == 0)
                {
                    throw Invalid($"按件计收：该申请是申请人 {received:yyyy年M月} 的第 {nth} 件申请，未超过每月 {FeeSchedule.National.FreeApplicationsPerMonth} 件，不收费。");
                }

                r.FeeNthInMonth = nth;
                r.FeePages = null;
                return (perItem, $"按件计收：申请人（以证件号码识别）{received:yyyy年M月} 第 {nth} 件申请");
            case FeeMethod.PerPage:
                if (s.Pages is not { } pages || pages < 1 || pages > 1_000_000)
                {
                    throw new DomainException(ValidationFailedException.ErrorCode, "按量计收请填写页数（1 以上的整数）。");
                }

                var perPage = InformationFee.PerPage(pages);
                if (perPage == 0)
                {
                    throw Invalid($"按量计收：{pages} 页未超过 {FeeSchedule.National.PageBands[0].UpToPages} 页，不收费。");
                }

                r.FeePages = pages;
                r.FeeNthInMonth = null;
                return (perPage, $"按量计收：{pages} 页（超额累进）");
            default:
                throw new DomainException(ValidationFailedException.ErrorCode, "请选择计收方式。");
        }
    }

    /// <summary>邮寄 needs China Post's 邮件号码 (the 交邮 date counts, 国办公开办函〔2016〕235号); 委托送达 names the agency.</summary>
    private static (string? Tracking, string? EntrustedTo) ServiceDetails(ServeStep s)
    {
        switch (s.Method)
        {
            case ServiceMethod.Postal:
                if (string.IsNullOrWhiteSpace(s.TrackingNumber))
                {
                    throw new DomainException(ValidationFailedException.ErrorCode, "邮政送达请填写中国邮政的邮件号码（交邮之日为送达日期，须通过邮政企业寄送，不得由申请人到付）。");
                }

                return (PostalTrackingNumber.Normalise(s.TrackingNumber)
                    ?? throw new DomainException(ValidationFailedException.ErrorCode, $"邮件号码“{s.TrackingNumber.Trim()}”格式不正确：应为 11–13 位数字（国内 EMS、挂号信），或如 XA123456785CN 的 13 位国际格式（校验位须正确）。"), null);
            case ServiceMethod.Entrusted:
                return (null, Text(s.EntrustedTo, "受委托送达的行政机关", 200, required: true));
            default:
                return (null, null);
        }
    }

    private static DateOnly NotBeforeReceipt(DateOnly date, DateOnly today, ApplicationRecord r, string label)
    {
        NotAfterToday(date, today, label);
        if (date < (r.Received ?? r.Arrived))
        {
            throw new DomainException(ValidationFailedException.ErrorCode, $"{label}不能早于收到申请的日期。");
        }

        return date;
    }

    private static void NotAfterToday(DateOnly date, DateOnly today, string label)
    {
        if (date > today)
        {
            throw new DomainException(ValidationFailedException.ErrorCode, $"{label}不能晚于今天（{today:yyyy-MM-dd}）。");
        }
    }

    private static string? Text(string? value, string label, int max, bool required)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return required ? throw new DomainException(ValidationFailedException.ErrorCode, $"请填写{label}。") : null;
        }

        return t.Length > max ? throw new DomainException(ValidationFailedException.ErrorCode, $"{label}不能超过 {max} 个字。") : t;
    }

    private static string Sentence(string? s) => string.IsNullOrEmpty(s) ? string.Empty : s.EndsWith('。') ? s : s + "。";

    private static DomainException Invalid(string message) => new(CaseLifecycle.InvalidTransitionCode, message);
}

/// <summary>The Chinese names of service methods.</summary>
public static class ServiceNames
{
    public static string Of(ServiceMethod method) => method switch
    {
        ServiceMethod.Direct => "直接送达",
        ServiceMethod.Entrusted => "委托其他行政机关代为送达",
        ServiceMethod.Postal => "邮政送达（中国邮政）",
        ServiceMethod.Electronic => "电子送达",
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
