using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;

namespace Gongkai.Core.Tests.Cases;

/// <summary>The deadline vectors again, this time with a case driven through its steps on those dates.</summary>
public class ApplicationCaseTests
{
    private static readonly WorkingDayCalendar Calendar = Fixtures.OfficialCalendar();

    private static ApplicationCase Accepted(DateOnly received)
    {
        var c = new ApplicationCase(Channel.InPerson, received);
        c.AcceptForProcessing();
        return c;
    }

    [Fact]
    public void Every_plain_answer_vector_holds_for_a_case_handed_in_on_the_start_date()
    {
        foreach (var v in Fixtures.DeadlineVectors("add_working_days").Where(v => v.GetProperty("working_days").GetInt32() == 20))
        {
            Assert.Equal(v.Date("expected"), Accepted(v.Date("start")).Deadline(Calendar)!.Due.Date);
        }
    }

    [Fact]
    public void An_online_application_starts_its_clock_on_the_day_both_sides_confirm()
    {
        var c = new ApplicationCase(Channel.Online, new DateOnly(2024, 9, 25));
        Assert.Equal(CaseState.Registered, c.State);
        Assert.Null(c.Deadline(Calendar));
        c.ConfirmReceipt(new DateOnly(2024, 9, 27));
        c.AcceptForProcessing();
        Assert.Equal(new DateOnly(2024, 10, 30), c.Deadline(Calendar)!.Due.Date);
    }

    [Fact]
    public void The_extension_vector_holds_through_the_case()
    {
        var v = Fixtures.DeadlineVectors("extension").Single();
        var c = Accepted(v.Date("received"));
        Assert.Equal(v.Date("due"), c.Deadline(Calendar)!.Due.Date);
        c.Extend(v.GetProperty("extension_working_days").GetInt32(), "陈静", "需要调取档案并逐页审查");
        Assert.Equal(v.Date("expected"), c.Deadline(Calendar)!.Due.Date);
        var again = Assert.Throws<DomainException>(() => c.Extend(5, "陈静", "再次延长"));
        Assert.Contains("只能延长一次", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_correction_vector_holds_through_the_case()
    {
        var v = Fixtures.DeadlineVectors("correction_restart").Single();
        var c = new ApplicationCase(Channel.InPerson, v.Date("received"));
        c.RequestCorrection(v.Date("correction_notice_due"), v.Date("corrected_application_received").AddDays(10), Calendar);
        Assert.Null(c.Deadline(Calendar));
        c.ReceiveCorrection(v.Date("corrected_application_received"));
        Assert.Equal(v.Date("expected"), c.Deadline(Calendar)!.Due.Date);
    }

    [Fact]
    public void A_correction_notice_after_seven_working_days_or_a_second_one_is_refused()
    {
        var late = new ApplicationCase(Channel.InPerson, new DateOnly(2025, 9, 26));
        var ex = Assert.Throws<DomainException>(() => late.RequestCorrection(new DateOnly(2025, 10, 14), new DateOnly(2025, 11, 1), Calendar));
        Assert.Contains("2025-10-13", ex.Message, StringComparison.Ordinal);

        var once = new ApplicationCase(Channel.InPerson, new DateOnly(2025, 9, 26));
        once.RequestCorrection(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 20), Calendar);
        var twice = Assert.Throws<DomainException>(() => once.RequestCorrection(new DateOnly(2025, 10, 9), new DateOnly(2025, 10, 30), Calendar));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, twice.Code);
    }

    [Fact]
    public void An_uncorrected_application_lapses_only_after_its_correction_period()
    {
        var c = new ApplicationCase(Channel.InPerson, new DateOnly(2025, 9, 26));
        c.RequestCorrection(new DateOnly(2025, 9, 30), new DateOnly(2025, 10, 20), Calendar);
        Assert.Throws<DomainException>(() => c.LapseCorrection(new DateOnly(2025, 10, 20)));
        c.LapseCorrection(new DateOnly(2025, 10, 21));
        Assert.Equal(DecisionType.CorrectionOverdue, c.Decision);
        Assert.Equal("other_no_correction_overdue", DecisionCatalog.Of(c.Decision!.Value).ReportRow);
    }

    [Fact]
    public void Every_third_party_vector_holds_through_the_case()
    {
        foreach (var v in Fixtures.DeadlineVectors("third_party_pause"))
        {
            var c = Accepted(v.Date("received"));
            c.StartConsultation(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"));
            Assert.True(c.Deadline(Calendar)!.IsPaused);
            Assert.Throws<DomainException>(() => c.Decide(DecisionType.Disclosed, v.Date("reply_received")));
            c.EndConsultation(v.Date("reply_received"));
            Assert.Equal(v.Date("expected"), c.Deadline(Calendar)!.Due.Date);
        }

        var silent = Fixtures.DeadlineVectors("third_party_no_reply").Single();
        var s = Accepted(silent.Date("received"));
        s.StartConsultation(PauseReason.ThirdPartyConsultation, silent.Date("letter_sent"));
        s.EndConsultation(null, AnswerClock.ConsultationReplyDue(Calendar, silent.Date("letter_received_by_third_party")).Date);
        Assert.Equal(silent.Date("expected"), s.Deadline(Calendar)!.Due.Date);
    }

    [Fact]
    public void The_fee_vectors_hold_through_the_case()
    {
        var paid = Fixtures.DeadlineVectors("fee_pause").Single();
        var c = Accepted(paid.Date("received"));
        c.SendFeeNotice(paid.Date("fee_notice_received"), Calendar);
        Assert.Equal(paid.Date("payment_deadline"), c.FeePaymentDeadline);
        c.RecordPayment(paid.Date("paid"));
        Assert.Equal(paid.Date("expected"), c.Deadline(Calendar)!.Due.Date);

        var unpaid = Fixtures.DeadlineVectors("fee_unpaid").Single();
        var u = Accepted(unpaid.Date("received"));
        u.SendFeeNotice(unpaid.Date("fee_notice_received"), Calendar);
        Assert.Equal(unpaid.Date("payment_deadline"), u.FeePaymentDeadline);
        Assert.Throws<DomainException>(() => u.LapseFee(unpaid.Date("payment_deadline")));
        Assert.Throws<DomainException>(() => u.RecordPayment(unpaid.Date("abandoned_on")));
        u.LapseFee(unpaid.Date("abandoned_on"));
        Assert.Equal(unpaid.GetProperty("expected_outcome").GetString(), DecisionCatalog.Of(u.Decision!.Value).ReportRow);
    }

    [Fact]
    public void The_extension_after_a_pause_vector_holds_through_the_case()
    {
        var v = Fixtures.DeadlineVectors("extension_after_pause").Single();
        var c = Accepted(v.Date("received"));
        c.StartConsultation(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"));
        c.EndConsultation(v.Date("reply_received"));
        Assert.Equal(v.Date("due_with_pause"), c.Deadline(Calendar)!.Due.Date);
        c.Extend(v.GetProperty("extension_working_days").GetInt32(), "陈静", "征求意见后需进一步核实");
        Assert.Equal(v.Date("expected"), c.Deadline(Calendar)!.Due.Date);
    }

    [Fact]
    public void A_decided_case_is_served_archived_and_then_refuses_every_step()
    {
        var c = Accepted(new DateOnly(2024, 9, 27));
        c.Decide(DecisionType.NotHeld, new DateOnly(2024, 10, 28), "包头市自然资源局");
        Assert.Equal("包头市自然资源局", c.HoldingAgency);
        c.Serve(new DateOnly(2024, 10, 30));
        Assert.True(c.ServedOnTime(Calendar));
        c.Archive();
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            var ex = Assert.Throws<DomainException>(() => CaseLifecycle.Next(c.State, action));
            Assert.Contains("已归档", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reply_served_after_the_due_date_is_late()
    {
        var c = Accepted(new DateOnly(2024, 9, 27));
        c.Decide(DecisionType.Disclosed, new DateOnly(2024, 10, 30));
        c.Serve(new DateOnly(2024, 10, 31));
        Assert.False(c.ServedOnTime(Calendar));
    }

    [Fact]
    public void An_out_of_order_step_is_a_domain_error_that_names_the_state_and_what_can_be_done()
    {
        var c = new ApplicationCase(Channel.Online, new DateOnly(2024, 9, 25));
        var ex = Assert.Throws<DomainException>(() => c.Decide(DecisionType.Disclosed, new DateOnly(2024, 9, 26)));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, ex.Code);
        Assert.Contains("已登记，待确认", ex.Message, StringComparison.Ordinal);
        Assert.Contains("确认收到申请", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_not_held_agency_can_only_be_named_for_a_not_held_answer_and_lapse_outcomes_cannot_be_chosen()
    {
        var c = Accepted(new DateOnly(2024, 9, 27));
        Assert.Throws<DomainException>(() => c.Decide(DecisionType.Disclosed, new DateOnly(2024, 10, 8), "某局"));
        Assert.Throws<DomainException>(() => c.Decide(DecisionType.FeeNotPaid, new DateOnly(2024, 10, 8)));
        Assert.Null(c.Decision);
    }

    [Fact]
    public void Every_state_has_a_chinese_name_and_the_table_allows_no_step_out_of_an_archived_case()
    {
        foreach (var s in Enum.GetValues<CaseState>())
        {
            Assert.False(string.IsNullOrEmpty(CaseLifecycle.Name(s)));
        }

        Assert.Empty(CaseLifecycle.Allowed(CaseState.Archived));
        Assert.Equal([CaseAction.Serve], CaseLifecycle.Allowed(CaseState.Decided));
    }

    [Fact]
    public void A_restored_case_continues_exactly_where_it_stood()
    {
        var v = Fixtures.DeadlineVectors("extension_after_pause").Single();
        var c = Accepted(v.Date("received"));
        c.StartConsultation(PauseReason.ThirdPartyConsultation, v.Date("letter_sent"));
        var restored = ApplicationCase.Restore(c.ToSnapshot());
        restored.EndConsultation(v.Date("reply_received"));
        restored.Extend(15, "陈静", "需要进一步核实");
        Assert.Equal(v.Date("expected"), ApplicationCase.Restore(restored.ToSnapshot()).Deadline(Calendar)!.Due.Date);
        Assert.Equal(restored.ToSnapshot() with { Pauses = [] }, ApplicationCase.Restore(restored.ToSnapshot()).ToSnapshot() with { Pauses = [] });
    }
}
