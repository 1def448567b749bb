using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Validation;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>The shared steps of the report use cases: loading, validating, recording a workflow step.</summary>
public sealed class ReportStore(GongkaiDbContext db, StaffContext staff, AgencyClock clock, CalendarProvider calendars)
{
    public GongkaiDbContext Db => db;

    public StaffContext Staff => staff;

    public AgencyClock Clock => clock;

    public async Task<AnnualReportRecord> LoadAsync(int id, CancellationToken ct)
    {
        var record = await db.AnnualReports.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该年度报告，或您无权查看。");
        staff.EnsureCanSee(record.AgencyId);
        return record;
    }

    public static AnnualReport Read(AnnualReportRecord record) => ReportJson.Read(record.Content);

    public async Task<DateOnly> DeadlineAsync(AgencyTree tree, int agencyId, int year, CancellationToken ct) =>
        (await DeadlinesAsync(tree, ct))(agencyId, year);

    /// <summary>Reads the deadline rules and the calendar once; the function gives any unit's deadline on a year.</summary>
    public async Task<Func<int, int, DateOnly>> DeadlinesAsync(AgencyTree tree, CancellationToken ct)
    {
        Core.Calendar.WorkingDayCalendar? calendar = null;
        try
        {
            calendar = await calendars.GetAsync(db, ct);
        }
        catch (DomainException)
        {
            // No calendar loaded: deadlines stay on their calendar dates.
        }

        var rules = await db.ReportDeadlines.AsNoTracking().ToListAsync(ct);
        return (agencyId, year) => ReportRules.Deadline(tree, rules, agencyId, year, calendar);
    }

    /// <summary>
    /// Validates a report as its reviewers see it: the hard rules and warnings, with the same agency's report on the
    /// year before (W1, W2, W5), its siblings' reports on the same year (W5), the deadline (W6) and, for a written
    /// report, the applications counted (R6).
    /// </summary>
    public async Task<IReadOnlyList<Finding>> ValidateAsync(AnnualReportRecord record, AnnualReport report, AgencyTree tree, CancellationToken ct)
    {
        var node = tree.Find(record.AgencyId);
        var previous = await LatestAsync(record.AgencyId, record.Year - 1, ct);
        var siblingIds = node is null ? [] : tree.ChildrenOf(node.ParentId).Where(n => n.Id != node.Id).Select(n => n.Id).ToList();
        var siblings = new List<AnnualReport>();
        if (siblingIds.Count > 0)
        {
            var rows = await db.AnnualReports.AsNoTracking()
                .Where(r => siblingIds.Contains(r.AgencyId) && r.Year == record.Year && r.Status != AnnualReportStatus.Superseded)
                .Select(r => new { r.AgencyId, r.Edition, r.Content })
                .ToListAsync(ct);
            siblings.AddRange(rows.GroupBy(r => r.AgencyId).Select(g => ReportJson.Read(g.OrderByDescending(r => r.Edition).First().Content)));
        }

        IReadOnlyList<CountedApplication>? counted = null;
        if (record.Source == AnnualReportSource.Written)
        {
            var ids = record.Scope == Data.Agencies.ReportScope.Subtree ? tree.Subtree(record.AgencyId) : [record.AgencyId];
            var from = new DateOnly(record.Year, 1, 1);
            var to = new DateOnly(record.Year, 12, 31);
            var served = await db.Applications.AsNoTracking()
                .Where(a => ids.Contains(a.AgencyId) && a.Type == Core.Cases.CaseType.InformationDisclosure && a.Served >= from && a.Served <= to && a.Decision != null)
                .Select(a => new { a.CaseNumber, a.Decision })
                .ToListAsync(ct);
            counted = [.. served.Select(a => new CountedApplication(a.CaseNumber, Core.Cases.DecisionCatalog.Of(a.Decision!.Value).ReportRow is { } row ? [row] : []))];
        }

        var context = new ValidationContext
        {
            PreviousYear = previous is null ? null : Read(previous),
            Siblings = siblings,
            PublishedOn = record.PublishedOn,
            UnitKind = node is null ? ReportingUnitKind.Department : ReportRules.UnitKind(node.Kind),
            Deadlines = DeadlinesFor(record.Deadline, node is null ? ReportingUnitKind.Department : ReportRules.UnitKind(node.Kind)),
            Applications = counted,
        };
        return ReportValidator.Validate(report, context);
    }

    /// <summary>The latest edition of an agency's report on a year (any state), or null.</summary>
    public Task<AnnualReportRecord?> LatestAsync(int agencyId, int year, CancellationToken ct) =>
        db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == agencyId && r.Year == year).OrderByDescending(r => r.Edition).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The start of a workflow step: the report (not found outside the user's scope), the agency tree, the request key,
    /// the user's right to take the step (<paramref name="ensureMay"/>), and whether this request key already took it.
    /// </summary>
    public async Task<StepStart> BeginStepAsync(int id, string? requestKey, Action<StaffContext, AgencyTree, int> ensureMay, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ensureMay);
        var key = ReportRules.Key(requestKey);
        var record = await LoadAsync(id, ct);
        var tree = await AgencyTree.LoadAsync(db, ct);
        ensureMay(staff, tree, record.AgencyId);
        return new StepStart(record, tree, key, await AlreadyDoneAsync(id, key, ct));
    }

    /// <summary>Whether this request key was already used on this report (the step is then not repeated).</summary>
    public async Task<bool> AlreadyDoneAsync(int reportId, string? requestKey, CancellationToken ct) =>
        requestKey is not null && await db.AnnualReportEvents.AsNoTracking().AnyAsync(e => e.ReportId == reportId && e.RequestKey == requestKey, ct);

    public void Record(AnnualReportRecord record, string action, AnnualReportStatus? from, string? comment, string? requestKey)
    {
        var now = clock.UtcNow;
        record.UpdatedAt = now;
        record.UpdatedBy = staff.DisplayName;
        record.Version++;
        db.AnnualReportEvents.Add(new AnnualReportEventRecord
        {
            Report = record,
            At = now,
            ActorUserName = staff.UserName,
            ActorDisplayName = staff.DisplayName,
            Action = action,
            FromStatus = from,
            ToStatus = record.Status,
            Comment = comment,
            RequestKey = requestKey,
        });
    }

    public static void EnsureVersion(AnnualReportRecord record, int expectedVersion)
    {
        if (record.Version != expectedVersion)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode,
                $"这份年度报告已于 {record.UpdatedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 由{record.UpdatedBy}修改，您看到的页面已过期，本次操作未执行。请刷新后再试。");
        }
    }

    public static void EnsureStatus(AnnualReportRecord record, string what, params AnnualReportStatus[] allowed)
    {
        if (!allowed.Contains(record.Status))
        {
            throw new DomainException(ReportRules.StateCode, $"这份年度报告{ReportRules.StatusName(record.Status)}，不能{what}。");
        }
    }

    /// <summary>Saves, turning a concurrent change of the same report into the stale-page error.</summary>
    public async Task SaveAsync(AnnualReportRecord record, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "这份年度报告刚被其他人修改，本次操作未执行。请刷新后再试。");
        }
    }

    public static string Comment(string? text, bool required, string what)
    {
        var c = (text ?? string.Empty).Trim();
        if (required && c.Length == 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = $"请填写{what}。" });
        }

        if (c.Length > ReportRules.MaxCommentLength)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Comment"] = $"{what}不能超过 {ReportRules.MaxCommentLength} 个字。" });
        }

        return c;
    }

    private static ReportDeadlines DeadlinesFor(DateOnly deadline, ReportingUnitKind kind) => kind == ReportingUnitKind.Government
        ? new ReportDeadlines { GovernmentMonth = deadline.Month, GovernmentDay = deadline.Day }
        : new ReportDeadlines { DepartmentMonth = deadline.Month, DepartmentDay = deadline.Day };
}

/// <summary>A step about to be taken on a report (<see cref="ReportStore.BeginStepAsync"/>); <see cref="Repeated"/>: its request key already took it.</summary>
public sealed record StepStart(AnnualReportRecord Record, AgencyTree Tree, string? Key, bool Repeated);

/// <summary>
/// 起草: opens the agency's report on a year — the tables computed from its records, the narrative drafted with the
/// figures — or returns the edition already open. Two clicks open one report.
/// </summary>
[AuditAction("起草年度报告")]
public sealed class OpenAnnualReport(ReportStore store, ReportComputation computation, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int agencyId, int year, CancellationToken ct = default)
    {
        ReportRules.EnsureMayWrite(store.Staff, agencyId);
        ReportComputation.EnsureYear(year);
        if (year >= store.Clock.Today().Year)
        {
            throw new DomainException(ReportRules.InvalidCode, $"{year} 年尚未结束，年度报告须在年度结束后编制（统计期限至 12 月 31 日）。");
        }

        if (await store.LatestAsync(agencyId, year, ct) is { } existing)
        {
            return existing.Id;
        }

        using var _ = audit.Begin(this);
        var db = store.Db;
        var tree = await AgencyTree.LoadAsync(db, ct);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var computed = await computation.ComputeAsync(agencyId, year, tree, ct);
        var report = computed.ToReport(ReportDrafts.Sections(computed));
        var now = store.Clock.UtcNow;
        var record = new AnnualReportRecord
        {
            AgencyId = agencyId,
            Year = year,
            Edition = 1,
            Status = AnnualReportStatus.Draft,
            Source = AnnualReportSource.Written,
            Content = ReportJson.Write(report),
            Introduction = ReportDrafts.Introduction(agency, year),
            Scope = agency.ReportScope,
            ComputedAt = now,
            Deadline = await store.DeadlineAsync(tree, agencyId, year, ct),
            CreatedAt = now,
            CreatedBy = store.Staff.DisplayName,
        };
        db.AnnualReports.Add(record);
        store.Record(record, ReportActions.Created, null, null, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Opened by someone else at the same moment: theirs is the report.
            store.Db.ChangeTracker.Clear();
            return (await store.LatestAsync(agencyId, year, ct))?.Id ?? throw new DomainException(CaseHistory.ConcurrentChangeCode, "年度报告未能创建，请刷新后再试。");
        }

        return record.Id;
    }
}

/// <summary>What the author changes in a draft: the introduction and the narrative sections 一, 五, 六.</summary>
public sealed record ReportText(string? Introduction, string? General, string? Problems, string? Other);

/// <summary>
/// 保存: saves the draft's text and recomputes its tables from the records (a draft always shows today's records).
/// Only a draft or a returned report can be changed; a stale page is refused.
/// </summary>
[AuditAction("保存年度报告")]
public sealed class SaveAnnualReportDraft(ReportStore store, ReportComputation computation, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, ReportText text, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var record = await store.LoadAsync(id, ct);
        ReportRules.EnsureMayWrite(store.Staff, record.AgencyId);
        using var _ = audit.Begin(this);
        ReportStore.EnsureStatus(record, "修改", AnnualReportStatus.Draft, AnnualReportStatus.Returned);
        if (record.Source != AnnualReportSource.Written)
        {
            throw new DomainException(ReportRules.StateCode, "导入的已发布报告不能在这里修改。");
        }

        ReportStore.EnsureVersion(record, expectedVersion);
        var sections = Checked(text);
        var computed = await computation.ComputeAsync(record.AgencyId, record.Year, null, ct);
        var report = computed.ToReport(sections.Sections);
        record.Content = ReportJson.Write(report);
        record.Introduction = text.Introduction is null ? record.Introduction : sections.Introduction;
        record.Scope = computed.Scope;
        record.ComputedAt = store.Clock.UtcNow;
        store.Record(record, ReportActions.Saved, record.Status, null, null);
        await store.SaveAsync(record, ct);
        return record.Version;
    }

    /// <summary>The text checked for length and stripped of control characters; the sections keyed 一, 五, 六.</summary>
    public static (string Introduction, Dictionary<string, string> Sections) Checked(ReportText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var v = new Validation();
        string Clean(string field, string? value, string label, int max)
        {
            var s = new string((value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Where(ch => ch == '\n' || ch == '\t' || !char.IsControl(ch)).ToArray()).Trim();
            if (s.Length > max)
            {
                v.Add(field, $"{label}不能超过 {max} 个字（现有 {s.Length} 个字）。");
            }

            return s;
        }

        var intro = Clean("Introduction", text.Introduction, "前言", 4000);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["一"] = Clean("General", text.General, "“一、总体情况”", ReportRules.MaxSectionLength),
            ["五"] = Clean("Problems", text.Problems, "“五、存在的主要问题及改进情况”", ReportRules.MaxSectionLength),
            ["六"] = Clean("Other", text.Other, "“六、其他需要报告的事项”", ReportRules.MaxSectionLength),
        };
        v.ThrowIfInvalid();
        return (intro, sections);
    }
}

/// <summary>
/// 报送: the unit sends its report to its 政务公开办. The tables are recomputed one last time; a report that breaks a
/// hard rule, or has an empty narrative section, is not sent.
/// </summary>
[AuditAction("报送年度报告")]
public sealed class SubmitAnnualReport(ReportStore store, ReportComputation computation, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, string? requestKey = null, CancellationToken ct = default)
    {
        var (record, tree, key, repeated) = await store.BeginStepAsync(id, requestKey, (staff, _, agency) => ReportRules.EnsureMayWrite(staff, agency), ct);
        if (repeated)
        {
            return record.Version;
        }

        using var _ = audit.Begin(this);
        ReportStore.EnsureStatus(record, "报送", AnnualReportStatus.Draft, AnnualReportStatus.Returned);
        ReportStore.EnsureVersion(record, expectedVersion);
        var current = ReportStore.Read(record);
        var computed = await computation.ComputeAsync(record.AgencyId, record.Year, tree, ct);
        var report = computed.ToReport(current.Sections);
        var empty = AnnualReport.NarrativeSectionKeys.Where(k => string.IsNullOrWhiteSpace(report.Sections.GetValueOrDefault(k))).ToList();
        if (empty.Count > 0)
        {
            throw new DomainException(ReportRules.InvalidCode, $"“{string.Join("”“", empty.Select(AnnualReport.SectionHeading))}”还没有内容，请写完再报送。");
        }

        var errors = (await store.ValidateAsync(record, report, tree, ct)).Where(f => f.IsError).ToList();
        if (errors.Count > 0)
        {
            throw new DomainException(ReportRules.InvalidCode, $"报告有 {errors.Count} 处错误，须改正后才能报送：{errors[0].Message}");
        }

        var from = record.Status;
        record.Content = ReportJson.Write(report);
        record.ComputedAt = store.Clock.UtcNow;
        record.Status = AnnualReportStatus.Submitted;
        record.SubmittedAt = store.Clock.UtcNow;
        store.Record(record, ReportActions.Submitted, from, null, key);
        await store.SaveAsync(record, ct);
        return record.Version;
    }
}

/// <summary>退回修改: the 政务公开办 returns a submitted report with its comments.</summary>
[AuditAction("退回年度报告")]
public sealed class ReturnAnnualReport(ReportStore store, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, string? comment, int expectedVersion, string? requestKey = null, CancellationToken ct = default)
    {
        var (record, _, key, repeated) = await store.BeginStepAsync(id, requestKey, ReportRules.EnsureMayReview, ct);
        if (repeated)
        {
            return record.Version;
        }

        using var _ = audit.Begin(this);
        var text = ReportStore.Comment(comment, required: true, "退回意见");
        ReportStore.EnsureStatus(record, "退回", AnnualReportStatus.Submitted);
        ReportStore.EnsureVersion(record, expectedVersion);
        record.Status = AnnualReportStatus.Returned;
        record.ReturnComment = text;
        store.Record(record, ReportActions.Returned, AnnualReportStatus.Submitted, text, key);
        await store.SaveAsync(record, ct);
        return record.Version;
    }
}

/// <summary>审核通过: the 政务公开办 accepts a submitted report (it can then be published).</summary>
[AuditAction("审核通过年度报告")]
public sealed class AcceptAnnualReport(ReportStore store, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, string? comment, int expectedVersion, string? requestKey = null, CancellationToken ct = default)
    {
        var (record, _, key, repeated) = await store.BeginStepAsync(id, requestKey, ReportRules.EnsureMayReview, ct);
        if (repeated)
        {
            return record.Version;
        }

        using var _ = audit.Begin(this);
        var text = ReportStore.Comment(comment, required: false, "审核意见");
        ReportStore.EnsureStatus(record, "审核通过", AnnualReportStatus.Submitted);
        ReportStore.EnsureVersion(record, expectedVersion);
        record.Status = AnnualReportStatus.Accepted;
        record.AcceptedAt = store.Clock.UtcNow;
        store.Record(record, ReportActions.Accepted, AnnualReportStatus.Submitted, text.Length == 0 ? null : text, key);
        await store.SaveAsync(record, ct);
        return record.Version;
    }
}

/// <summary>
/// 发布: an accepted report goes on the public pages and is locked. When it corrects an earlier edition, that edition
/// is marked as replaced (and stays readable with the correction's reason).
/// </summary>
[AuditAction("发布年度报告")]
public sealed class PublishAnnualReport(ReportStore store, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, DateOnly? publishedOn = null, string? requestKey = null, CancellationToken ct = default)
    {
        var (record, _, key, repeated) = await store.BeginStepAsync(id, requestKey, ReportRules.EnsureMayPublish, ct);
        if (repeated)
        {
            return record.Version;
        }

        using var _ = audit.Begin(this);
        ReportStore.EnsureStatus(record, "发布", AnnualReportStatus.Accepted);
        ReportStore.EnsureVersion(record, expectedVersion);
        var today = store.Clock.Today();
        var on = publishedOn ?? today;
        if (on > today || on.Year <= record.Year)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["PublishedOn"] = $"发布日期须在 {record.Year + 1} 年 1 月 1 日以后，且不晚于今天。" });
        }

        var earlier = await store.Db.AnnualReports
            .Where(r => r.AgencyId == record.AgencyId && r.Year == record.Year && r.Id != record.Id && r.Status == AnnualReportStatus.Published)
            .ToListAsync(ct);
        foreach (var e in earlier)
        {
            e.Status = AnnualReportStatus.Superseded;
            store.Record(e, ReportActions.Superseded, AnnualReportStatus.Published, $"被第 {record.Edition} 版替代", null);
        }

        record.Status = AnnualReportStatus.Published;
        record.PublishedAt = store.Clock.UtcNow;
        record.PublishedOn = on;
        store.Record(record, ReportActions.Published, AnnualReportStatus.Accepted, null, key);
        await store.SaveAsync(record, ct);
        return record.Version;
    }
}

/// <summary>
/// 更正: a published report is never changed; a correction opens a new edition (a draft copied from it, with the
/// reason) that goes through the workflow again. The published edition stays public until the correction is published.
/// </summary>
[AuditAction("更正年度报告")]
public sealed class CorrectAnnualReport(ReportStore store, AuditContext audit)
{
    public async Task<int> ExecuteAsync(int id, string? reason, string? requestKey = null, CancellationToken ct = default)
    {
        var key = ReportRules.Key(requestKey);
        var record = await store.LoadAsync(id, ct);
        var tree = await AgencyTree.LoadAsync(store.Db, ct);
        ReportRules.EnsureMayPublish(store.Staff, tree, record.AgencyId);
        var latest = await store.LatestAsync(record.AgencyId, record.Year, ct);
        if (latest is not null && latest.Id != record.Id && key is not null && await store.AlreadyDoneAsync(latest.Id, key, ct))
        {
            return latest.Id;
        }

        using var _ = audit.Begin(this);
        var text = ReportStore.Comment(reason, required: true, "更正原因");
        ReportStore.EnsureStatus(record, "更正", AnnualReportStatus.Published);
        if (latest is not null && latest.Id != record.Id)
        {
            throw new DomainException(ReportRules.StateCode, $"这份报告已有第 {latest.Edition} 版（{ReportRules.StatusName(latest.Status)}），请在最新版本上操作。");
        }

        var now = store.Clock.UtcNow;
        var next = new AnnualReportRecord
        {
            AgencyId = record.AgencyId,
            Year = record.Year,
            Edition = record.Edition + 1,
            Status = AnnualReportStatus.Draft,
            Source = AnnualReportSource.Written,
            Content = record.Content,
            Introduction = record.Introduction,
            Scope = record.Scope,
            ComputedAt = record.ComputedAt,
            Deadline = record.Deadline,
            CreatedAt = now,
            CreatedBy = store.Staff.DisplayName,
            CorrectionReason = text,
        };
        store.Db.AnnualReports.Add(next);
        store.Record(next, ReportActions.Corrected, null, text, key);
        try
        {
            await store.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException(CaseHistory.ConcurrentChangeCode, "这份报告刚被其他人发起更正，请刷新后在最新版本上操作。");
        }

        return next.Id;
    }
}
