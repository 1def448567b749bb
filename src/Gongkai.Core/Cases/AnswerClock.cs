using System.Collections.Immutable;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;

namespace Gongkai.Core.Cases;

/// <summary>Why the answer clock stood still.</summary>
public enum PauseReason
{
    /// <summary>征求第三方意见 (条例第三十二条)</summary>
    ThirdPartyConsultation,

    /// <summary>征求其他机关意见 (条例第三十四条)</summary>
    CoMakerConsultation,

    /// <summary>收费通知至缴费 (国办函〔2020〕109号)</summary>
    FeeNotice,
}

/// <summary>
/// A period the answer clock does not count (条例第三十三条第三款). By the default convention the clock stops at the end
/// of <see cref="From"/> (the day the letter is sent, or the applicant receives the fee notice) and resumes the day
/// after <see cref="Until"/> (the reply arrives, the fee is paid) — or after <see cref="Limit"/>, the consulted
/// party's own deadline, when no reply came. With neither, the pause is still running.
/// </summary>
public sealed record ClockPause(PauseReason Reason, DateOnly From, DateOnly? Until = null, DateOnly? Limit = null)
{
    /// <summary>The last paused day, or null while the pause is still running.</summary>
    public DateOnly? End => Until ?? Limit;
}

/// <summary>What the answer clock is computed from: when it started, what paused it, and any extension.</summary>
public sealed record AnswerClockFacts(DateOnly Start, IReadOnlyList<ClockPause> Pauses, int ExtensionWorkingDays = 0, DateOnly? LongerDue = null, string? LongerDueReason = null)
{
    public static AnswerClockFacts From(DateOnly start) => new(start, []);
}

/// <summary>One line of a deadline's explanation: a pause and the working days it added.</summary>
public sealed record PauseEffect(ClockPause Pause, int WorkingDays, bool Running);

/// <summary>
/// A due date that explains itself: where the count started, the plain due date, each pause and what it added, the
/// extension, the result, and whether any calendar year it relied on is missing (provisional).
/// </summary>
public sealed record AnswerDeadline(
    DateOnly Start,
    int WorkingDays,
    CalendarDate DueWithoutPauses,
    ImmutableArray<PauseEffect> Pauses,
    int ExtensionWorkingDays,
    CalendarDate Due,
    bool IsPaused,
    DateOnly? LongerDue = null,
    string? LongerDueReason = null)
{
    public bool IsProvisional => Due.IsProvisional;

    /// <summary>The calendar years the count ran through, from the start to the due date.</summary>
    public IReadOnlyList<int> CalendarYears => [.. Enumerable.Range(Start.Year, Due.Date.Year - Start.Year + 1)];

    /// <summary>The explanation in Chinese, one line per step.</summary>
    public IReadOnlyList<string> Explain()
    {
        var lines = new List<string> { $"起算日 {Start:yyyy-MM-dd}，答复期限 {WorkingDays} 个工作日，至 {DueWithoutPauses.Date:yyyy-MM-dd}。" };
        foreach (var p in Pauses)
        {
            var what = p.Pause.Reason switch
            {
                PauseReason.ThirdPartyConsultation => "征求第三方意见",
                PauseReason.CoMakerConsultation => "征求其他机关意见",
                PauseReason.FeeNotice => "收费通知至缴费",
                _ => throw new InvalidOperationException(),
            };
            lines.Add(p.Running
                ? $"{what}自 {p.Pause.From:yyyy-MM-dd} 次日起暂停计算，尚未恢复；截止日待恢复后顺延。"
                : $"{what}暂停 {p.Pause.From:yyyy-MM-dd} 次日至 {p.Pause.End:yyyy-MM-dd}，不计入答复期限，顺延 {p.WorkingDays} 个工作日。");
        }

        if (ExtensionWorkingDays > 0)
        {
            lines.Add($"经工作机构负责人批准延长 {ExtensionWorkingDays} 个工作日。");
        }

        if (LongerDue is { } longer)
        {
            lines.Add($"依照条例第三十五条确定较长的答复期限至 {longer:yyyy-MM-dd}，已告知申请人（理由：{LongerDueReason}）。");
        }

        lines.Add($"答复截止日：{Due.Date:yyyy-MM-dd}{(IsPaused ? "（暂停中，恢复后顺延）" : string.Empty)}。");
        lines.Add($"所用工作日历：{string.Join("、", CalendarYears)} 年{(Due.MissingYears.IsDefaultOrEmpty ? "（均已导入国务院办公厅节假日安排）" : $"（其中 {string.Join("、", Due.MissingYears)} 年尚未导入，日期为临时结果）")}。");
        if (Due.ProvisionalWarning is { } warning)
        {
            lines.Add(warning);
        }

        return lines;
    }
}

/// <summary>
/// The answer clock of an application (条例第三十条、第三十三条): 20 working days from receipt (or from receipt of the
/// corrected application), not counting the pauses, plus an approved extension counted from the due date as already
/// moved by the pauses. Pure: the same facts and calendar always give the same date.
/// </summary>
public static class AnswerClock
{
    public const string InvalidCode = "case.invalid_clock";

    public static AnswerDeadline Compute(WorkingDayCalendar calendar, AnswerClockFacts facts, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(facts);
        settings ??= ClockSettings.Default;
        if (facts.ExtensionWorkingDays < 0 || facts.ExtensionWorkingDays > settings.MaxExtensionWorkingDays)
        {
            throw new DomainException(InvalidCode, $"延长期限应为 1 至 {settings.MaxExtensionWorkingDays} 个工作日（条例第三十三条）。");
        }

        var plain = calendar.AddWorkingDays(facts.Start, settings.AnswerWorkingDays, settings.Counting);
        var due = plain.Date;
        var missing = new SortedSet<int>(plain.MissingYears);
        var effects = ImmutableArray.CreateBuilder<PauseEffect>();
        var paused = false;

        foreach (var pause in Merge(facts.Pauses.Where(p => settings.FeeNoticePausesAnswer || p.Reason != PauseReason.FeeNotice)))
        {
            if (pause.From < facts.Start)
            {
                throw new DomainException(InvalidCode, $"暂停起始日 {pause.From:yyyy-MM-dd} 早于期限起算日 {facts.Start:yyyy-MM-dd}。");
            }

            if (pause.End is not { } end)
            {
                // Still running: the due date cannot be known; it is at least the current one.
                if (pause.From < due)
                {
                    paused = true;
                    effects.Add(new PauseEffect(pause, 0, Running: true));
                }

                continue;
            }

            if (end < pause.From)
            {
                throw new DomainException(InvalidCode, $"暂停结束日 {end:yyyy-MM-dd} 早于开始日 {pause.From:yyyy-MM-dd}。");
            }

            if (pause.From >= due)
            {
                // Began after the deadline had passed: it cannot move the deadline.
                continue;
            }

            var days = calendar.CountWorkingDays(pause.From, end);
            var moved = calendar.AddWorkingDays(due, days);
            missing.UnionWith(moved.MissingYears);
            missing.UnionWith(calendar.MissingYearsBetween(pause.From, end));
            due = moved.Date;
            effects.Add(new PauseEffect(pause, days, Running: false));
        }

        if (facts.ExtensionWorkingDays > 0)
        {
            var extended = calendar.AddWorkingDays(due, facts.ExtensionWorkingDays);
            missing.UnionWith(extended.MissingYears);
            due = extended.Date;
        }

        if (facts.LongerDue is { } longer && longer > due)
        {
            due = longer;
        }

        return new AnswerDeadline(facts.Start, settings.AnswerWorkingDays, plain, effects.ToImmutable(), facts.ExtensionWorkingDays, new CalendarDate(due, [.. missing]), paused, facts.LongerDue, facts.LongerDueReason);
    }

    /// <summary>The 补正 notice must go out by this date (条例第三十条: 7 working days of receipt).</summary>
    public static CalendarDate CorrectionNoticeDue(WorkingDayCalendar calendar, DateOnly received, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= ClockSettings.Default;
        return calendar.AddWorkingDays(received, settings.CorrectionNoticeWorkingDays, settings.Counting);
    }

    /// <summary>A consulted party's reply is due 15 working days after it received the letter (条例第三十二条、第三十四条).</summary>
    public static CalendarDate ConsultationReplyDue(WorkingDayCalendar calendar, DateOnly letterReceived, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= ClockSettings.Default;
        return calendar.AddWorkingDays(letterReceived, settings.ConsultationWorkingDays, settings.Counting);
    }

    /// <summary>The fee must be paid within 20 working days of the day after the applicant receives the notice.</summary>
    public static CalendarDate FeePaymentDue(WorkingDayCalendar calendar, DateOnly noticeReceived, ClockSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        settings ??= ClockSettings.Default;
        return calendar.AddWorkingDays(noticeReceived, settings.FeePaymentWorkingDays, settings.Counting);
    }

    /// <summary>Overlapping pauses count once: they are merged, in order of their start.</summary>
    private static IEnumerable<ClockPause> Merge(IEnumerable<ClockPause> pauses)
    {
        ClockPause? current = null;
        foreach (var p in pauses.OrderBy(p => p.From))
        {
            if (current is null)
            {
                current = p;
            }
            else if (current.End is { } end && p.From <= end)
            {
                current = current with { Until = p.End is { } e ? (e > end ? e : end) : null, Limit = null };
            }
            else if (current.End is null)
            {
                // An open pause swallows everything after it.
            }
            else
            {
                yield return current;
                current = p;
            }
        }

        if (current is not null)
        {
            yield return current;
        }
    }
}
