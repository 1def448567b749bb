using Gongkai.Core.Calendar;

namespace Gongkai.Core.Cases;

/// <summary>
/// The lengths and conventions of the statutory clocks. The statute fixes the lengths; the conventions the text leaves
/// open (day-after counting, the bounds of a pause, whether a fee notice stops the clock) are settings with the
/// common practice as default (docs/adr/0009-answer-clock.md).
/// </summary>
public sealed record ClockSettings
{
    /// <summary>条例第三十三条: answer within 20 working days of receipt.</summary>
    public int AnswerWorkingDays { get; init; } = 20;

    /// <summary>条例第三十三条: one extension of at most 20 working days, approved by the head of the 工作机构.</summary>
    public int MaxExtensionWorkingDays { get; init; } = 20;

    /// <summary>条例第三十条: the 补正 notice within 7 working days of receipt.</summary>
    public int CorrectionNoticeWorkingDays { get; init; } = 7;

    /// <summary>条例第三十二条、第三十四条: a consulted third party or co-maker has 15 working days from receiving the letter.</summary>
    public int ConsultationWorkingDays { get; init; } = 15;

    /// <summary>Payment period after the applicant receives the fee notice (provincial rules restating 国办函〔2020〕109号).</summary>
    public int FeePaymentWorkingDays { get; init; } = 20;

    /// <summary>Whether a fee notice stops the answer clock until payment (believed to be in 109号; on by default).</summary>
    public bool FeeNoticePausesAnswer { get; init; } = true;

    /// <summary>次日起算 by default.</summary>
    public DayCounting Counting { get; init; } = DayCounting.NextDay;

    public static ClockSettings Default { get; } = new();
}
