using System.Text.Json;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;

namespace Gongkai.Core.Tests.Cases;

/// <summary>Every clock vector of data/vectors/deadlines.json, on the answer clock itself.</summary>
public class AnswerClockTests
{
    private static readonly WorkingDayCalendar Calendar = Fixtures.OfficialCalendar();

    private static JsonElement Vector(string kind, int index = 0) => Fixtures.DeadlineVectors(kind).ElementAt(index);

    [Fact]
    public void An_extension_is_counted_from_the_original_due_date()
    {
        var v = Vector("extension");
        var plain = AnswerClock.Compute(Calendar, AnswerClockFacts.From(v.Date("received")));
        Assert.Equal(v.Date("due"), plain.Due.Date);
        var extended = AnswerClock.Compute(Calendar, AnswerClockFacts.From(v.Date("received")) with { ExtensionWorkingDays = v.GetProperty("extension_working_days").GetInt32() });
        Assert.Equal(v.Date("expected"), extended.Due.Date);
    }

    [Fact]
    public void After_a_correction_the_clock_restarts_from_the_corrected_application()
    {
        var v = Vector("correction_restart");
        Assert.Equal(v.Date("correction_notice_due"), AnswerClock.CorrectionNoticeDue(Calendar, v.Date("received")).Date);
        Assert.Equal(v.Date("expected"), AnswerClock.Compute(Calendar, AnswerClockFacts.From(v.Date("corrected_application_received"))).Due.Date);
    }

    [Fact]
    public void Every_third_party_pause_vector_holds()
    {
        foreach (var v in Fixtures.DeadlineVectors("third_party_pause"))
        {
            var pause = new ClockPause(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"), Until: v.Date("reply_received"));
            var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [pause]));
            Assert.Equal(v.Date("due_without_pause"), d.DueWithoutPauses.Date);
            Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), d.Pauses.Single().WorkingDays);
            Assert.Equal(v.Date("expected"), d.Due.Date);
        }
    }

    [Fact]
    public void A_silent_third_party_ends_the_pause_when_its_own_fifteen_days_run_out()
    {
        var v = Vector("third_party_no_reply");
        var limit = AnswerClock.ConsultationReplyDue(Calendar, v.Date("letter_received_by_third_party"));
        Assert.Equal(v.Date("third_party_deadline"), limit.Date);
        var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [new ClockPause(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"), Limit: limit.Date)]));
        Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), d.Pauses.Single().WorkingDays);
        Assert.Equal(v.Date("expected"), d.Due.Date);
    }

    [Fact]
    public void A_fee_notice_pauses_the_clock_until_payment()
    {
        var v = Vector("fee_pause");
        Assert.Equal(v.Date("payment_deadline"), AnswerClock.FeePaymentDue(Calendar, v.Date("fee_notice_received")).Date);
        var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [new ClockPause(PauseReason.FeeNotice, v.Date("fee_notice_received"), Until: v.Date("paid"))]));
        Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), d.Pauses.Single().WorkingDays);
        Assert.Equal(v.Date("expected"), d.Due.Date);
    }

    [Fact]
    public void With_the_fee_pause_setting_off_a_fee_notice_does_not_move_the_deadline()
    {
        var v = Vector("fee_pause");
        var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [new ClockPause(PauseReason.FeeNotice, v.Date("fee_notice_received"), Until: v.Date("paid"))]), new ClockSettings { FeeNoticePausesAnswer = false });
        Assert.Equal(d.DueWithoutPauses.Date, d.Due.Date);
    }

    [Fact]
    public void An_unpaid_fee_lapses_the_day_after_the_payment_deadline()
    {
        var v = Vector("fee_unpaid");
        var deadline = AnswerClock.FeePaymentDue(Calendar, v.Date("fee_notice_received")).Date;
        Assert.Equal(v.Date("payment_deadline"), deadline);
        Assert.Equal(v.Date("abandoned_on"), deadline.AddDays(1));
    }

    [Fact]
    public void An_extension_after_a_pause_counts_from_the_moved_due_date()
    {
        var v = Vector("extension_after_pause");
        var pause = new ClockPause(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"), Until: v.Date("reply_received"));
        var paused = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [pause]));
        Assert.Equal(v.Date("due_with_pause"), paused.Due.Date);
        var extended = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [pause], v.GetProperty("extension_working_days").GetInt32()));
        Assert.Equal(v.Date("expected"), extended.Due.Date);
    }

    [Fact]
    public void Overlapping_consultations_count_their_days_once()
    {
        var start = new DateOnly(2026, 3, 2);
        var one = new ClockPause(PauseReason.ThirdPartyConsultation, new DateOnly(2026, 3, 10), Until: new DateOnly(2026, 3, 24));
        var two = new ClockPause(PauseReason.CoMakerConsultation, new DateOnly(2026, 3, 16), Until: new DateOnly(2026, 3, 20));
        var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(start, [one, two]));
        Assert.Equal(new DateOnly(2026, 4, 14), d.Due.Date);
        Assert.Single(d.Pauses);
    }

    [Fact]
    public void A_running_pause_marks_the_deadline_as_paused_and_explains_itself()
    {
        var d = AnswerClock.Compute(Calendar, new AnswerClockFacts(new DateOnly(2026, 3, 2), [new ClockPause(PauseReason.ThirdPartyConsultation, new DateOnly(2026, 3, 10))]));
        Assert.True(d.IsPaused);
        var text = string.Join("\n", d.Explain());
        Assert.Contains("尚未恢复", text, StringComparison.Ordinal);
        Assert.Contains("暂停中", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_explanation_names_the_start_each_pause_the_extension_and_the_result()
    {
        var v = Vector("extension_after_pause");
        var pause = new ClockPause(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"), Until: v.Date("reply_received"));
        var text = AnswerClock.Compute(Calendar, new AnswerClockFacts(v.Date("received"), [pause], 15)).Explain();
        Assert.Equal("起算日 2026-03-02，答复期限 20 个工作日，至 2026-03-30。", text[0]);
        Assert.Equal("征求第三方意见暂停 2026-03-10 次日至 2026-03-24，不计入答复期限，顺延 10 个工作日。", text[1]);
        Assert.Equal("经工作机构负责人批准延长 15 个工作日。", text[2]);
        Assert.Equal("答复截止日：2026-05-08。", text[3]);
        Assert.Equal("所用工作日历：2026 年（均已导入国务院办公厅节假日安排）。", text[4]);
    }

    [Fact]
    public void The_explanation_names_every_calendar_year_used_and_those_not_loaded()
    {
        var across = AnswerClock.Compute(Calendar, AnswerClockFacts.From(new DateOnly(2025, 12, 31)));
        Assert.Contains("所用工作日历：2025、2026 年（均已导入", string.Join("\n", across.Explain()), StringComparison.Ordinal);
        var missing = AnswerClock.Compute(Calendar, AnswerClockFacts.From(new DateOnly(2026, 12, 10)));
        Assert.Contains("所用工作日历：2026、2027 年（其中 2027 年尚未导入，日期为临时结果）", string.Join("\n", missing.Explain()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_deadline_running_into_a_year_without_a_calendar_is_provisional()
    {
        var d = AnswerClock.Compute(Calendar, AnswerClockFacts.From(new DateOnly(2026, 12, 10)));
        Assert.True(d.IsProvisional);
        Assert.Contains(d.Explain(), l => l.Contains("2027", StringComparison.Ordinal) && l.Contains("暂定", StringComparison.Ordinal));
    }

    [Fact]
    public void An_extension_longer_than_twenty_working_days_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => AnswerClock.Compute(Calendar, AnswerClockFacts.From(new DateOnly(2026, 3, 2)) with { ExtensionWorkingDays = 21 }));
        Assert.Contains("第三十三条", ex.Message, StringComparison.Ordinal);
    }
}
