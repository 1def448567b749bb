using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

public sealed record ApplicationListItem(
    long Id,
    string CaseNumber,
    int AgencyId,
    string ApplicantName,
    string IdNumberMasked,
    string PhoneMasked,
    CaseState State,
    DateOnly Arrived,
    DateOnly? Received,
    AnswerDeadline? Deadline,
    CaseType Type = CaseType.InformationDisclosure,
    string? AgencyName = null,
    string? AssignedAgencyName = null,
    DecisionType? Decision = null,
    bool Overdue = false,
    int Version = 0);

/// <summary>The work queues of the application list.</summary>
public enum CaseQueue
{
    /// <summary>全部</summary>
    All,

    /// <summary>办理中（未作出决定）</summary>
    Open,

    /// <summary>待确认收到</summary>
    AwaitingConfirmation,

    /// <summary>待补正</summary>
    AwaitingCorrection,

    /// <summary>即将到期（5 个工作日内）</summary>
    DueSoon,

    /// <summary>已超期</summary>
    Overdue,

    /// <summary>待送达</summary>
    AwaitingService,

    /// <summary>已办结</summary>
    Closed,
}

public sealed record ApplicationQuery
{
    public CaseQueue Queue { get; init; }

    /// <summary>受理编号 or applicant name (part of it).</summary>
    public string? Search { get; init; }

    public int? AgencyId { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>
/// 申请列表: the applications of the agencies this user may see (received by them or assigned to them), in work queues
/// (due soon, overdue, awaiting correction…), with each answer deadline computed from the facts on the official
/// calendar. Personal data is masked.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListApplications(GongkaiDbContext db, StaffContext staff, PersonalDataProtector protector, CalendarProvider calendars, AgencyClock clock)
{
    public const int DueSoonWorkingDays = 5;

    public Task<Page<ApplicationListItem>> ExecuteAsync(int page, int pageSize, CancellationToken ct = default) =>
        ExecuteAsync(new ApplicationQuery { Page = page, PageSize = pageSize }, ct);

    public async Task<Page<ApplicationListItem>> ExecuteAsync(ApplicationQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var calendar = await calendars.GetAsync(db, ct);
        var today = clock.Today();
        var soon = calendar.AddWorkingDays(today, DueSoonWorkingDays).Date;
        var query = db.Applications.AsNoTracking().VisibleTo(staff);
        if (q.AgencyId is { } agency)
        {
            query = query.Where(a => a.AgencyId == agency || a.AssignedAgencyId == agency);
        }

        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            s = s.Length > 100 ? s[..100] : s;
            query = query.Where(a => a.CaseNumber.Contains(s) || a.ApplicantName.Contains(s));
        }

        var running = query.ClockRunning();
        query = q.Queue switch
        {
            CaseQueue.Open => query.Where(a => a.Decision == null),
            CaseQueue.AwaitingConfirmation => query.Where(a => a.State == CaseState.Registered),
            CaseQueue.AwaitingCorrection => query.Where(a => a.State == CaseState.AwaitingCorrection),
            CaseQueue.DueSoon => running.Where(a => a.DueDate != null && a.DueDate >= today && a.DueDate <= soon),
            CaseQueue.Overdue => running.Where(a => a.DueDate != null && a.DueDate < today),
            CaseQueue.AwaitingService => query.Where(a => a.State == CaseState.Decided),
            CaseQueue.Closed => query.Where(a => a.State == CaseState.Served || a.State == CaseState.Archived),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(q.Page, q.PageSize, total);
        var ordered = q.Queue is CaseQueue.DueSoon or CaseQueue.Overdue or CaseQueue.Open
            ? query.OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.Id);
        var rows = await ordered.Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).Include(a => a.Pauses).ToListAsync(ct);
        var agencyIds = rows.SelectMany(a => new[] { a.AgencyId, a.AssignedAgencyId ?? a.AgencyId }).Distinct().ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var items = rows.Select(a =>
        {
            var deadline = ApplicationCase.Restore(a.Snapshot()).Deadline(calendar);
            return new ApplicationListItem(
                a.Id,
                a.CaseNumber,
                a.AgencyId,
                a.ApplicantName,
                a.MaskIdNumber(protector.Unprotect(a.IdNumberProtected)),
                Masking.Phone(protector.Unprotect(a.PhoneProtected)),
                a.State,
                a.Arrived,
                a.Received,
                deadline,
                a.Type,
                names.GetValueOrDefault(a.AgencyId),
                a.AssignedAgencyId is { } x ? names.GetValueOrDefault(x) : null,
                a.Decision,
                a.Decision is null && deadline is { IsPaused: false } d && d.Due.Date < today,
                a.Version);
        }).ToList();
        return new Page<ApplicationListItem>(items, p.Page, p.PageSize, total);
    }
}
