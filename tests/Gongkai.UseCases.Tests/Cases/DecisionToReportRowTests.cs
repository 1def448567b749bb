using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>
/// Each decision type of an information-disclosure case, reached through the use cases (intake, steps, the decision
/// or the lapse that closes the case, service), lands in its row of table 三 of the annual report. The row keys are
/// written out as in the national format's table, not read from the catalogue under test.
/// </summary>
public abstract class DecisionToReportRowTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static readonly DateOnly Arrived = new(2026, 9, 1);
    private static readonly DateOnly DecidedOn = new(2026, 9, 25);

    /// <summary>Table 三's result rows (2021 format), by the decision that is counted in each.</summary>
    private static readonly Dictionary<DecisionType, string> Rows = new()
    {
        [DecisionType.AlreadyPublished] = "granted",
        [DecisionType.Disclosed] = "granted",
        [DecisionType.PartiallyDisclosed] = "partially_granted",
        [DecisionType.WithheldStateSecret] = "withheld_state_secret",
        [DecisionType.WithheldOtherLaw] = "withheld_other_law",
        [DecisionType.WithheldThreeSafetiesOneStability] = "withheld_three_safeties_one_stability",
        [DecisionType.WithheldThirdPartyRights] = "withheld_third_party_rights",
        [DecisionType.WithheldInternalAffairs] = "withheld_internal_affairs",
        [DecisionType.WithheldProcessInformation] = "withheld_process_info",
        [DecisionType.WithheldLawEnforcementFile] = "withheld_law_enforcement_file",
        [DecisionType.WithheldAdministrativeQuery] = "withheld_administrative_query",
        [DecisionType.NotHeld] = "unavailable_not_held",
        [DecisionType.NeedsCreation] = "unavailable_needs_creation",
        [DecisionType.UnclearAfterCorrection] = "unavailable_unclear_after_correction",
        [DecisionType.PetitionOrComplaint] = "not_processed_petition_complaint",
        [DecisionType.RepeatedApplication] = "not_processed_repeated",
        [DecisionType.PublicationRequested] = "not_processed_publication",
        [DecisionType.MassiveOrUnreasonable] = "not_processed_massive_unreasonable",
        [DecisionType.ConfirmOrReissue] = "not_processed_confirm_or_reissue",
        [DecisionType.CorrectionOverdue] = "other_no_correction_overdue",
        [DecisionType.FeeNotPaid] = "other_fee_not_paid",
        [DecisionType.Other] = "other_other",
    };

    [Fact]
    public void Every_decision_of_an_information_disclosure_case_has_its_row_here()
    {
        Assert.Equal(
            DecisionCatalog.For(CaseType.InformationDisclosure).Select(d => d.Type).Order(),
            Rows.Keys.Order());
    }

    [ProviderFact]
    public Task Already_published_counts_as_granted() => ServedAndCountedAsync(DecisionType.AlreadyPublished);

    [ProviderFact]
    public Task Disclosed_counts_as_granted() => ServedAndCountedAsync(DecisionType.Disclosed);

    [ProviderFact]
    public Task Partially_disclosed() => ServedAndCountedAsync(DecisionType.PartiallyDisclosed);

    [ProviderFact]
    public Task Withheld_state_secret() => ServedAndCountedAsync(DecisionType.WithheldStateSecret);

    [ProviderFact]
    public Task Withheld_other_law() => ServedAndCountedAsync(DecisionType.WithheldOtherLaw);

    [ProviderFact]
    public Task Withheld_three_safeties_one_stability() => ServedAndCountedAsync(DecisionType.WithheldThreeSafetiesOneStability);

    [ProviderFact]
    public Task Withheld_third_party_rights() => ServedAndCountedAsync(DecisionType.WithheldThirdPartyRights);

    [ProviderFact]
    public Task Withheld_internal_affairs() => ServedAndCountedAsync(DecisionType.WithheldInternalAffairs);

    [ProviderFact]
    public Task Withheld_process_information() => ServedAndCountedAsync(DecisionType.WithheldProcessInformation);

    [ProviderFact]
    public Task Withheld_law_enforcement_file() => ServedAndCountedAsync(DecisionType.WithheldLawEnforcementFile);

    [ProviderFact]
    public Task Withheld_administrative_query() => ServedAndCountedAsync(DecisionType.WithheldAdministrativeQuery);

    [ProviderFact]
    public async Task Not_held_with_the_holding_agency_stored()
    {
        var record = await ServedAndCountedAsync(DecisionType.NotHeld, holder: "包头市昆都仑区住房和城乡建设局");
        Assert.Equal("包头市昆都仑区住房和城乡建设局", record.HoldingAgency);
        Assert.Contains("该信息由包头市昆都仑区住房和城乡建设局掌握", (await EventsAsync(record.Id)).Single(e => e.Kind == nameof(CaseAction.Decide)).Summary, StringComparison.Ordinal);
    }

    [ProviderFact]
    public Task Needs_creation() => ServedAndCountedAsync(DecisionType.NeedsCreation);

    [ProviderFact]
    public Task Unclear_after_correction() => ServedAndCountedAsync(DecisionType.UnclearAfterCorrection);

    [ProviderFact]
    public Task Petition_or_complaint() => ServedAndCountedAsync(DecisionType.PetitionOrComplaint);

    [ProviderFact]
    public Task Repeated_application() => ServedAndCountedAsync(DecisionType.RepeatedApplication);

    [ProviderFact]
    public Task Publication_requested() => ServedAndCountedAsync(DecisionType.PublicationRequested);

    [ProviderFact]
    public Task Massive_or_unreasonable() => ServedAndCountedAsync(DecisionType.MassiveOrUnreasonable);

    [ProviderFact]
    public Task Confirm_or_reissue() => ServedAndCountedAsync(DecisionType.ConfirmOrReissue);

    [ProviderFact]
    public Task Correction_overdue_by_its_lapse() => ServedAndCountedAsync(DecisionType.CorrectionOverdue);

    [ProviderFact]
    public Task Fee_not_paid_by_its_lapse() => ServedAndCountedAsync(DecisionType.FeeNotPaid);

    [ProviderFact]
    public Task Other_by_withdrawal() => ServedAndCountedAsync(DecisionType.Other);

    [ProviderFact]
    public async Task Decisions_on_a_correction_request_have_no_row_and_a_disclosure_decision_is_refused_on_it()
    {
        foreach (var type in new[] { DecisionType.RecordCorrected, DecisionType.RecordCorrectionForwarded, DecisionType.RecordCorrectionRefused })
        {
            var c = await RegisterAsync(Arrived, type: CaseType.RecordCorrection);
            await StepAsync(c.Id, new AcceptStep());
            var refused = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, DecidedOn, "予以公开。")));
            Assert.Equal(CaseLifecycle.InvalidTransitionCode, refused.Code);
            Assert.Contains("不适用于更正申请", refused.Message, StringComparison.Ordinal);
            await StepAsync(c.Id, new DecideStep(type, DecidedOn, "经核查作出处理。"));
            await StepAsync(c.Id, new ServeStep(DecidedOn, ServiceMethod.Direct));
            var stored = await StoredAsync(c.Id);
            Assert.Equal(CaseState.Served, stored.State);
            Assert.Equal(type, stored.Decision);
            Assert.Null(DecisionCatalog.Of(stored.Decision!.Value).ReportRow);
        }

        // And the other way round: a correction decision does not close an information-disclosure case.
        var disclosure = await RegisterAsync(Arrived);
        await StepAsync(disclosure.Id, new AcceptStep());
        var wrong = await Assert.ThrowsAsync<DomainException>(() => StepAsync(disclosure.Id, new DecideStep(DecisionType.RecordCorrected, DecidedOn, "予以更正。")));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, wrong.Code);
        Assert.Null((await StoredAsync(disclosure.Id)).Decision);
    }

    /// <summary>Intake → steps → the decision (or the lapse or withdrawal that is one) → service; then the row.</summary>
    private async Task<ApplicationRecord> ServedAndCountedAsync(DecisionType type, string? holder = null)
    {
        var c = await RegisterAsync(Arrived, Channel.Online);
        await StepAsync(c.Id, new ConfirmReceiptStep(Arrived));
        DateOnly on;
        switch (type)
        {
            case DecisionType.CorrectionOverdue:
                await StepAsync(c.Id, new RequestCorrectionStep(new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 16), "请写明所需信息的名称或文号。"));
                on = new DateOnly(2026, 9, 17);
                await StepAsync(c.Id, new LapseCorrectionStep(on));
                break;
            case DecisionType.FeeNotPaid:
                await StepAsync(c.Id, new AcceptStep());
                await StepAsync(c.Id, new SendFeeNoticeStep(new DateOnly(2026, 9, 2), Core.Fees.FeeMethod.PerPage, 250));
                on = (await StoredAsync(c.Id)).FeePaymentDeadline!.Value.AddDays(1);
                await StepAsync(c.Id, new LapseFeeStep(on));
                break;
            case DecisionType.Other:
                await StepAsync(c.Id, new AcceptStep());
                on = DecidedOn;
                await StepAsync(c.Id, new WithdrawStep(on, "申请人来电表示已从其他途径获得。"));
                break;
            case DecisionType.UnclearAfterCorrection:
                await StepAsync(c.Id, new RequestCorrectionStep(new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 16), "请写明所需信息的名称或文号。"));
                await StepAsync(c.Id, new ReceiveCorrectionStep(new DateOnly(2026, 9, 10), "要求提供与本人有关的全部文件。"));
                on = DecidedOn;
                await StepAsync(c.Id, new DecideStep(type, on, "补正后申请内容仍不明确，无法提供。"));
                break;
            default:
                await StepAsync(c.Id, new AcceptStep());
                on = DecidedOn;
                await StepAsync(c.Id, new DecideStep(type, on, "答复书已制作。", holder));
                break;
        }

        Assert.Equal(CaseState.Decided, (await StoredAsync(c.Id)).State);
        await StepAsync(c.Id, new ServeStep(on, ServiceMethod.Postal, TrackingNumber: "1234567890123"));
        var record = await StoredAsync(c.Id);
        Assert.Equal(CaseState.Served, record.State);
        Assert.Equal(type, record.Decision);
        Assert.Equal(on, record.Decided);
        Assert.Equal(Rows[type], DecisionCatalog.Of(record.Decision!.Value).ReportRow);
        return record;
    }
}

public sealed class SqliteDecisionToReportRowTests() : DecisionToReportRowTests(DatabaseProvider.Sqlite);

public sealed class PostgresDecisionToReportRowTests() : DecisionToReportRowTests(DatabaseProvider.Postgres);
