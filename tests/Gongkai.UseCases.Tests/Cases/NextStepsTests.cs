using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>The steps offered for a case follow its facts, not only its state; a refused correction changes nothing.</summary>
public abstract class NextStepsTests(DatabaseProvider provider) : CaseWorld(provider)
{
    [ProviderFact]
    public async Task The_offered_steps_follow_the_running_pause_and_the_used_extension()
    {
        var app = await RegisterAsync(new DateOnly(2026, 11, 2));
        await StepAsync(app.Id, new AcceptStep());
        var processing = (await DetailAsync(app.Id)).AllowedActions;
        Assert.Contains(CaseAction.StartConsultation, processing);
        Assert.Contains(CaseAction.Extend, processing);
        Assert.DoesNotContain(CaseAction.EndConsultation, processing);
        Assert.DoesNotContain(CaseAction.RecordPayment, processing);

        await StepAsync(app.Id, new StartConsultationStep(PauseReason.CoMakerConsultation, "区财政局", new DateOnly(2026, 11, 5)));
        var consulting = (await DetailAsync(app.Id)).AllowedActions;
        Assert.Contains(CaseAction.EndConsultation, consulting);
        Assert.DoesNotContain(CaseAction.StartConsultation, consulting);
        Assert.DoesNotContain(CaseAction.Decide, consulting);
        Assert.DoesNotContain(CaseAction.SendFeeNotice, consulting);

        await StepAsync(app.Id, new EndConsultationStep(new DateOnly(2026, 11, 10)));
        await StepAsync(app.Id, new ExtendStep(5, "需要汇总"));
        var extended = (await DetailAsync(app.Id)).AllowedActions;
        Assert.DoesNotContain(CaseAction.Extend, extended);
        Assert.Contains(CaseAction.Decide, extended);

        var history = await EventsAsync(app.Id);
        Assert.Contains("经工作机构负责人陈静同意", history.Single(e => e.Kind == nameof(CaseAction.Extend)).Summary, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task An_extension_and_archiving_recorded_later_keep_the_day_they_happened()
    {
        var app = await RegisterAsync(new DateOnly(2026, 9, 1));
        await StepAsync(app.Id, new AcceptStep());
        var early = await Assert.ThrowsAsync<DomainException>(() => StepAsync(app.Id, new ExtendStep(10, "需调取档案。", new DateOnly(2026, 8, 31))));
        Assert.Contains("不能早于收到申请的日期", early.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DomainException>(() => StepAsync(app.Id, new ExtendStep(10, "需调取档案。", Today.AddDays(1))));
        await StepAsync(app.Id, new ExtendStep(10, "需调取档案。", new DateOnly(2026, 9, 25)));
        await StepAsync(app.Id, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 10, 20), "予以公开"));
        await StepAsync(app.Id, new ServeStep(new DateOnly(2026, 10, 21), ServiceMethod.Direct));
        await Assert.ThrowsAsync<DomainException>(() => StepAsync(app.Id, new ArchiveStep(new DateOnly(2026, 10, 20))));
        await StepAsync(app.Id, new ArchiveStep(new DateOnly(2026, 10, 28)));

        var history = await EventsAsync(app.Id);
        Assert.Equal(new DateOnly(2026, 9, 25), history.Single(e => e.Kind == nameof(CaseAction.Extend)).OnDate);
        Assert.Equal(new DateOnly(2026, 10, 28), history.Single(e => e.Kind == nameof(CaseAction.Archive)).OnDate);
        Assert.Equal(CaseState.Archived, (await StoredAsync(app.Id)).State);
    }

    [ProviderFact]
    public async Task A_refused_correction_of_a_closed_case_changes_nothing()
    {
        var app = await RegisterAsync(new DateOnly(2026, 11, 2));
        await StepAsync(app.Id, new AcceptStep());
        await StepAsync(app.Id, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 11, 20), "予以公开"));
        var before = await StoredAsync(app.Id);
        var version = await VersionAsync(app.Id);

        // The summary change is valid, but naming a holding agency on a disclosure is not: nothing is saved.
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<CorrectClosedApplication, CaseStepResult>(Head, u => u.ExecuteAsync(app.Id, version, new ClosedCaseCorrection
        {
            Reason = "更正",
            DecisionSummary = "予以公开，提供电子版",
            HoldingAgency = "区财政局",
        })));
        var after = await StoredAsync(app.Id);
        Assert.Equal(before.DecisionSummary, after.DecisionSummary);
        Assert.Equal(before.Version, after.Version);
        Assert.DoesNotContain(await EventsAsync(app.Id), e => e.Kind == CaseEvents.RecordCorrected);
    }
}

public sealed class SqliteNextStepsTests() : NextStepsTests(DatabaseProvider.Sqlite);

public sealed class PostgresNextStepsTests() : NextStepsTests(DatabaseProvider.Postgres);
