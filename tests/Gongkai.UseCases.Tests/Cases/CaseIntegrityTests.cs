using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>
/// What must hold whatever people do: closed cases stay closed, history is append-only and honest, repeated and
/// concurrent submits apply once, steps keep the procedure's order, files and text cannot hurt, calendar changes reach
/// open deadlines, and roles and branches bound who does what.
/// </summary>
public abstract class CaseIntegrityTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private static readonly DateOnly Arrived = new(2026, 9, 1);
    private static readonly DateOnly On = new(2026, 9, 25);

    /// <summary>One instance of every step, with plausible facts, to try against a state.</summary>
    private static IReadOnlyDictionary<CaseAction, CaseStep> SampleSteps(int agencyId) => new Dictionary<CaseAction, CaseStep>
    {
        [CaseAction.ConfirmReceipt] = new ConfirmReceiptStep(On),
        [CaseAction.RequestCorrection] = new RequestCorrectionStep(On, On.AddDays(10), "请补充。"),
        [CaseAction.ReceiveCorrection] = new ReceiveCorrectionStep(On),
        [CaseAction.LapseCorrection] = new LapseCorrectionStep(On),
        [CaseAction.AcceptForProcessing] = new AcceptStep(),
        [CaseAction.Assign] = new AssignStep(agencyId),
        [CaseAction.StartConsultation] = new StartConsultationStep(PauseReason.ThirdPartyConsultation, "某公司", On),
        [CaseAction.EndConsultation] = new EndConsultationStep(On),
        [CaseAction.SendFeeNotice] = new SendFeeNoticeStep(On, Core.Fees.FeeMethod.PerPage, 250),
        [CaseAction.RecordPayment] = new RecordPaymentStep(On),
        [CaseAction.LapseFee] = new LapseFeeStep(On),
        [CaseAction.Extend] = new ExtendStep(10, "理由"),
        [CaseAction.SetLongerDeadline] = new LongerDeadlineStep(On.AddDays(90), "理由"),
        [CaseAction.Decide] = new DecideStep(DecisionType.Disclosed, On, "予以公开。"),
        [CaseAction.Serve] = new ServeStep(On, ServiceMethod.Direct),
        [CaseAction.Archive] = new ArchiveStep(),
        [CaseAction.Withdraw] = new WithdrawStep(On),
    };

    private async Task<ApplicationRecord> DecidedAsync(DecisionType decision = DecisionType.Disclosed)
    {
        var c = await RegisterAsync(Arrived);
        await StepAsync(c.Id, new AcceptStep());
        await StepAsync(c.Id, new DecideStep(decision, On, "予以公开，随答复书提供文件复印件。"));
        return c;
    }

    [ProviderFact]
    public async Task A_closed_case_takes_only_service_then_archiving_and_nothing_after()
    {
        var c = await DecidedAsync();
        var steps = SampleSteps(await AgencyIdAsync(Education));
        var expectedNext = new Dictionary<CaseState, CaseAction?> { [CaseState.Decided] = CaseAction.Serve, [CaseState.Served] = CaseAction.Archive, [CaseState.Archived] = null };
        Assert.Equal(steps.Keys.Order(), Enum.GetValues<CaseAction>().Order());
        foreach (var (state, next) in expectedNext)
        {
            Assert.Equal(state, (await StoredAsync(c.Id)).State);
            Assert.Equal(next is { } n ? [n] : [], CaseLifecycle.Allowed(state));
            foreach (var (action, step) in steps.Where(s => s.Key != next))
            {
                var version = await VersionAsync(c.Id);
                var refused = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, step));
                Assert.True(refused.Code == CaseLifecycle.InvalidTransitionCode, $"{state} × {action}: {refused.Code} {refused.Message}");
                Assert.Equal(version, await VersionAsync(c.Id));
            }

            if (next is { } allowed)
            {
                await StepAsync(c.Id, steps[allowed]);
            }
        }

        var archived = await StoredAsync(c.Id);
        Assert.Equal(DecisionType.Disclosed, archived.Decision);
        Assert.Equal(On, archived.Served);
    }

    [ProviderFact]
    public async Task Only_an_office_head_corrects_a_closed_case_and_the_history_shows_before_and_after()
    {
        var c = await DecidedAsync();
        var change = new ClosedCaseCorrection { Reason = "答复类型登记错误，实际为部分公开。", Decision = DecisionType.PartiallyDisclosed };
        foreach (var user in new[] { "jyj-cb", "jyj-sh", "gkb" })
        {
            var version = await VersionAsync(c.Id);
            var refused = await Assert.ThrowsAsync<DomainException>(() => AsStaff<CorrectClosedApplication, CaseStepResult>(user, u => u.ExecuteAsync(c.Id, version, change)));
            Assert.Equal(StaffContext.ForbiddenCode, refused.Code);
        }

        Assert.Equal(DecisionType.Disclosed, (await StoredAsync(c.Id)).Decision);
        var before = await VersionAsync(c.Id);
        var result = await AsStaff<CorrectClosedApplication, CaseStepResult>(Head, u => u.ExecuteAsync(c.Id, before, change));
        Assert.Equal(before + 1, result.Version);
        var stored = await StoredAsync(c.Id);
        Assert.Equal(DecisionType.PartiallyDisclosed, stored.Decision);
        var entry = (await EventsAsync(c.Id))[^1];
        Assert.Equal(CaseEvents.RecordCorrected, entry.Kind);
        Assert.Equal("陈静", entry.Actor);
        Assert.Contains("答复类型由“予以公开”改为“部分公开（区分处理）”", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("答复类型登记错误", entry.Summary, StringComparison.Ordinal);
        Assert.False(entry.VisibleToApplicant);
    }

    [ProviderFact]
    public async Task A_step_submitted_twice_with_the_same_request_key_is_applied_once()
    {
        var c = await RegisterAsync(Arrived);
        var version = await VersionAsync(c.Id);
        var first = await AsStaff<PerformCaseStep, CaseStepResult>(Head, u => u.ExecuteAsync(c.Id, version, new AcceptStep(), "form-7f3a"));
        var again = await AsStaff<PerformCaseStep, CaseStepResult>(Head, u => u.ExecuteAsync(c.Id, version, new AcceptStep(), "form-7f3a"));
        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(CaseState.Processing, again.State);
        Assert.Equal(version + 1, await VersionAsync(c.Id));
        Assert.Single(await EventsAsync(c.Id), e => e.Kind == nameof(CaseAction.AcceptForProcessing));
    }

    [ProviderFact]
    public async Task The_same_intake_key_gives_one_case_for_staff_and_for_the_public_form()
    {
        var cases = await QueryAsync(db => db.Applications.CountAsync()); // the demo's applications
        var registered = await QueryAsync(db => db.ApplicationEvents.CountAsync(e => e.Kind == CaseEvents.Registered));
        var first = await IntakeAsync(Arrived, key: "intake-1");
        var again = await IntakeAsync(Arrived, key: "intake-1");
        Assert.False(first.Repeated);
        Assert.True(again.Repeated);
        Assert.Equal(first.Application.Id, again.Application.Id);
        Assert.Equal(first.QueryCode, again.QueryCode);

        var input = await InputAsync(Today, Channel.Online);
        var submitted = await UseCase<SubmitApplication, IntakeResult>(u => u.ExecuteAsync(input, [], "portal-form-1"));
        var resubmitted = await UseCase<SubmitApplication, IntakeResult>(u => u.ExecuteAsync(input, [], "portal-form-1"));
        Assert.True(resubmitted.Repeated);
        Assert.Equal(submitted.Application.Id, resubmitted.Application.Id);
        Assert.Equal(submitted.QueryCode, resubmitted.QueryCode);
        Assert.Equal(cases + 2, await QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(registered + 2, await QueryAsync(db => db.ApplicationEvents.CountAsync(e => e.Kind == CaseEvents.Registered)));
    }

    [ProviderFact]
    public async Task A_step_on_a_stale_page_is_refused_naming_who_changed_the_case()
    {
        var c = await RegisterAsync(Arrived);
        var seen = await VersionAsync(c.Id); // both people open the case at version N
        await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(c.Id, seen, new AcceptStep()));
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<PerformCaseStep, CaseStepResult>(Head, u => u.ExecuteAsync(c.Id, seen, new WithdrawStep(On))));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);
        Assert.Contains("由张敏办理过", stale.Message, StringComparison.Ordinal);
        Assert.Contains("办理中", stale.Message, StringComparison.Ordinal);
        Assert.Contains("请刷新页面", stale.Message, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(c.Id)).Decision);
    }

    [ProviderFact]
    public async Task Two_different_steps_racing_on_the_same_version_apply_exactly_once()
    {
        for (var round = 0; round < 3; round++)
        {
            var c = await RegisterAsync(Arrived);
            await StepAsync(c.Id, new AcceptStep());
            var seen = await VersionAsync(c.Id);
            var outcomes = await Task.WhenAll(
                Outcome(() => AsStaff<PerformCaseStep, CaseStepResult>(Head, u => u.ExecuteAsync(c.Id, seen, new ExtendStep(10, "需调取档案。")))),
                Outcome(() => AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(c.Id, seen, new StartConsultationStep(PauseReason.ThirdPartyConsultation, "某公司", On)))));
            Assert.Single(outcomes, o => o is null);
            Assert.Single(outcomes, o => o == CaseHistory.ConcurrentChangeCode);
            var stored = await StoredAsync(c.Id);
            Assert.Equal(seen + 1, stored.Version);
            Assert.True((stored.ExtensionWorkingDays == 10) ^ (stored.Pauses.Count == 1));
            Assert.Equal(3, (await EventsAsync(c.Id)).Count);
        }

        static async Task<string?> Outcome(Func<Task> step)
        {
            try
            {
                await step();
                return null;
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }
    }

    [ProviderFact]
    public async Task Steps_out_of_order_are_refused_in_chinese()
    {
        var online = await RegisterAsync(Arrived, Channel.Online);
        var decide = await Assert.ThrowsAsync<DomainException>(() => StepAsync(online.Id, new DecideStep(DecisionType.Disclosed, On, "予以公开。")));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, decide.Code);
        Assert.Contains("申请当前处于“已登记，待确认”状态，不能作出答复决定", decide.Message, StringComparison.Ordinal);
        Assert.Contains("确认收到申请", decide.Message, StringComparison.Ordinal);

        var received = await RegisterAsync(Arrived);
        var serve = await Assert.ThrowsAsync<DomainException>(() => StepAsync(received.Id, new ServeStep(On, ServiceMethod.Direct)));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, serve.Code);
        Assert.Contains("不能登记送达", serve.Message, StringComparison.Ordinal);
        var pay = await Assert.ThrowsAsync<DomainException>(() => StepAsync(received.Id, new RecordPaymentStep(On)));
        Assert.Equal(CaseLifecycle.InvalidTransitionCode, pay.Code);
        Assert.Equal(1, await VersionAsync(received.Id));
    }

    [ProviderFact]
    public async Task Hostile_text_in_steps_is_stored_verbatim()
    {
        const string Script = "<script>alert('x')</script>";
        const string Sql = "'); DELETE FROM applications; --";
        var before = await QueryAsync(db => db.Applications.CountAsync());
        var c = await RegisterAsync(Arrived);
        await StepAsync(c.Id, new RequestCorrectionStep(On.AddDays(-20), On, Sql));
        await StepAsync(c.Id, new ReceiveCorrectionStep(On.AddDays(-15), Script));
        await StepAsync(c.Id, new StartConsultationStep(PauseReason.ThirdPartyConsultation, Script, On.AddDays(-14)));
        await StepAsync(c.Id, new EndConsultationStep(On.AddDays(-5), Opinion: Sql));
        await StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, On, Sql));
        var stored = await StoredAsync(c.Id);
        Assert.Equal(Sql, stored.CorrectionPoints);
        Assert.Equal(Script, stored.CorrectionReply);
        Assert.Equal(Sql, stored.DecisionSummary);
        Assert.Equal(Script, Assert.Single(stored.Pauses).Party);
        var events = await EventsAsync(c.Id);
        Assert.Contains(events, e => e.Summary.Contains("向" + Script + "发出征求意见函", StringComparison.Ordinal));
        Assert.Contains(events, e => e.Summary.Contains(Sql, StringComparison.Ordinal));
        Assert.Equal(before + 1, await QueryAsync(db => db.Applications.CountAsync()));
    }

    [ProviderFact]
    public async Task Malformed_or_oversized_attachments_leave_no_file_and_no_row()
    {
        var input = await InputAsync(Today, Channel.InPerson);
        var before = await QueryAsync(db => db.Applications.CountAsync()); // the demo's applications, without files
        var filesBefore = StoredFiles(); // the demo government's seal image
        var cases = new[]
        {
            ("not a pdf", new[] { Upload("申请.pdf", Encoding.UTF8.GetBytes("<html>not a pdf</html>")) }),
            ("too large", new[] { Upload("扫描件.pdf", [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[AttachmentRules.MaxBytes]]) }),
            ("empty", new[] { Upload("空.png", []) }),
            ("wrong type", new[] { Upload("run.exe", "MZ"u8.ToArray()) }),
            ("one good, one bad", new[] { Upload("好.pdf", "%PDF-1.4 ok"u8.ToArray()), Upload("坏.docx", "%PDF-1.4"u8.ToArray()) }),
        };
        foreach (var (what, files) in cases)
        {
            var staff = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<RegisterApplication, IntakeResult>(Head, u => u.ExecuteAsync(input, files, null)));
            Assert.True(staff.Errors.ContainsKey("Attachments"), what);
            var portal = await Assert.ThrowsAsync<ValidationFailedException>(() => UseCase<SubmitApplication, IntakeResult>(u => u.ExecuteAsync(input, files, "form-" + what)));
            Assert.True(portal.Errors.ContainsKey("Attachments"), what);
        }

        Assert.Equal(filesBefore, StoredFiles());
        Assert.Equal(before, await QueryAsync(db => db.Applications.CountAsync()));
        Assert.False(await QueryAsync(db => db.ApplicationAttachments.AnyAsync()));

        // The check is real: a good file is stored, with its row.
        await AsStaff<RegisterApplication, IntakeResult>(Head, u => u.ExecuteAsync(input, [Upload("好.pdf", "%PDF-1.4 ok"u8.ToArray())], null));
        Assert.Single(StoredFiles().Except(filesBefore));
        Assert.Equal(1, await QueryAsync(db => db.ApplicationAttachments.CountAsync()));
    }

    [ProviderFact]
    public async Task The_case_history_table_rejects_update_and_delete()
    {
        var c = await RegisterAsync(Arrived);
        var count = await QueryAsync(db => db.ApplicationEvents.CountAsync());
        var update = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE application_events SET \"Summary\" = 'forged'")));
        Assert.NotNull(update);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        var delete = await Record.ExceptionAsync(() => QueryAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM application_events")));
        Assert.NotNull(delete);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        var events = await EventsAsync(c.Id);
        Assert.Single(events);
        Assert.NotEqual("forged", events[0].Summary);
        Assert.Equal(count, await QueryAsync(db => db.ApplicationEvents.CountAsync()));
    }

    [ProviderFact]
    public async Task A_calendar_reload_that_moves_a_day_in_an_open_window_recomputes_the_due_date_for_the_applicant_to_see()
    {
        var open = await IntakeAsync(new DateOnly(2026, 9, 18));
        Assert.Equal(new DateOnly(2026, 10, 22), open.Application.DueDate);
        var served = await RegisterAsync(new DateOnly(2026, 9, 18));
        await StepAsync(served.Id, new AcceptStep());
        await StepAsync(served.Id, new DecideStep(DecisionType.Disclosed, new DateOnly(2026, 9, 30), "予以公开。"));
        await StepAsync(served.Id, new ServeStep(new DateOnly(2026, 9, 30), ServiceMethod.Direct));

        // A (fictional) revised notice makes Friday 2026-10-09 a day off.
        var json = JsonNode.Parse(Fixtures.Read("holiday-cn/2026.json"))!;
        json["days"]!.AsArray().Add(new JsonObject { ["name"] = "国庆节", ["date"] = "2026-10-09", ["isOffDay"] = true });
        var result = await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(json.ToJsonString(), "2026-revised.json"), "系统管理员");
        Assert.Equal(CalendarImportOutcome.Reloaded, result.Outcome);

        await AssertDueAsync(open.Application.Id, new DateOnly(2026, 10, 23), "after the reload");
        var entry = (await EventsAsync(open.Application.Id))[^1];
        Assert.Equal(CaseEvents.CalendarRecomputed, entry.Kind);
        Assert.Equal(new DateOnly(2026, 10, 22), entry.DueBefore);
        Assert.True(entry.VisibleToApplicant);
        var tracked = await UseCase<TrackApplication, TrackedApplication>(u => u.ExecuteAsync(open.Application.CaseNumber, open.QueryCode));
        Assert.Contains(tracked.Steps, s => s.Summary.Contains("由 2026-10-22 调整为 2026-10-23", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 10, 23), tracked.Deadline!.Due.Date);

        // A served case is history: its record is not rewritten.
        Assert.DoesNotContain(await EventsAsync(served.Id), e => e.Kind == CaseEvents.CalendarRecomputed);
    }

    [ProviderFact]
    public async Task A_deadline_in_a_year_without_a_calendar_is_provisional_until_the_year_is_loaded()
    {
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 2, 0, 0, TimeSpan.Zero));
        var c = await RegisterAsync(new DateOnly(2026, 12, 28));
        var provisional = (await DetailAsync(c.Id)).Deadline!;
        Assert.True(provisional.IsProvisional);
        Assert.Contains(2027, provisional.Due.MissingYears);
        Assert.Equal(new DateOnly(2027, 1, 25), provisional.Due.Date); // provisional 2027: Mon–Fri, so 3 days of 2026 and 17 of 2027
        Assert.Equal(provisional.Due.Date, (await StoredAsync(c.Id)).DueDate);

        var year2027 = new CalendarYear(2027, ["https://example.gov.cn/2027-notice（测试用，虚构）"], [new CalendarDay(new DateOnly(2027, 1, 1), "元旦", true)]);
        await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(year2027, "2027.json"), "系统管理员");

        await AssertDueAsync(c.Id, new DateOnly(2027, 1, 26), "2027 loaded");
        var entry = (await EventsAsync(c.Id))[^1];
        Assert.Equal(CaseEvents.CalendarRecomputed, entry.Kind);
        Assert.Contains("2027 年工作日历已导入", entry.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 25), entry.DueBefore);
    }

    [ProviderFact]
    public async Task A_clerk_cannot_decide_or_extend_and_an_office_head_can()
    {
        var c = await RegisterAsync(Arrived, user: "jyj-cb");
        await StepAsync(c.Id, new AcceptStep(), "jyj-cb");
        foreach (var step in new CaseStep[] { new ExtendStep(10, "需调取档案。"), new DecideStep(DecisionType.Disclosed, On, "予以公开。"), new SendFeeNoticeStep(On, Core.Fees.FeeMethod.PerPage, 250) })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, step, "jyj-cb"));
            Assert.Equal(StaffContext.ForbiddenCode, refused.Code);
        }

        Assert.Equal(0, (await StoredAsync(c.Id)).ExtensionWorkingDays);
        await StepAsync(c.Id, new ExtendStep(10, "需调取档案。"), Head);
        await StepAsync(c.Id, new DecideStep(DecisionType.Disclosed, On, "予以公开。"), Head);
        var stored = await StoredAsync(c.Id);
        Assert.Equal(10, stored.ExtensionWorkingDays);
        Assert.Equal("陈静", stored.ExtensionApprover);
        Assert.Equal(DecisionType.Disclosed, stored.Decision);
    }

    [ProviderFact]
    public async Task Another_branch_finds_no_such_case()
    {
        var c = await RegisterAsync(Arrived);
        var see = await Assert.ThrowsAsync<DomainException>(() => DetailAsync(c.Id, "zt-cb"));
        Assert.Equal(StaffContext.NotFoundCode, see.Code);
        var act = await Assert.ThrowsAsync<DomainException>(() => StepAsync(c.Id, new AcceptStep(), "zt-cb"));
        Assert.Equal(StaffContext.NotFoundCode, act.Code);
        Assert.Equal(CaseState.UnderReview, (await StoredAsync(c.Id)).State);
        Assert.Equal(Education, (await DetailAsync(c.Id, "gkb")).AgencyName); // the district's office sees its subtree
    }

    [ProviderFact]
    public async Task A_case_is_assigned_only_within_the_receiving_agencys_subtree()
    {
        var sibling = await AgencyIdAsync("包头市昆都仑区民政局");
        var own = await RegisterAsync(Arrived);
        await StepAsync(own.Id, new AcceptStep());
        var refused = await Assert.ThrowsAsync<DomainException>(() => StepAsync(own.Id, new AssignStep(sibling)));
        Assert.Equal(ValidationFailedException.ErrorCode, refused.Code);
        Assert.Contains("下属单位", refused.Message, StringComparison.Ordinal);
        Assert.Null((await StoredAsync(own.Id)).AssignedAgencyId);
        await Assert.ThrowsAsync<DomainException>(() => DetailAsync(own.Id, "mzj-cb"));

        var district = await RegisterAsync(Arrived, user: "gkb", agency: DemoAgencies.DistrictGovernment);
        await StepAsync(district.Id, new AcceptStep(), "gkb");
        await StepAsync(district.Id, new AssignStep(sibling), "gkb");
        Assert.Equal(sibling, (await StoredAsync(district.Id)).AssignedAgencyId);
        Assert.Equal("包头市昆都仑区民政局", (await DetailAsync(district.Id, "mzj-cb")).AssignedAgencyName);
    }

    [ProviderFact]
    public async Task Tracking_needs_the_right_code_and_shows_only_the_steps_meant_for_the_applicant()
    {
        var intake = await IntakeAsync(Arrived);
        var id = intake.Application.Id;
        await StepAsync(id, new AcceptStep());
        await StepAsync(id, new AssignStep(await AgencyIdAsync(Education)));
        await StepAsync(id, new DecideStep(DecisionType.Disclosed, On, "予以公开。"));
        await StepAsync(id, new ServeStep(On, ServiceMethod.Direct));
        await StepAsync(id, new ArchiveStep());

        var wrong = intake.QueryCode == "23456789" ? "98765432" : "23456789";
        foreach (var (number, code) in new[] { (intake.Application.CaseNumber, wrong), (intake.Application.CaseNumber, string.Empty), ("区教育局依申〔2026〕999号", intake.QueryCode) })
        {
            var missing = await Assert.ThrowsAsync<DomainException>(() => UseCase<TrackApplication, TrackedApplication>(u => u.ExecuteAsync(number, code)));
            Assert.Equal(StaffContext.NotFoundCode, missing.Code);
            Assert.Equal(TrackApplication.NotFoundMessage, missing.Message);
        }

        var typed = string.Join("-", intake.QueryCode.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var tracked = await UseCase<TrackApplication, TrackedApplication>(u => u.ExecuteAsync(intake.Application.CaseNumber, typed));
        var events = await EventsAsync(id);
        Assert.Equal(6, events.Count);
        Assert.Equal(events.Where(e => e.VisibleToApplicant).Select(e => e.Summary), tracked.Steps.Select(s => s.Summary));
        Assert.Equal(4, tracked.Steps.Count);
        Assert.DoesNotContain(tracked.Steps, s => s.Summary.Contains("指派", StringComparison.Ordinal) || s.Summary.Contains("归档", StringComparison.Ordinal));
        Assert.Equal(CaseState.Archived, tracked.State);
    }

    private static UploadedFile Upload(string name, byte[] content) => new(name, "application/octet-stream", new MemoryStream(content));

    private string[] StoredFiles()
    {
        var root = Path.Combine(Database.DataDirectory, "files");
        return Directory.Exists(root) ? [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}

public sealed class SqliteCaseIntegrityTests() : CaseIntegrityTests(DatabaseProvider.Sqlite);

public sealed class PostgresCaseIntegrityTests() : CaseIntegrityTests(DatabaseProvider.Postgres);
