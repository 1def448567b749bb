using System.Collections.Frozen;
using Gongkai.Core.Common;

namespace Gongkai.Core.Cases;

/// <summary>Where an application stands (条例第四十五条: 登记、审核、办理、答复、归档).</summary>
public enum CaseState
{
    /// <summary>已登记，待确认收到 (online, e-mail, fax, ordinary letter: 双方确认之日 is the receipt date)</summary>
    Registered,

    /// <summary>审查中: received; checking whether the application is clear and complete</summary>
    UnderReview,

    /// <summary>待补正: a 补正告知书 was sent (条例第三十条)</summary>
    AwaitingCorrection,

    /// <summary>办理中: the answer clock runs (with its pauses)</summary>
    Processing,

    /// <summary>已作出决定，待送达</summary>
    Decided,

    /// <summary>已送达</summary>
    Served,

    /// <summary>已归档: read-only except an audited correction</summary>
    Archived,
}

/// <summary>A step of the procedure.</summary>
public enum CaseAction
{
    ConfirmReceipt,
    RequestCorrection,
    ReceiveCorrection,
    LapseCorrection,
    AcceptForProcessing,
    Assign,
    StartConsultation,
    EndConsultation,
    SendFeeNotice,
    RecordPayment,
    LapseFee,
    Extend,
    SetLongerDeadline,
    Decide,
    Serve,
    Archive,
    Withdraw,
}

/// <summary>
/// The one transition table of an application's lifecycle. Every step goes through <see cref="Next"/>; a step the
/// table does not allow is a domain error with a stable code and a Chinese sentence, never a silent no-op.
/// </summary>
public static class CaseLifecycle
{
    public const string InvalidTransitionCode = "case.invalid_transition";

    private static readonly FrozenDictionary<(CaseState, CaseAction), CaseState> Table = new Dictionary<(CaseState, CaseAction), CaseState>
    {
        [(CaseState.Registered, CaseAction.ConfirmReceipt)] = CaseState.UnderReview,
        [(CaseState.Registered, CaseAction.Withdraw)] = CaseState.Decided,

        [(CaseState.UnderReview, CaseAction.RequestCorrection)] = CaseState.AwaitingCorrection, // 第三十条
        [(CaseState.UnderReview, CaseAction.AcceptForProcessing)] = CaseState.Processing,
        [(CaseState.UnderReview, CaseAction.Decide)] = CaseState.Decided, // e.g. answered on the spot (第三十三条), 信访 (第三十九条)
        [(CaseState.UnderReview, CaseAction.Withdraw)] = CaseState.Decided,

        [(CaseState.AwaitingCorrection, CaseAction.ReceiveCorrection)] = CaseState.Processing, // the clock restarts
        [(CaseState.AwaitingCorrection, CaseAction.LapseCorrection)] = CaseState.Decided, // 视为放弃申请
        [(CaseState.AwaitingCorrection, CaseAction.Withdraw)] = CaseState.Decided,

        [(CaseState.Processing, CaseAction.Assign)] = CaseState.Processing,
        [(CaseState.Processing, CaseAction.StartConsultation)] = CaseState.Processing, // 第三十二条、第三十四条
        [(CaseState.Processing, CaseAction.EndConsultation)] = CaseState.Processing,
        [(CaseState.Processing, CaseAction.SendFeeNotice)] = CaseState.Processing, // 第四十二条
        [(CaseState.Processing, CaseAction.RecordPayment)] = CaseState.Processing,
        [(CaseState.Processing, CaseAction.LapseFee)] = CaseState.Decided,
        [(CaseState.Processing, CaseAction.Extend)] = CaseState.Processing, // 第三十三条
        [(CaseState.Processing, CaseAction.SetLongerDeadline)] = CaseState.Processing, // 第三十五条
        [(CaseState.Processing, CaseAction.Decide)] = CaseState.Decided,
        [(CaseState.Processing, CaseAction.Withdraw)] = CaseState.Decided,

        [(CaseState.Decided, CaseAction.Serve)] = CaseState.Served,
        [(CaseState.Served, CaseAction.Archive)] = CaseState.Archived,
    }.ToFrozenDictionary();

    public static bool CanDo(CaseState state, CaseAction action) => Table.ContainsKey((state, action));

    public static IEnumerable<CaseAction> Allowed(CaseState state) => Enum.GetValues<CaseAction>().Where(a => CanDo(state, a));

    public static CaseState Next(CaseState state, CaseAction action) =>
        Table.TryGetValue((state, action), out var next)
            ? next
            : throw new DomainException(InvalidTransitionCode, $"申请当前处于“{Name(state)}”状态，不能{Name(action)}。可以进行的操作：{string.Join("、", Allowed(state).Select(Name).DefaultIfEmpty("无（已归档的申请只能经审核更正）"))}。");

    public static string Name(CaseState state) => state switch
    {
        CaseState.Registered => "已登记，待确认",
        CaseState.UnderReview => "审查中",
        CaseState.AwaitingCorrection => "待补正",
        CaseState.Processing => "办理中",
        CaseState.Decided => "已作出决定，待送达",
        CaseState.Served => "已送达",
        CaseState.Archived => "已归档",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string Name(CaseAction action) => action switch
    {
        CaseAction.ConfirmReceipt => "确认收到申请",
        CaseAction.RequestCorrection => "告知补正",
        CaseAction.ReceiveCorrection => "登记补正材料",
        CaseAction.LapseCorrection => "按逾期未补正处理",
        CaseAction.AcceptForProcessing => "转入办理",
        CaseAction.Assign => "指派承办单位",
        CaseAction.StartConsultation => "征求意见",
        CaseAction.EndConsultation => "结束征求意见",
        CaseAction.SendFeeNotice => "发出收费通知",
        CaseAction.RecordPayment => "登记缴费",
        CaseAction.LapseFee => "按逾期未缴费处理",
        CaseAction.Extend => "延长答复期限",
        CaseAction.SetLongerDeadline => "确定较长答复期限",
        CaseAction.Decide => "作出答复决定",
        CaseAction.Serve => "登记送达",
        CaseAction.Archive => "归档",
        CaseAction.Withdraw => "登记撤回申请",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };
}
