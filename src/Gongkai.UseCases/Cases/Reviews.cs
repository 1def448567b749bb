using System.Globalization;
using System.Text;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>A 行政复议 or 行政诉讼 case as registered.</summary>
public sealed record ReviewCaseInput
{
    /// <summary>被申请人 / 被告.</summary>
    public int AgencyId { get; init; }

    public long? ApplicationId { get; init; }

    public ReviewKind Kind { get; init; }

    /// <summary>The concluded 复议 a 复议后起诉 follows.</summary>
    public long? PreviousReviewId { get; init; }

    public string ExternalNumber { get; init; } = string.Empty;

    /// <summary>复议机关 / 人民法院.</summary>
    public string Body { get; init; } = string.Empty;

    public DateOnly Filed { get; init; }

    public DateOnly? CopyReceived { get; init; }

    public string? Notes { get; init; }

    /// <summary>The challenged application's 受理编号, resolved to <see cref="ApplicationId"/> (and, when none is chosen, its answering agency as <see cref="AgencyId"/>).</summary>
    public string? ApplicationCaseNumber { get; init; }

    /// <summary>The submit key of the form: a resubmit with the same key returns the case registered first.</summary>
    public string? RequestKey { get; init; }
}

/// <summary>What a change to a review case left behind; <see cref="Repeated"/> when it was a resubmit applied earlier.</summary>
public sealed record ReviewCaseResult(long Id, int Version)
{
    public bool Repeated { get; init; }
}

/// <summary>Kinds of review-case history entries.</summary>
public static class ReviewCaseEvents
{
    public const string Registered = "Registered";
    public const string AnswerRecorded = "AnswerRecorded";
    public const string OutcomeRecorded = "OutcomeRecorded";
    public const string DocumentAdded = "DocumentAdded";

    public static string Name(string kind) => kind switch
    {
        Registered => "登记案件",
        AnswerRecorded => "登记答复或答辩",
        OutcomeRecorded => "登记结果",
        DocumentAdded => "上传材料",
        _ => kind,
    };
}

/// <summary>A review case in the list, with its periods computed from the facts.</summary>
public sealed record ReviewCaseItem(
    long Id,
    ReviewKind Kind,
    string KindName,
    int AgencyId,
    string AgencyName,
    long? ApplicationId,
    string? ApplicationCaseNumber,
    long? PreviousReviewId,
    string ExternalNumber,
    string Body,
    DateOnly Filed,
    DateOnly? FilingDeadline,
    DateOnly? CopyReceived,
    DateOnly? AnswerDue,
    DateOnly? AnswerFiled,
    bool AnswerOverdue,
    ReviewOutcome? Outcome,
    ReviewOutcomeDetail? OutcomeDetail,
    string OutcomeName,
    DateOnly? Concluded,
    string? Notes,
    int Version);

/// <summary>Shared checks of the review-case use cases.</summary>
internal static class ReviewChecks
{
    public static readonly string[] Roles = [Data.Accounts.Roles.Clerk, Data.Accounts.Roles.Reviewer, Data.Accounts.Roles.OfficeHead, Data.Accounts.Roles.DisclosureOffice];

    public const int MaxRequestKeyLength = 100;

    public static string? Key(string? requestKey) =>
        string.IsNullOrWhiteSpace(requestKey) ? null
        : requestKey.Length > MaxRequestKeyLength ? throw Invalid("提交标识过长。")
        : requestKey;

    /// <summary>The case as it is now, when a history entry of it carries this key (the step was applied by an earlier submit).</summary>
    public static async Task<ReviewCaseResult?> FindRepeatAsync(GongkaiDbContext db, long id, string? requestKey, CancellationToken ct)
    {
        if (requestKey is null || !await db.ReviewCaseEvents.AsNoTracking().AnyAsync(e => e.ReviewCaseId == id && e.RequestKey == requestKey, ct))
        {
            return null;
        }

        var version = await db.ReviewCases.AsNoTracking().Where(r => r.Id == id).Select(r => r.Version).SingleAsync(ct);
        return new ReviewCaseResult(id, version) { Repeated = true };
    }

    public static ReviewCaseEventRecord Event(long caseId, DateTimeOffset at, string actor, string kind, DateOnly? on, string summary, string? requestKey) => new()
    {
        ReviewCaseId = caseId,
        At = at,
        Actor = actor,
        Kind = kind,
        OnDate = on,
        Summary = summary.Length > 4000 ? summary[..4000] : summary,
        RequestKey = requestKey,
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "未登记";

    public static void NotAfterToday(DateOnly date, DateOnly today, string label)
    {
        if (date > today)
        {
            throw Invalid($"{label}不能晚于今天（{today:yyyy-MM-dd}）。");
        }
    }

    public static string? Text(string? value, string field, string label, int max, bool required)
    {
        var t = value?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return required ? throw new ValidationFailedException(new Dictionary<string, string> { [field] = $"请填写{label}。" }) : null;
        }

        return t.Length > max ? throw new ValidationFailedException(new Dictionary<string, string> { [field] = $"{label}不能超过 {max} 个字。" }) : t;
    }

    public static DomainException Invalid(string message) => new(ValidationFailedException.ErrorCode, message);

    /// <summary>Loads a case of an agency this user may see; others are "not found".</summary>
    public static async Task<ReviewCaseRecord> LoadAsync(GongkaiDbContext db, StaffContext staff, long id, CancellationToken ct)
    {
        var r = await db.ReviewCases.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || !staff.CanSee(r.AgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该行政复议或诉讼案件，或您无权查看。");
        }

        return r;
    }

    /// <summary>A concluded case is read-only; a stale page is refused naming who changed the case.</summary>
    public static void EnsureOpenAndCurrent(ReviewCaseRecord r, int expectedVersion)
    {
        if (r.Version != expectedVersion)
        {
            throw Conflict(r);
        }

        if (r.Outcome is not null)
        {
            throw new DomainException(CaseHistory.ClosedCode, $"该案件已于 {r.Concluded:yyyy-MM-dd} 审结，不能再修改。");
        }
    }

    /// <summary>Saves a change of an existing case with its history entry in one save; a racing resubmit returns the first result.</summary>
    public static async Task<ReviewCaseResult> SaveAsync(GongkaiDbContext db, ReviewCaseRecord r, string actor, AgencyClock clock, string kind, DateOnly? on, string summary, string? requestKey, CancellationToken ct)
    {
        r.Version++;
        r.UpdatedAt = clock.UtcNow;
        r.UpdatedBy = actor;
        db.ReviewCaseEvents.Add(Event(r.Id, r.UpdatedAt, actor, kind, on, summary, requestKey));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw Conflict(await db.ReviewCases.AsNoTracking().SingleAsync(x => x.Id == r.Id, ct));
        }
        catch (DbUpdateException) when (requestKey is not null)
        {
            // The same submit arrived twice at once: the other one was applied.
            db.ChangeTracker.Clear();
            if (await FindRepeatAsync(db, r.Id, requestKey, ct) is { } repeat)
            {
                return repeat;
            }

            throw;
        }

        return new ReviewCaseResult(r.Id, r.Version);
    }

    private static DomainException Conflict(ReviewCaseRecord current)
    {
        var at = current.UpdatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DomainException(CaseHistory.ConcurrentChangeCode, $"该案件已于 {at} 由{current.UpdatedBy}修改过，您看到的页面已过期，本次操作未保存。请刷新页面，查看最新情况后再操作。");
    }
}

/// <summary>
/// 登记行政复议或诉讼: a 复议 or suit in which an agency this user may see is 被申请人 or 被告, linked to the decided
/// application it challenges (if any, found by id or by its 受理编号) and, for a 复议后起诉, to the concluded 复议. The
/// registration is the first entry of the case's history; a resubmitted form (same request key) finds the same case.
/// </summary>
[AuditAction("登记行政复议或诉讼")]
public sealed class RegisterReviewCase(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<ReviewCaseResult> ExecuteAsync(ReviewCaseInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(ReviewChecks.Roles);
        using var _ = audit.Begin(this);
        var key = ReviewChecks.Key(input.RequestKey);
        if (await FindRepeatAsync(key, ct) is { } repeat)
        {
            return repeat;
        }

        if (input.AgencyId != 0)
        {
            staff.EnsureCanSee(input.AgencyId);
        }

        var today = clock.Today();
        var number = ReviewChecks.Text(input.ExternalNumber, nameof(input.ExternalNumber), "案号（复议或诉讼编号）", 100, required: true)!;
        var body = ReviewChecks.Text(input.Body, nameof(input.Body), input.Kind == ReviewKind.AdministrativeReview ? "复议机关" : "人民法院", 200, required: true)!;
        var notes = ReviewChecks.Text(input.Notes, nameof(input.Notes), "备注", 2000, required: false);
        if (!Enum.IsDefined(input.Kind))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(input.Kind)] = "请选择案件类型。" });
        }

        ReviewChecks.NotAfterToday(input.Filed, today, "申请或立案日期");
        if (input.CopyReceived is { } copy)
        {
            ReviewChecks.NotAfterToday(copy, today, "收到副本日期");
            if (copy < input.Filed)
            {
                throw ReviewChecks.Invalid("收到副本的日期不能早于申请或立案日期。");
            }
        }

        var agencyId = input.AgencyId;
        var applicationId = input.ApplicationId;
        if (applicationId is null && ReviewChecks.Text(input.ApplicationCaseNumber, nameof(input.ApplicationCaseNumber), "受理编号", 100, required: false) is { } caseNumber)
        {
            var found = await db.Applications.AsNoTracking().Where(a => a.CaseNumber == caseNumber).Select(a => new { a.Id, a.AgencyId, a.AssignedAgencyId }).SingleOrDefaultAsync(ct);
            if (found is null || !staff.CanSeeApplication(found.AgencyId, found.AssignedAgencyId))
            {
                throw new ValidationFailedException(new Dictionary<string, string> { [nameof(input.ApplicationCaseNumber)] = $"找不到受理编号为“{caseNumber}”的申请，或您无权查看。" });
            }

            applicationId = found.Id;
            agencyId = agencyId == 0 ? found.AgencyId : agencyId;
        }

        ReviewCaseRecord? previous = null;
        if (input.Kind == ReviewKind.LitigationAfterReview)
        {
            if (input.PreviousReviewId is not { } previousId)
            {
                throw ReviewChecks.Invalid("复议后起诉须关联已审结的行政复议案件。");
            }

            previous = await db.ReviewCases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == previousId, ct);
            if (previous is null || !staff.CanSee(previous.AgencyId) || previous.Kind != ReviewKind.AdministrativeReview)
            {
                throw ReviewChecks.Invalid("找不到关联的行政复议案件。");
            }

            if (previous.Concluded is not { } reviewed)
            {
                throw ReviewChecks.Invalid($"关联的行政复议（{previous.ExternalNumber}）尚未审结，不能登记复议后起诉。");
            }

            if (input.Filed < reviewed)
            {
                throw ReviewChecks.Invalid("起诉日期不能早于复议决定日期。");
            }

            applicationId ??= previous.ApplicationId;
            if (applicationId != previous.ApplicationId)
            {
                throw ReviewChecks.Invalid("复议后起诉关联的申请应与行政复议关联的申请相同。");
            }

            agencyId = agencyId == 0 ? previous.AgencyId : agencyId;
        }
        else if (input.PreviousReviewId is not null)
        {
            throw ReviewChecks.Invalid("只有复议后起诉可以关联行政复议案件。");
        }

        string? applicationNumber = null;
        if (applicationId is { } appId)
        {
            var app = await db.Applications.AsNoTracking().Where(a => a.Id == appId).Select(a => new { a.AgencyId, a.AssignedAgencyId, a.Decided, a.CaseNumber }).SingleOrDefaultAsync(ct);
            if (app is null || !staff.CanSeeApplication(app.AgencyId, app.AssignedAgencyId))
            {
                throw ReviewChecks.Invalid("找不到关联的申请，或您无权查看。");
            }

            if (app.Decided is not { } decided)
            {
                throw ReviewChecks.Invalid($"申请 {app.CaseNumber} 尚未作出答复决定，不能对其申请复议或起诉。");
            }

            agencyId = agencyId == 0 ? app.AgencyId : agencyId;
            if (app.AgencyId != agencyId)
            {
                throw ReviewChecks.Invalid($"被申请人或被告应为以自己名义答复申请 {app.CaseNumber} 的机关。");
            }

            if (input.Filed < decided)
            {
                throw ReviewChecks.Invalid("申请或立案日期不能早于答复决定日期。");
            }

            applicationNumber = app.CaseNumber;
        }

        if (agencyId == 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { [nameof(input.AgencyId)] = "请选择被申请人或被告，或填写所涉申请的受理编号。" });
        }

        staff.EnsureCanSee(agencyId);
        var now = clock.UtcNow;
        var record = new ReviewCaseRecord
        {
            AgencyId = agencyId,
            ApplicationId = applicationId,
            Kind = input.Kind,
            PreviousReviewId = input.PreviousReviewId,
            ExternalNumber = number,
            Body = body,
            Filed = input.Filed,
            CopyReceived = input.CopyReceived,
            Notes = notes,
            RegisteredAt = now,
            RegisteredBy = staff.DisplayName,
            UpdatedAt = now,
            UpdatedBy = staff.DisplayName,
            Version = 1,
            IdempotencyKey = key,
        };

        var summary = new StringBuilder($"登记{ReviewRules.Name(input.Kind)}：{number}，{(input.Kind == ReviewKind.AdministrativeReview ? "复议机关" : "人民法院")}为{body}，{(ReviewRules.IsLitigation(input.Kind) ? "立案" : "申请")}日期 {ReviewChecks.Date(input.Filed)}。");
        if (applicationNumber is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $"所涉申请：{applicationNumber}。");
        }

        if (previous is not null)
        {
            summary.Append(CultureInfo.InvariantCulture, $"此前的行政复议：{previous.ExternalNumber}（{ReviewChecks.Date(previous.Concluded)} 作出决定）。");
        }

        if (input.CopyReceived is { } received)
        {
            summary.Append(CultureInfo.InvariantCulture, $"{ReviewChecks.Date(received)} 收到副本，答复期限至 {ReviewChecks.Date(ReviewRules.AnswerDue(input.Kind, received))}。");
        }

        // The case and its first history entry are saved together (the entry needs the case's id).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            db.ReviewCases.Add(record);
            await db.SaveChangesAsync(ct);
            db.ReviewCaseEvents.Add(ReviewChecks.Event(record.Id, now, staff.DisplayName, ReviewCaseEvents.Registered, input.Filed, summary.ToString(), key));
            await db.SaveChangesAsync(ct);
            if (tx is not null)
            {
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateException) when (key is not null && tx is not null)
        {
            // The same form was submitted twice at once: the other submit registered the case.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await FindRepeatAsync(key, ct) is { } raced)
            {
                return raced;
            }

            throw;
        }

        return new ReviewCaseResult(record.Id, record.Version);
    }

    private async Task<ReviewCaseResult?> FindRepeatAsync(string? key, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        var existing = await db.ReviewCases.AsNoTracking().Where(r => r.IdempotencyKey == key).Select(r => new { r.Id, r.Version, r.AgencyId }).SingleOrDefaultAsync(ct);
        if (existing is null)
        {
            return null;
        }

        staff.EnsureCanSee(existing.AgencyId);
        return new ReviewCaseResult(existing.Id, existing.Version) { Repeated = true };
    }
}

/// <summary>
/// 登记复议答复或答辩: the day the agency received the copy of the 复议申请书 or 起诉状 and the day it filed its 答复
/// (行政复议法第四十八条, 10 days) or 答辩状 (行政诉讼法第六十七条, 15 days). A late answer is recorded, not refused.
/// </summary>
[AuditAction("登记复议答复或答辩")]
public sealed class RecordReviewAnswer(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public Task<ReviewCaseResult> ExecuteAsync(long id, int expectedVersion, DateOnly copyReceived, DateOnly? answerFiled, CancellationToken ct = default) =>
        ExecuteAsync(id, expectedVersion, copyReceived, answerFiled, null, ct);

    /// <summary>As above, with the form's request key: a resubmit returns the first result instead of a conflict.</summary>
    public async Task<ReviewCaseResult> ExecuteAsync(long id, int expectedVersion, DateOnly copyReceived, DateOnly? answerFiled, string? requestKey, CancellationToken ct = default)
    {
        staff.EnsureRole(ReviewChecks.Roles);
        using var _ = audit.Begin(this);
        var key = ReviewChecks.Key(requestKey);
        var r = await ReviewChecks.LoadAsync(db, staff, id, ct);
        if (await ReviewChecks.FindRepeatAsync(db, id, key, ct) is { } repeat)
        {
            return repeat;
        }

        ReviewChecks.EnsureOpenAndCurrent(r, expectedVersion);
        var today = clock.Today();
        ReviewChecks.NotAfterToday(copyReceived, today, "收到副本日期");
        if (copyReceived < r.Filed)
        {
            throw ReviewChecks.Invalid("收到副本的日期不能早于申请或立案日期。");
        }

        var litigation = ReviewRules.IsLitigation(r.Kind);
        if (answerFiled is { } filed)
        {
            ReviewChecks.NotAfterToday(filed, today, litigation ? "提交答辩状日期" : "提出书面答复日期");
            if (filed < copyReceived)
            {
                throw ReviewChecks.Invalid("答复或答辩日期不能早于收到副本的日期。");
            }
        }

        r.CopyReceived = copyReceived;
        r.AnswerFiled = answerFiled;
        var due = ReviewRules.AnswerDue(r.Kind, copyReceived);
        var summary = $"{ReviewChecks.Date(copyReceived)} 收到{(litigation ? "起诉状副本" : "行政复议申请书副本")}，{(litigation ? "答辩" : "答复")}期限至 {ReviewChecks.Date(due)}；"
            + (answerFiled is { } f
                ? $"{ReviewChecks.Date(f)} {(litigation ? "提交答辩状" : "提出书面答复")}{(f > due ? "（已超过期限）" : string.Empty)}。"
                : $"尚未{(litigation ? "提交答辩状" : "提出书面答复")}。");
        return await ReviewChecks.SaveAsync(db, r, staff.DisplayName, clock, ReviewCaseEvents.AnswerRecorded, answerFiled ?? copyReceived, summary, key, ct);
    }
}

/// <summary>
/// 登记复议或诉讼结果: the 复议决定 or 判决/裁定 with its date; the table-四 column follows from the specific outcome
/// (<see cref="ReviewOutcomeCatalog"/>). After this the case is read-only (documents may still be added).
/// </summary>
[AuditAction("登记复议或诉讼结果")]
public sealed class RecordReviewOutcome(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public Task<ReviewCaseResult> ExecuteAsync(long id, int expectedVersion, ReviewOutcomeDetail detail, DateOnly concluded, string? notes = null, CancellationToken ct = default) =>
        ExecuteAsync(id, expectedVersion, detail, concluded, notes, null, ct);

    /// <summary>As above, with the form's request key: a resubmit returns the first result instead of a conflict.</summary>
    public async Task<ReviewCaseResult> ExecuteAsync(long id, int expectedVersion, ReviewOutcomeDetail detail, DateOnly concluded, string? notes, string? requestKey, CancellationToken ct = default)
    {
        staff.EnsureRole(ReviewChecks.Roles);
        using var _ = audit.Begin(this);
        var key = ReviewChecks.Key(requestKey);
        var r = await ReviewChecks.LoadAsync(db, staff, id, ct);
        if (await ReviewChecks.FindRepeatAsync(db, id, key, ct) is { } repeat)
        {
            return repeat;
        }

        ReviewChecks.EnsureOpenAndCurrent(r, expectedVersion);
        if (!Enum.IsDefined(detail))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Detail"] = "请选择结果。" });
        }

        var info = ReviewOutcomeCatalog.Of(detail);
        if (!info.AppliesTo(r.Kind))
        {
            throw ReviewChecks.Invalid($"“{info.ReviewName}”不是{ReviewRules.Name(r.Kind)}的结果。");
        }

        ReviewChecks.NotAfterToday(concluded, clock.Today(), "决定或裁判日期");
        if (concluded < r.Filed)
        {
            throw ReviewChecks.Invalid("决定或裁判日期不能早于申请或立案日期。");
        }

        var text = ReviewChecks.Text(notes, nameof(notes), "备注", 2000, required: false);
        r.OutcomeDetail = detail;
        r.Outcome = info.CountsAs;
        r.Concluded = concluded;
        r.Notes = text ?? r.Notes;
        var summary = $"{(ReviewRules.IsLitigation(r.Kind) ? "判决或裁定" : "复议决定")}：{info.Name(r.Kind)}（表四计为{ReviewOutcomeCatalog.Name(info.CountsAs)}），日期 {ReviewChecks.Date(concluded)}。"
            + (text is null ? string.Empty : $"备注：{text}");
        return await ReviewChecks.SaveAsync(db, r, staff.DisplayName, clock, ReviewCaseEvents.OutcomeRecorded, concluded, summary, key, ct);
    }
}

/// <summary>What the review-case list shows: filters, and the page.</summary>
public sealed record ReviewCaseQuery
{
    public ReviewKind? Kind { get; init; }

    /// <summary>
    /// 尚未审结 or an outcome column. With <see cref="Year"/> it is the status at the end of that year as table 四 counts it
    /// (<see cref="ReviewRules.YearEndStatus"/>), so a list matches a cell of the table.
    /// </summary>
    public ReviewYearStatus? Status { get; init; }

    /// <summary>The cases counted in this year's table 四: filed by its end and not concluded before it began.</summary>
    public int? Year { get; init; }

    public int? AgencyId { get; init; }

    public long? ApplicationId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>
/// 行政复议和诉讼列表: the cases of the agencies this user may see (newest first), with the applicant's filing
/// deadline, the agency's answer deadline and the linked application's 受理编号.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListReviewCases(GongkaiDbContext db, StaffContext staff, AgencyClock clock)
{
    /// <summary>The roles that handle review cases (the back-office pages require one of them).</summary>
    public static IReadOnlyList<string> Roles => ReviewChecks.Roles;

    public async Task<IReadOnlyList<ReviewCaseItem>> ExecuteAsync(int? agencyId = null, CancellationToken ct = default)
    {
        staff.EnsureRole(ReviewChecks.Roles);
        var query = Visible();
        if (agencyId is { } only)
        {
            query = query.Where(r => r.AgencyId == only);
        }

        return await ProjectAsync(db, query.OrderByDescending(r => r.Filed).ThenByDescending(r => r.Id), clock.Today(), ct);
    }

    /// <summary>One page of the cases that match the filters.</summary>
    public async Task<Page<ReviewCaseItem>> ExecuteAsync(ReviewCaseQuery filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Visible();
        if (filter.AgencyId is { } agency)
        {
            query = query.Where(r => r.AgencyId == agency);
        }

        if (filter.ApplicationId is { } app)
        {
            query = query.Where(r => r.ApplicationId == app);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(r => r.Kind == kind);
        }

        DateOnly? yearEnd = null;
        if (filter.Year is { } year)
        {
            if (year is < 2000 or > 9999)
            {
                throw ReviewChecks.Invalid("年份不正确。");
            }

            var start = new DateOnly(year, 1, 1);
            var end = new DateOnly(year, 12, 31);
            yearEnd = end;
            query = query.Where(r => r.Filed <= end && (r.Concluded == null || r.Concluded >= start));
        }

        switch (filter.Status)
        {
            case ReviewYearStatus.Pending when yearEnd is { } end:
                query = query.Where(r => r.Outcome == null || r.Concluded == null || r.Concluded > end);
                break;
            case ReviewYearStatus.Pending:
                query = query.Where(r => r.Outcome == null);
                break;
            case { } status:
                var outcome = (ReviewOutcome)status;
                query = yearEnd is { } last ? query.Where(r => r.Outcome == outcome && r.Concluded <= last) : query.Where(r => r.Outcome == outcome);
                break;
        }

        var total = await query.CountAsync(ct);
        var page = PageRequest.Normalise(filter.Page, filter.PageSize, total);
        var items = await ProjectAsync(db, query.OrderByDescending(r => r.Filed).ThenByDescending(r => r.Id).Skip((page.Page - 1) * page.PageSize).Take(page.PageSize), clock.Today(), ct);
        return new Page<ReviewCaseItem>(items, page.Page, page.PageSize, total);
    }

    private IQueryable<ReviewCaseRecord> Visible()
    {
        var visible = staff.VisibleAgencies?.ToList();
        return db.ReviewCases.AsNoTracking().Where(r => visible == null || visible.Contains(r.AgencyId));
    }

    /// <summary>The list items of the cases (newest first), with names and the periods computed from the facts.</summary>
    internal static async Task<List<ReviewCaseItem>> ProjectAsync(GongkaiDbContext db, IQueryable<ReviewCaseRecord> query, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from r in query
            join a in db.Agencies.AsNoTracking() on r.AgencyId equals a.Id
            join app in db.Applications.AsNoTracking() on r.ApplicationId equals app.Id into apps
            from app in apps.DefaultIfEmpty()
            join p in db.ReviewCases.AsNoTracking() on r.PreviousReviewId equals p.Id into prevs
            from p in prevs.DefaultIfEmpty()
            select new { r, AgencyName = a.Name, CaseNumber = app == null ? null : app.CaseNumber, Served = app == null ? null : app.Served, Reviewed = p == null ? null : p.Concluded })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(x => x.r.Filed).ThenByDescending(x => x.r.Id).Select(x =>
        {
            var r = x.r;
            var due = r.CopyReceived is { } copy ? ReviewRules.AnswerDue(r.Kind, copy) : (DateOnly?)null;
            return new ReviewCaseItem(
                r.Id,
                r.Kind,
                ReviewRules.Name(r.Kind),
                r.AgencyId,
                x.AgencyName,
                r.ApplicationId,
                x.CaseNumber,
                r.PreviousReviewId,
                r.ExternalNumber,
                r.Body,
                r.Filed,
                ReviewRules.FilingDeadline(r.Kind, x.Served, x.Reviewed),
                r.CopyReceived,
                due,
                r.AnswerFiled,
                due is { } d && (r.AnswerFiled is { } f ? f > d : today > d),
                r.Outcome,
                r.OutcomeDetail,
                r.OutcomeDetail is { } detail ? ReviewOutcomeCatalog.Of(detail).Name(r.Kind) : "尚未审结",
                r.Concluded,
                r.Notes,
                r.Version);
        })];
    }
}

/// <summary>
/// Table 四 of the annual report computed from the registered cases: for a year and a set of agencies the user may see
/// (all visible ones when none is named), each block (行政复议, 直接起诉, 复议后起诉) counts 结果维持 / 结果纠正 / 其他结果 /
/// 尚未审结 / 总计 by <see cref="ReviewRules.YearEndStatus"/>.
/// </summary>
[ReadOnlyUseCase]
public sealed class ReviewTable4(GongkaiDbContext db, StaffContext staff)
{
    public async Task<Table4> ExecuteAsync(int year, IReadOnlyCollection<int>? agencyIds = null, CancellationToken ct = default)
    {
        if (year is < 2000 or > 9999)
        {
            throw ReviewChecks.Invalid("年份不正确。");
        }

        foreach (var id in agencyIds ?? [])
        {
            staff.EnsureCanSee(id);
        }

        var chosen = agencyIds?.ToList() ?? staff.VisibleAgencies?.ToList();
        return await new Reports.ReportComputation(db).Table4Async(chosen, year, ct);
    }
}
