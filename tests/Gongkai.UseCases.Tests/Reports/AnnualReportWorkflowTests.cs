using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Reports;
using Gongkai.UseCases.Tests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Reports;

/// <summary>
/// The report workflow of a unit: 区教育局 writes its 2025 report, submits it to the district's 政务公开办, gets it back
/// with a comment, resubmits, is accepted and published; the published report is locked and corrected by a new
/// edition. Roles, request keys and stale pages are checked on the way.
/// </summary>
public abstract class AnnualReportWorkflowTests(DatabaseProvider provider) : CaseWorld(provider)
{
    private const string Clerk = "jyj-cb";
    private const string Office = "gkb";

    private static readonly ReportText Text = new(
        null,
        "（一）主动公开情况\n区教育局公开了招生入学政策。\n（二）依申请公开情况\n2025年，区教育局新收政府信息公开申请0件，上年结转0件，0件结转下年度继续办理。",
        "（一）存在的主要问题\n政策解读不够通俗。\n（二）改进情况\n增加问答式解读。",
        "2025年，区教育局未收取信息处理费。");

    [ProviderFact]
    public async Task A_report_goes_from_draft_through_return_and_resubmission_to_publication_and_is_then_locked()
    {
        var education = await AgencyIdAsync(Education);
        var id = await AsStaff<OpenAnnualReport, int>(Clerk, u => u.ExecuteAsync(education, 2025));
        Assert.Equal(id, await AsStaff<OpenAnnualReport, int>(Clerk, u => u.ExecuteAsync(education, 2025)));
        var notOver = await Assert.ThrowsAsync<DomainException>(() => AsStaff<OpenAnnualReport, int>(Clerk, u => u.ExecuteAsync(education, 2026)));
        Assert.Contains("尚未结束", notOver.Message, StringComparison.Ordinal);

        // Another branch does not even see it; a clerk cannot review.
        var hidden = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetAnnualReport, AnnualReportDetail>("zt-cb", u => u.ExecuteAsync(id)));
        Assert.Equal("not_found", hidden.Code);
        var draft = await AsStaff<GetAnnualReport, AnnualReportDetail>(Clerk, u => u.ExecuteAsync(id));
        Assert.True(draft.CanEdit);
        Assert.False(draft.CanReview);
        Assert.Equal(new DateOnly(2026, 1, 31), draft.Record.Deadline);
        Assert.Equal("包头市昆都仑区人民政府", draft.ReviewOfficeName);

        // An empty section stops the submission; the drafted text is there to complete.
        var empty = await AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text with { Problems = "  " }, draft.Record.Version));
        var refused = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, empty)));
        Assert.Contains("五、存在的主要问题及改进情况", refused.Message, StringComparison.Ordinal);

        var saved = await AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text, empty));
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text, empty)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);

        // A double submit records one step.
        var submitted = await AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, saved, "submit-1"));
        Assert.Equal(submitted, await AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, saved, "submit-1")));
        var cannotAccept = await Assert.ThrowsAsync<DomainException>(() => AsStaff<AcceptAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, null, submitted)));
        Assert.Equal("forbidden", cannotAccept.Code);
        var locked = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text, submitted)));
        Assert.Equal(ReportRules.StateCode, locked.Code);

        // Returned with a comment (required), corrected and resubmitted.
        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<ReturnAnnualReport, int>(Office, u => u.ExecuteAsync(id, " ", submitted)));
        var returned = await AsStaff<ReturnAnnualReport, int>(Office, u => u.ExecuteAsync(id, "请补充上一年度问题的整改情况。", submitted));
        var back = await AsStaff<GetAnnualReport, AnnualReportDetail>(Clerk, u => u.ExecuteAsync(id));
        Assert.Equal(AnnualReportStatus.Returned, back.Record.Status);
        Assert.Equal("请补充上一年度问题的整改情况。", back.Record.ReturnComment);
        var again = await AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text with { Problems = Text.Problems + "\n上年问题已整改。" }, returned));
        again = await AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, again));

        // Accepted and published; nobody can publish before acceptance or on a future date.
        var early = await Assert.ThrowsAsync<DomainException>(() => AsStaff<PublishAnnualReport, int>(Office, u => u.ExecuteAsync(id, again)));
        Assert.Equal(ReportRules.StateCode, early.Code);
        var accepted = await AsStaff<AcceptAnnualReport, int>(Office, u => u.ExecuteAsync(id, "同意。", again));
        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<PublishAnnualReport, int>(Office, u => u.ExecuteAsync(id, accepted, Today.AddDays(1))));
        var published = await AsStaff<PublishAnnualReport, int>(Office, u => u.ExecuteAsync(id, accepted, new DateOnly(2026, 1, 20)));
        var done = await AsStaff<GetAnnualReport, AnnualReportDetail>(Office, u => u.ExecuteAsync(id));
        Assert.Equal(AnnualReportStatus.Published, done.Record.Status);
        Assert.False(done.IsLate);
        Assert.Equal(
            [ReportActions.Created, ReportActions.Saved, ReportActions.Saved, ReportActions.Submitted, ReportActions.Returned, ReportActions.Saved, ReportActions.Submitted, ReportActions.Accepted, ReportActions.Published],
            done.History.Select(h => h.Action));
        Assert.Contains(done.History, h => h is { Action: ReportActions.Returned, Actor: "王芳", Comment: "请补充上一年度问题的整改情况。" });
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text, published)));

        // The public sees it; the board shows it on time and the other units late.
        var list = await UseCase<ListPublishedReports, IReadOnlyList<PublicReportEntry>>(u => u.ExecuteAsync(2025));
        Assert.Equal(id, Assert.Single(list).Id);
        var board = await AsStaff<GetReportBoard, ReportBoard>(Office, u => u.ExecuteAsync(2025));
        var row = board.Rows.Single(r => r.AgencyId == education);
        Assert.Equal(AnnualReportStatus.Published, row.Status);
        Assert.False(row.IsLate);
        Assert.All(board.Rows.Where(r => r.AgencyId != education && r.Kind != Data.Agencies.AgencyKind.Government), r => Assert.True(r.IsLate && r.Status is null, r.AgencyName));
        Assert.Equal(new DateOnly(2026, 3, 31), board.Rows.Single(r => r.Kind == Data.Agencies.AgencyKind.Government).Deadline);
    }

    [ProviderFact]
    public async Task A_correction_is_a_new_edition_that_replaces_the_published_one_only_when_it_is_published()
    {
        var education = await AgencyIdAsync(Education);
        var first = await PublishedAsync(education);
        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CorrectAnnualReport, int>(Office, u => u.ExecuteAsync(first, "")));
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<CorrectAnnualReport, int>(Clerk, u => u.ExecuteAsync(first, "表述有误")));
        var second = await AsStaff<CorrectAnnualReport, int>(Office, u => u.ExecuteAsync(first, "第五部分表述有误", "correct-1"));
        Assert.Equal(second, await AsStaff<CorrectAnnualReport, int>(Office, u => u.ExecuteAsync(first, "第五部分表述有误", "correct-1")));
        Assert.NotEqual(first, second);

        // Until the correction is published, the first edition is the public one.
        Assert.Equal(first, Assert.Single(await UseCase<ListPublishedReports, IReadOnlyList<PublicReportEntry>>(u => u.ExecuteAsync(2025))).Id);
        var version = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == second).Select(r => r.Version).SingleAsync());
        version = await AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(second, Text with { Problems = Text.Problems + "（已更正）" }, version));
        version = await AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(second, version));
        version = await AsStaff<AcceptAnnualReport, int>(Office, u => u.ExecuteAsync(second, null, version));
        await AsStaff<PublishAnnualReport, int>(Office, u => u.ExecuteAsync(second, version));

        var entry = Assert.Single(await UseCase<ListPublishedReports, IReadOnlyList<PublicReportEntry>>(u => u.ExecuteAsync(2025)));
        Assert.Equal((second, 2, true), (entry.Id, entry.Edition, entry.Corrected));
        var old = await UseCase<GetPublishedReport, PublicReport>(u => u.ExecuteAsync(first));
        Assert.Equal(AnnualReportStatus.Superseded, old.Status);
        Assert.Equal("第五部分表述有误", old.Editions.Single(e => e.Edition == 2).CorrectionReason);

        // The board counts the first publication date for lateness (a correction does not make a report late).
        var row = (await AsStaff<GetReportBoard, ReportBoard>(Office, u => u.ExecuteAsync(2025))).Rows.Single(r => r.AgencyId == education);
        Assert.False(row.IsLate);
        Assert.Equal(2, row.Edition);
    }

    [ProviderFact]
    public async Task Figures_are_checked_field_by_field_and_flow_into_table_2_and_the_draft()
    {
        var education = await AgencyIdAsync(Education);
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SaveReportFigures, int>(Clerk, u => u.ExecuteAsync(education, 2025, new ReportFiguresInput
        {
            AdministrativeLicensing = "-3",
            AdministrativeFees = "12.1234567",
            ItemsPublished = "10",
            KeyAreaItems = "11",
        }, 0)));
        Assert.Contains("整数", bad.Errors[nameof(ReportFiguresInput.AdministrativeLicensing)], StringComparison.Ordinal);
        Assert.Contains("万元", bad.Errors[nameof(ReportFiguresInput.AdministrativeFees)], StringComparison.Ordinal);
        Assert.Contains("重点领域", bad.Errors[nameof(ReportFiguresInput.KeyAreaItems)], StringComparison.Ordinal);

        var version = await AsStaff<SaveReportFigures, int>(Clerk, u => u.ExecuteAsync(education, 2025, new ReportFiguresInput
        {
            NormativeDocumentsIssued = "２",
            AdministrativeLicensing = "1,204",
            AdministrativeFees = "3.50",
            ItemsPublished = "420",
            KeyAreaItems = "37",
        }, 0));
        Assert.Equal(1, version);
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveReportFigures, int>(Clerk, u => u.ExecuteAsync(education, 2025, new ReportFiguresInput(), 0)));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);

        var id = await AsStaff<OpenAnnualReport, int>(Clerk, u => u.ExecuteAsync(education, 2025));
        var detail = await AsStaff<GetAnnualReport, AnnualReportDetail>(Clerk, u => u.ExecuteAsync(id));
        var t2 = detail.Report.Table2Of2021!;
        Assert.Equal((2L, 1204L, 3.50m, "3.50"), (t2.NormativeDocuments.Issued!.Value, t2.AdministrativeLicensing!.Value, t2.AdministrativeFees.Value!.Value, t2.AdministrativeFees.Text));
        Assert.Null(t2.AdministrativePenalty);
        Assert.Contains("主动公开政府信息420条，其中重点领域信息37条", detail.Report.Sections["一"], StringComparison.Ordinal);
        Assert.Equal(420, detail.Figures!.ItemsPublished);
    }

    [ProviderFact]
    public async Task Deadlines_are_data_with_the_statutory_defaults()
    {
        var district = await AgencyIdAsync("包头市昆都仑区人民政府");
        var zhaotan = await AgencyIdAsync("包头市昆都仑区沼潭街道办事处");
        var id = await AsStaff<OpenAnnualReport, int>("zt-cb", u => u.ExecuteAsync(zhaotan, 2024));
        Assert.Equal(new DateOnly(2025, 1, 31), (await AsStaff<GetAnnualReport, AnnualReportDetail>("zt-cb", u => u.ExecuteAsync(id))).Record.Deadline);

        // The district's office sets 街道 to 20 January; 2024's deadline for a new report follows the rule.
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<SaveReportDeadline, bool>("zt-cb", async u => { await u.ExecuteAsync(district, Data.Agencies.AgencyKind.Subdistrict, 1, 20, false, null); return true; }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<SaveReportDeadline, bool>(Office, async u => { await u.ExecuteAsync(district, Data.Agencies.AgencyKind.Subdistrict, 2, 30, false, null); return true; }));
        await AsStaff<SaveReportDeadline, bool>(Office, async u => { await u.ExecuteAsync(district, Data.Agencies.AgencyKind.Subdistrict, 1, 20, true, "区政务公开办通知"); return true; });
        var board = await AsStaff<GetReportBoard, ReportBoard>(Office, u => u.ExecuteAsync(2024));
        // 2025-01-20 is a Monday: a working day, so the shift keeps it.
        Assert.Equal(new DateOnly(2025, 1, 20), board.Rows.Single(r => r.AgencyId == zhaotan).Deadline);
        Assert.Equal(new DateOnly(2025, 1, 31), board.Rows.First(r => r.Kind == Data.Agencies.AgencyKind.Department).Deadline);
        var rules = await AsStaff<ListReportDeadlines, IReadOnlyList<ReportDeadlineRule>>(Office, u => u.ExecuteAsync());
        Assert.Equal("区政务公开办通知", Assert.Single(rules).Note);

        // A rule falling on a rest day moves to the next working day when asked: 2026-01-31 is a Saturday.
        await AsStaff<SaveReportDeadline, bool>(Office, async u => { await u.ExecuteAsync(district, Data.Agencies.AgencyKind.Subdistrict, 1, 31, true, null); return true; });
        board = await AsStaff<GetReportBoard, ReportBoard>(Office, u => u.ExecuteAsync(2025));
        Assert.Equal(new DateOnly(2026, 2, 2), board.Rows.Single(r => r.AgencyId == zhaotan).Deadline);
    }

    private async Task<int> PublishedAsync(int agency)
    {
        var id = await AsStaff<OpenAnnualReport, int>(Clerk, u => u.ExecuteAsync(agency, 2025));
        var version = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        version = await AsStaff<SaveAnnualReportDraft, int>(Clerk, u => u.ExecuteAsync(id, Text, version));
        version = await AsStaff<SubmitAnnualReport, int>(Clerk, u => u.ExecuteAsync(id, version));
        version = await AsStaff<AcceptAnnualReport, int>(Office, u => u.ExecuteAsync(id, null, version));
        await AsStaff<PublishAnnualReport, int>(Office, u => u.ExecuteAsync(id, version, new DateOnly(2026, 1, 20)));
        return id;
    }
}

public sealed class SqliteAnnualReportWorkflowTests() : AnnualReportWorkflowTests(DatabaseProvider.Sqlite);

public sealed class PostgresAnnualReportWorkflowTests() : AnnualReportWorkflowTests(DatabaseProvider.Postgres);
