using System.Text.Json;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>
/// Every vector of data/vectors/deadlines.json driven through a real, persisted case with the use cases, step by step
/// on the vector's dates (docs/adr/0009): the due date is checked as computed from the facts (GetApplication), as
/// cached on the record for the queues, and as written in the history entry of the step that moved it.
/// </summary>
public abstract class DeadlineVectorLifecycleTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static readonly string[] Kinds =
    [
        "add_working_days", "extension", "correction_restart", "third_party_pause", "third_party_no_reply", "fee_pause", "fee_unpaid", "extension_after_pause",
    ];

    [Fact]
    public void Every_kind_of_vector_in_the_file_is_driven_here()
    {
        using var doc = JsonDocument.Parse(Fixtures.Read("vectors/deadlines.json"));
        var inFile = doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("kind").GetString()!).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Kinds.Order(StringComparer.Ordinal), inFile);
    }

    [ProviderFact]
    public async Task Add_working_days_vectors_hold_for_a_case_received_on_the_start_date()
    {
        var vectors = Fixtures.DeadlineVectors("add_working_days").ToList();
        Assert.True(vectors.Count >= 14);
        foreach (var v in vectors)
        {
            var start = v.Date("start");
            var expected = v.Date("expected");
            var days = v.GetProperty("working_days").GetInt32();
            var because = $"{start:yyyy-MM-dd} + {days}";
            var c = await RegisterAsync(start); // handed in: received on arrival
            Assert.Equal(start, c.Received);
            switch (days)
            {
                case 20:
                    // The answer clock itself (第三十三条).
                    await AssertDueAsync(c.Id, expected, because);
                    break;
                case 7:
                    // The 补正 notice window (第三十条): shown on the case, and enforced by the step on its last day.
                    Assert.Equal(expected, (await DetailAsync(c.Id)).CorrectionNoticeDue);
                    var late = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new RequestCorrectionStep(expected.AddDays(1), expected.AddDays(15), "请写明所需信息的文号或名称。")));
                    Assert.Equal(CaseLifecycle.InvalidTransitionCode, late.Code);
                    Assert.Contains(expected.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), late.Message, StringComparison.Ordinal);
                    await StepAsync(c.Id, new RequestCorrectionStep(expected, expected.AddDays(15), "请写明所需信息的文号或名称。"));
                    Assert.Equal(CaseState.AwaitingCorrection, (await StoredAsync(c.Id)).State);
                    break;
                case 15:
                    // A consulted party's reply window (第三十二条): the letter is received on the start date.
                    await StepAsync(c.Id, new AcceptStep());
                    await StepAsync(c.Id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头市某某商贸有限公司", start, start));
                    Assert.Equal(expected, Assert.Single((await DetailAsync(c.Id)).Consultations).ReplyDue);
                    await StepAsync(c.Id, new EndConsultationStep(null, NoReply: true));
                    Assert.Equal(expected, Assert.Single((await StoredAsync(c.Id)).Pauses).Limit);
                    Assert.Equal(expected, (await EventsAsync(c.Id))[^1].OnDate);
                    break;
                default:
                    // No clock of the procedure is this long (the statute's periods are 7, 15 and 20 working days), so
                    // the vector cannot be a deadline of a case. What it states — the first n working days after the
                    // start end on the expected date — is exactly what a pause measures: a consultation letter sent on
                    // the start date and answered on the expected date stops the clock for n working days.
                    await StepAsync(c.Id, new AcceptStep());
                    await StepAsync(c.Id, new StartConsultationStep(PauseReason.CoMakerConsultation, "包头市昆都仑区财政局", start));
                    await StepAsync(c.Id, new EndConsultationStep(expected));
                    var deadline = (await DetailAsync(c.Id)).Deadline!;
                    Assert.Equal(days, Assert.Single(deadline.Pauses).WorkingDays);
                    await AssertDueAsync(c.Id, Fixtures.OfficialCalendar().AddWorkingDays(deadline.DueWithoutPauses.Date, days).Date, because);
                    break;
            }
        }
    }

    [ProviderFact]
    public async Task Extension_vectors_count_from_the_original_due_date()
    {
        foreach (var v in Fixtures.DeadlineVectors("extension"))
        {
            var c = await RegisterAsync(v.Date("received"), Channel.PostSigned);
            await AssertDueAsync(c.Id, v.Date("due"), "before the extension");
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new ExtendStep(v.GetProperty("extension_working_days").GetInt32(), "涉及多个学校的档案，需逐一调取核对。"));
            await AssertDueAsync(c.Id, v.Date("expected"), "extended");
            var last = (await EventsAsync(c.Id))[^1];
            Assert.Equal(v.Date("due"), last.DueBefore);
            Assert.Equal(nameof(CaseAction.Extend), last.Kind);
        }
    }

    [ProviderFact]
    public async Task Correction_restart_vectors_restart_the_clock_from_the_corrected_application()
    {
        foreach (var v in Fixtures.DeadlineVectors("correction_restart"))
        {
            // E-mail: received on the day both sides confirm it.
            var c = await RegisterAsync(v.Date("received"), Channel.Email);
            Assert.Null(c.Received);
            Assert.Null(c.DueDate);
            await StepAsync(c.Id, new ConfirmReceiptStep(v.Date("received")));
            Assert.Equal(v.Date("correction_notice_due"), (await DetailAsync(c.Id)).CorrectionNoticeDue);
            await StepAsync(c.Id, new RequestCorrectionStep(v.Date("correction_notice_due"), v.Date("corrected_application_received").AddDays(5), "请写明所需信息的名称、文号或便于查询的特征描述。"));
            var waiting = await DetailAsync(c.Id);
            Assert.Null(waiting.Deadline);
            Assert.Null((await StoredAsync(c.Id)).DueDate);
            await StepAsync(c.Id, new ReceiveCorrectionStep(v.Date("corrected_application_received"), "所需信息为2025年第三季度区教育局财政拨款支出明细。"));
            await AssertDueAsync(c.Id, v.Date("expected"), "restarted");
            Assert.Equal(v.Date("corrected_application_received"), (await DetailAsync(c.Id)).Deadline!.Start);
        }
    }

    [ProviderFact]
    public async Task Third_party_pause_vectors_add_the_working_days_of_the_pause()
    {
        foreach (var v in Fixtures.DeadlineVectors("third_party_pause"))
        {
            var c = await RegisterAsync(v.Date("received"), Channel.Online);
            await StepAsync(c.Id, new ConfirmReceiptStep(v.Date("received"), "电话联系申请人确认。"));
            await AssertDueAsync(c.Id, v.Date("due_without_pause"), "before the pause");
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头市某某建筑工程有限公司", v.Date("letter_sent")));
            var paused = (await DetailAsync(c.Id)).Deadline!;
            Assert.True(paused.IsPaused);
            await StepAsync(c.Id, new EndConsultationStep(v.Date("reply_received"), Opinion: "不同意公开其中的报价明细。"));
            await AssertDueAsync(c.Id, v.Date("expected"), "after the reply");
            var deadline = (await DetailAsync(c.Id)).Deadline!;
            Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), Assert.Single(deadline.Pauses).WorkingDays);
            Assert.Equal(v.Date("due_without_pause"), deadline.DueWithoutPauses.Date);
            Assert.Equal(v.Date("due_without_pause"), (await EventsAsync(c.Id))[^1].DueBefore);
        }
    }

    [ProviderFact]
    public async Task Third_party_no_reply_vectors_end_the_pause_when_the_partys_period_runs_out()
    {
        foreach (var v in Fixtures.DeadlineVectors("third_party_no_reply"))
        {
            var c = await RegisterAsync(v.Date("received"), Channel.Oral);
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "某某幼儿园", v.Date("letter_sent"), v.Date("letter_received_by_third_party")));
            Assert.Equal(v.Date("third_party_deadline"), Assert.Single((await DetailAsync(c.Id)).Consultations).ReplyDue);
            await StepAsync(c.Id, new EndConsultationStep(null, NoReply: true));
            await AssertDueAsync(c.Id, v.Date("expected"), "silence");
            var pause = Assert.Single((await StoredAsync(c.Id)).Pauses);
            Assert.Equal(v.Date("third_party_deadline"), pause.Limit);
            Assert.Null(pause.Until);
            Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), Assert.Single((await DetailAsync(c.Id)).Deadline!.Pauses).WorkingDays);
        }
    }

    [ProviderFact]
    public async Task Fee_pause_vectors_pause_from_the_notice_until_payment()
    {
        foreach (var v in Fixtures.DeadlineVectors("fee_pause"))
        {
            var c = await RegisterAsync(v.Date("received"), Channel.Fax);
            await StepAsync(c.Id, new ConfirmReceiptStep(v.Date("received")));
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new SendFeeNoticeStep(v.Date("fee_notice_received"), Core.Fees.FeeMethod.PerPage, 320, "复制 320 页，按量计收。"));
            Assert.Equal(v.Date("payment_deadline"), (await StoredAsync(c.Id)).FeePaymentDeadline);
            await StepAsync(c.Id, new RecordPaymentStep(v.Date("paid")));
            await AssertDueAsync(c.Id, v.Date("expected"), "paid");
            Assert.Equal(v.GetProperty("paused_working_days").GetInt32(), Assert.Single((await DetailAsync(c.Id)).Deadline!.Pauses).WorkingDays);
        }
    }

    [ProviderFact]
    public async Task Fee_unpaid_vectors_lapse_the_day_after_the_payment_deadline_into_the_fee_row()
    {
        foreach (var v in Fixtures.DeadlineVectors("fee_unpaid"))
        {
            var c = await RegisterAsync(v.Date("received"), Channel.PostOrdinary);
            await StepAsync(c.Id, new ConfirmReceiptStep(v.Date("received")));
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new SendFeeNoticeStep(v.Date("fee_notice_received"), Core.Fees.FeeMethod.PerPage, 250));
            Assert.Equal(v.Date("payment_deadline"), (await StoredAsync(c.Id)).FeePaymentDeadline);

            var early = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new LapseFeeStep(v.Date("abandoned_on").AddDays(-1))));
            Assert.Equal(CaseLifecycle.InvalidTransitionCode, early.Code);
            Assert.Equal(CaseState.Processing, (await StoredAsync(c.Id)).State);

            await StepAsync(c.Id, new LapseFeeStep(v.Date("abandoned_on")));
            var stored = await StoredAsync(c.Id);
            Assert.Equal(CaseState.Decided, stored.State);
            Assert.Equal(DecisionType.FeeNotPaid, stored.Decision);
            Assert.Equal(v.Date("abandoned_on"), stored.Decided);
            Assert.Equal(v.GetProperty("expected_outcome").GetString(), DecisionCatalog.Of(stored.Decision!.Value).ReportRow);
        }
    }

    [ProviderFact]
    public async Task Extension_after_pause_vectors_extend_the_due_date_as_moved_by_the_pause()
    {
        foreach (var v in Fixtures.DeadlineVectors("extension_after_pause"))
        {
            var c = await RegisterAsync(v.Date("received"));
            await StepAsync(c.Id, new AcceptStep());
            await StepAsync(c.Id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "包头市某某物业服务有限公司", v.Date("letter_sent")));
            await StepAsync(c.Id, new EndConsultationStep(v.Date("reply_received")));
            await AssertDueAsync(c.Id, v.Date("due_with_pause"), "after the pause");
            await StepAsync(c.Id, new ExtendStep(v.GetProperty("extension_working_days").GetInt32(), "需调取多个年度的合同档案。"));
            await AssertDueAsync(c.Id, v.Date("expected"), "extended after the pause");
        }
    }
}

public sealed class SqliteDeadlineVectorLifecycleTests() : DeadlineVectorLifecycleTests(DatabaseProvider.Sqlite);

public sealed class PostgresDeadlineVectorLifecycleTests() : DeadlineVectorLifecycleTests(DatabaseProvider.Postgres);
