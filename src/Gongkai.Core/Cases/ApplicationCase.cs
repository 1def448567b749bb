using Gongkai.Core.Calendar;
using Gongkai.Core.Common;

namespace Gongkai.Core.Cases;

/// <summary>How an application reached the agency (条例第二十九条; 国办公开办函〔2015〕207号 for the receipt date).</summary>
public enum Channel
{
    /// <summary>当面: received the day it is handed in.</summary>
    InPerson,

    /// <summary>口头代填: typed in by staff on the spot, received that day.</summary>
    Oral,

    /// <summary>挂号信件: received the day the agency signs for it.</summary>
    PostSigned,

    /// <summary>平信: received the day the agency confirms it with the applicant.</summary>
    PostOrdinary,

    /// <summary>网上申请: 双方确认之日.</summary>
    Online,

    /// <summary>传真: 双方确认之日.</summary>
    Fax,

    /// <summary>电子邮件: 双方确认之日 (数据电文, 第三十一条第三项).</summary>
    Email,
}

/// <summary>Everything an <see cref="ApplicationCase"/> knows, for storing and restoring it.</summary>
public sealed record ApplicationCaseSnapshot(
    Channel Channel,
    DateOnly Arrived,
    CaseState State,
    DateOnly? Received,
    DateOnly? CorrectionRequested,
    DateOnly? CorrectionDeadline,
    DateOnly? CorrectionReceived,
    int ExtensionWorkingDays,
    string? ExtensionApprover,
    string? ExtensionReason,
    IReadOnlyList<ClockPause> Pauses,
    DateOnly? FeePaymentDeadline,
    DecisionType? Decision,
    DateOnly? Decided,
    string? HoldingAgency,
    DateOnly? Served,
    CaseType Type = CaseType.InformationDisclosure,
    DateOnly? LongerDue = null,
    string? LongerDueReason = null);

/// <summary>
/// One application for information as the procedure sees it: its state in <see cref="CaseLifecycle"/>, the dates
/// its clocks are computed from, and the one decision that closes it. Each method is one step of the procedure;
/// it checks the step against the transition table and the statute and records the facts. No I/O.
/// </summary>
public sealed class ApplicationCase
{
    private readonly List<ClockPause> _pauses = [];

    private ApplicationCase(ApplicationCaseSnapshot s)
    {
        Channel = s.Channel;
        Arrived = s.Arrived;
        State = s.State;
        Received = s.Received;
        CorrectionRequested = s.CorrectionRequested;
        CorrectionDeadline = s.CorrectionDeadline;
        CorrectionReceived = s.CorrectionReceived;
        ExtensionWorkingDays = s.ExtensionWorkingDays;
        ExtensionApprover = s.ExtensionApprover;
        ExtensionReason = s.ExtensionReason;
        _pauses.AddRange(s.Pauses);
        FeePaymentDeadline = s.FeePaymentDeadline;
        Decision = s.Decision;
        Decided = s.Decided;
        HoldingAgency = s.HoldingAgency;
        Served = s.Served;
        Type = s.Type;
        LongerDue = s.LongerDue;
        LongerDueReason = s.LongerDueReason;
    }

    public ApplicationCase(Channel channel, DateOnly arrived, CaseType type = CaseType.InformationDisclosure)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type));
        }

        Type = type;
        Channel = channel;
        Arrived = arrived;
        State = CaseState.Registered;
        if (ReceivedOnArrival(channel))
        {
            Received = arrived;
            State = CaseLifecycle.Next(State, CaseAction.ConfirmReceipt);
        }
    }

    public CaseType Type { get; }

    public Channel Channel { get; }

    public DateOnly Arrived { get; }

    public CaseState State { get; private set; }

    /// <summary>收到申请之日 (第三十一条), once known.</summary>
    public DateOnly? Received { get; private set; }

    public DateOnly? CorrectionRequested { get; private set; }

    public DateOnly? CorrectionDeadline { get; private set; }

    public DateOnly? CorrectionReceived { get; private set; }

    public int ExtensionWorkingDays { get; private set; }

    public string? ExtensionApprover { get; private set; }

    public string? ExtensionReason { get; private set; }

    public IReadOnlyList<ClockPause> Pauses => _pauses;

    public DateOnly? FeePaymentDeadline { get; private set; }

    public DecisionType? Decision { get; private set; }

    public DateOnly? Decided { get; private set; }

    /// <summary>For 本机关不掌握: the agency that holds the information, when known (第三十六条第五项).</summary>
    public string? HoldingAgency { get; private set; }

    public DateOnly? Served { get; private set; }

    /// <summary>第三十五条: a longer deadline the agency set, with notice to the applicant, for a reasonable but very large request.</summary>
    public DateOnly? LongerDue { get; private set; }

    public string? LongerDueReason { get; private set; }

    /// <summary>Whether the case is closed by its one decision (decided, served or archived).</summary>
    public bool IsClosed => Decision is not null;

    /// <summary>The consultation or fee notice that stops the answer clock now, if any.</summary>
    public ClockPause? RunningPause => OpenPause();

    /// <summary>
    /// Whether <paramref name="action"/> can be taken now: the transition table allows it and the facts do too (a running
    /// pause, a used extension or 补正, a longer deadline already set). The steps refuse the same cases with a reason.
    /// </summary>
    public bool Fits(CaseAction action) => CaseLifecycle.CanDo(State, action) && action switch
    {
        CaseAction.EndConsultation => RunningPause is { Reason: not PauseReason.FeeNotice },
        CaseAction.RecordPayment or CaseAction.LapseFee => RunningPause is { Reason: PauseReason.FeeNotice },
        CaseAction.StartConsultation or CaseAction.SendFeeNotice or CaseAction.Decide => RunningPause is null,
        CaseAction.Extend => ExtensionWorkingDays == 0,
        CaseAction.SetLongerDeadline => LongerDue is null,
        CaseAction.RequestCorrection => CorrectionRequested is null,
        _ => true,
    };

    /// <summary>A case as stored (the facts, never a computed due date), to continue its procedure.</summary>
    public static ApplicationCase Restore(ApplicationCaseSnapshot snapshot) => new(snapshot ?? throw new ArgumentNullException(nameof(snapshot)));

    public ApplicationCaseSnapshot ToSnapshot() => new(
        Channel, Arrived, State, Received, CorrectionRequested, CorrectionDeadline, CorrectionReceived,
        ExtensionWorkingDays, ExtensionApprover, ExtensionReason, [.. _pauses], FeePaymentDeadline, Decision, Decided, HoldingAgency, Served,
        Type, LongerDue, LongerDueReason);

    public static bool ReceivedOnArrival(Channel channel) => channel is Channel.InPerson or Channel.Oral or Channel.PostSigned;

    /// <summary>Where the answer clock starts: receipt, or receipt of the corrected application (第三十条).</summary>
    public DateOnly? ClockStart => CorrectionReceived ?? (State is CaseState.AwaitingCorrection ? null : Received);

    /// <summary>确认收到: for channels received on confirmation; <paramref name="confirmed"/> is 双方确认之日 (or the day contact was made).</summary>
    public void ConfirmReceipt(DateOnly confirmed)
    {
        Step(CaseAction.ConfirmReceipt);
        if (confirmed < Arrived)
        {
            throw Invalid($"确认日期 {confirmed:yyyy-MM-dd} 早于申请到达日期 {Arrived:yyyy-MM-dd}。");
        }

        Received = confirmed;
        State = CaseLifecycle.Next(State, CaseAction.ConfirmReceipt);
    }

    /// <summary>
    /// 补正告知 (第三十条): once, listing every point, within 7 working days of receipt; <paramref name="deadline"/> is the
    /// reasonable correction period the agency gives.
    /// </summary>
    public void RequestCorrection(DateOnly sent, DateOnly deadline, WorkingDayCalendar calendar, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Step(CaseAction.RequestCorrection);
        if (CorrectionRequested is not null)
        {
            throw Invalid("补正只能告知一次，且应一次性告知需要补正的全部内容（条例第三十条）。");
        }

        var due = AnswerClock.CorrectionNoticeDue(calendar, Received!.Value, settings).Date;
        if (sent > due)
        {
            throw Invalid($"补正告知应在收到申请之日起 7 个工作日内（即 {due:yyyy-MM-dd} 前）作出（条例第三十条），已超过期限。");
        }

        if (deadline <= sent)
        {
            throw Invalid("补正期限应晚于告知日期。");
        }

        CorrectionRequested = sent;
        CorrectionDeadline = deadline;
        State = CaseLifecycle.Next(State, CaseAction.RequestCorrection);
    }

    public void ReceiveCorrection(DateOnly received)
    {
        Step(CaseAction.ReceiveCorrection);
        if (received < CorrectionRequested!.Value)
        {
            throw Invalid("补正材料的收到日期不能早于补正告知日期。");
        }

        CorrectionReceived = received;
        State = CaseLifecycle.Next(State, CaseAction.ReceiveCorrection);
    }

    /// <summary>逾期不补正: treated as abandoned (第三十条), counted in row other_no_correction_overdue.</summary>
    public void LapseCorrection(DateOnly on)
    {
        Step(CaseAction.LapseCorrection);
        if (on <= CorrectionDeadline!.Value)
        {
            throw Invalid($"补正期限至 {CorrectionDeadline:yyyy-MM-dd}，期限届满前不能按逾期未补正处理。");
        }

        Close(DecisionType.CorrectionOverdue, on, CaseAction.LapseCorrection);
    }

    public void AcceptForProcessing()
    {
        Step(CaseAction.AcceptForProcessing);
        State = CaseLifecycle.Next(State, CaseAction.AcceptForProcessing);
    }

    /// <summary>指派承办单位: a unit of the tree prepares the answer; the case stays with the receiving agency.</summary>
    public void AssignTo() => Step(CaseAction.Assign);

    /// <summary>征求意见 (第三十二条、第三十四条): the answer clock stops after the day the letter is sent.</summary>
    public void StartConsultation(PauseReason reason, DateOnly letterSent)
    {
        if (reason == PauseReason.FeeNotice)
        {
            throw new ArgumentOutOfRangeException(nameof(reason));
        }

        Step(CaseAction.StartConsultation);
        EnsureNoOpenPause();
        _pauses.Add(new ClockPause(reason, letterSent));
    }

    /// <summary>The reply arrived (<paramref name="reply"/>), or the consulted party's 15 working days ran out (<paramref name="limit"/>).</summary>
    public void EndConsultation(DateOnly? reply, DateOnly? limit = null)
    {
        Step(CaseAction.EndConsultation);
        var open = OpenPause() ?? throw Invalid("没有正在进行的征求意见。");
        if (open.Reason == PauseReason.FeeNotice || (reply is null) == (limit is null))
        {
            throw Invalid("请填写对方回复日期，或对方答复期限届满日期（二者之一）。");
        }

        _pauses[^1] = open with { Until = reply, Limit = limit };
    }

    /// <summary>收费通知: the clock stops from the day after the applicant receives it until payment.</summary>
    public void SendFeeNotice(DateOnly noticeReceived, WorkingDayCalendar calendar, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Step(CaseAction.SendFeeNotice);
        EnsureNoOpenPause();
        FeePaymentDeadline = AnswerClock.FeePaymentDue(calendar, noticeReceived, settings).Date;
        _pauses.Add(new ClockPause(PauseReason.FeeNotice, noticeReceived));
    }

    public void RecordPayment(DateOnly paid)
    {
        Step(CaseAction.RecordPayment);
        var open = OpenPause();
        if (open is not { Reason: PauseReason.FeeNotice })
        {
            throw Invalid("没有待缴纳的信息处理费。");
        }

        if (paid > FeePaymentDeadline!.Value)
        {
            throw Invalid($"缴费期限至 {FeePaymentDeadline:yyyy-MM-dd}，已逾期，应按逾期未缴费处理。");
        }

        _pauses[^1] = open with { Until = paid };
    }

    /// <summary>逾期未缴费: treated as abandoned from the day after the payment deadline (row other_fee_not_paid).</summary>
    public void LapseFee(DateOnly on)
    {
        Step(CaseAction.LapseFee);
        if (OpenPause() is not { Reason: PauseReason.FeeNotice } || on <= FeePaymentDeadline!.Value)
        {
            throw Invalid($"缴费期限至 {FeePaymentDeadline:yyyy-MM-dd}，期限届满前不能按逾期未缴费处理。");
        }

        Close(DecisionType.FeeNotPaid, on, CaseAction.LapseFee);
    }

    /// <summary>延期 (第三十三条): once, at most 20 working days, approved by the head of the 工作机构, with a reason.</summary>
    public void Extend(int workingDays, string approver, string reason, ClockSettings? settings = null)
    {
        Step(CaseAction.Extend);
        settings ??= ClockSettings.Default;
        if (ExtensionWorkingDays > 0)
        {
            throw Invalid("答复期限只能延长一次（条例第三十三条）。");
        }

        if (workingDays < 1 || workingDays > settings.MaxExtensionWorkingDays)
        {
            throw Invalid($"延长期限应为 1 至 {settings.MaxExtensionWorkingDays} 个工作日（条例第三十三条）。");
        }

        if (string.IsNullOrWhiteSpace(approver) || string.IsNullOrWhiteSpace(reason))
        {
            throw Invalid("延长答复期限须经政府信息公开工作机构负责人同意，并写明理由。");
        }

        ExtensionWorkingDays = workingDays;
        ExtensionApprover = approver.Trim();
        ExtensionReason = reason.Trim();
    }

    /// <summary>
    /// 第三十五条: the request is reasonable but so large that it cannot be answered in time; the agency sets a longer
    /// deadline and tells the applicant. It cannot be earlier than the statutory one.
    /// </summary>
    public void SetLongerDeadline(DateOnly due, string reason, WorkingDayCalendar calendar, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Step(CaseAction.SetLongerDeadline);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw Invalid("确定较长答复期限应写明理由，并告知申请人（条例第三十五条）。");
        }

        var statutory = AnswerClock.Compute(calendar, new AnswerClockFacts(ClockStart!.Value, _pauses, ExtensionWorkingDays), settings).Due.Date;
        if (due <= statutory)
        {
            throw Invalid($"较长答复期限应晚于法定答复期限 {statutory:yyyy-MM-dd}；无需延长时请直接答复。");
        }

        LongerDue = due;
        LongerDueReason = reason.Trim();
    }

    /// <summary>答复决定: exactly one typed decision closes the case.</summary>
    public void Decide(DecisionType decision, DateOnly on, string? holdingAgency = null)
    {
        if (decision is DecisionType.CorrectionOverdue or DecisionType.FeeNotPaid)
        {
            throw Invalid("逾期未补正、逾期未缴费由相应的期限届满处理，不能直接选择。");
        }

        Step(CaseAction.Decide);
        if (OpenPause() is { } open)
        {
            throw Invalid(open.Reason == PauseReason.FeeNotice ? "信息处理费尚未缴纳，不能作出答复。" : "征求意见尚未结束，请先登记对方回复或期限届满。");
        }

        var info = DecisionCatalog.Of(decision);
        if (info.AppliesTo != Type && decision != DecisionType.Other)
        {
            throw Invalid($"“{info.Name}”不适用于{DecisionCatalog.Name(Type)}。");
        }

        if (!string.IsNullOrWhiteSpace(holdingAgency) && decision != DecisionType.NotHeld)
        {
            throw Invalid("只有“本机关不掌握”的答复可以告知掌握该信息的机关。");
        }

        HoldingAgency = string.IsNullOrWhiteSpace(holdingAgency) ? null : holdingAgency.Trim();
        Close(decision, on, CaseAction.Decide);
    }

    public void Withdraw(DateOnly on)
    {
        Step(CaseAction.Withdraw);
        Close(DecisionType.Other, on, CaseAction.Withdraw);
    }

    /// <summary>送达: on time when served by the due date (国办公开办函〔2016〕235号; postal service counts on 交邮之日).</summary>
    public void Serve(DateOnly on)
    {
        Step(CaseAction.Serve);
        if (on < Decided!.Value)
        {
            throw Invalid("送达日期不能早于作出决定的日期。");
        }

        Served = on;
        State = CaseLifecycle.Next(State, CaseAction.Serve);
    }

    public void Archive()
    {
        Step(CaseAction.Archive);
        State = CaseLifecycle.Next(State, CaseAction.Archive);
    }

    /// <summary>The answer deadline with its explanation, or null before the clock has started (unconfirmed, awaiting correction).</summary>
    public AnswerDeadline? Deadline(WorkingDayCalendar calendar, ClockSettings? settings = null) =>
        ClockStart is { } start ? AnswerClock.Compute(calendar, new AnswerClockFacts(start, _pauses, ExtensionWorkingDays, LongerDue, LongerDueReason), settings) : null;

    /// <summary>Whether the reply was served by the due date.</summary>
    public bool? ServedOnTime(WorkingDayCalendar calendar, ClockSettings? settings = null) =>
        Served is { } served && Deadline(calendar, settings) is { } d ? served <= d.Due.Date : null;

    private void Close(DecisionType decision, DateOnly on, CaseAction action)
    {
        if (Received is { } received && on < received)
        {
            throw Invalid("决定日期不能早于收到申请的日期。");
        }

        Decision = decision;
        Decided = on;
        State = CaseLifecycle.Next(State, action);
    }

    private ClockPause? OpenPause() => _pauses.Count > 0 && _pauses[^1].End is null ? _pauses[^1] : null;

    private void EnsureNoOpenPause()
    {
        if (OpenPause() is not null)
        {
            throw Invalid("上一项暂停（征求意见或收费）尚未结束。");
        }
    }

    private void Step(CaseAction action) => CaseLifecycle.Next(State, action);

    private static DomainException Invalid(string message) => new(CaseLifecycle.InvalidTransitionCode, message);
}
