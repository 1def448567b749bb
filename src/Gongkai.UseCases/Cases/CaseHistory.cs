using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>A case loaded for a step: the stored record, the domain object restored from it, and the calendar.</summary>
public sealed record LoadedCase(ApplicationRecord Record, ApplicationCase Case, WorkingDayCalendar Calendar)
{
    public AnswerDeadline? Deadline => Case.Deadline(Calendar);
}

/// <summary>What a step left behind: the case's new version and state, and whether it repeated an earlier submit.</summary>
public sealed record CaseStepResult(long ApplicationId, int Version, CaseState State, DateOnly? Due, bool Repeated);

/// <summary>
/// Loads cases for a step and writes the step with its history entry (条例第四十五条): the version check that detects
/// concurrent edits, the request key that makes a repeated submit harmless, and the cached due date for queues.
/// </summary>
public sealed class CaseHistory(GongkaiDbContext db, CalendarProvider calendars, AgencyClock clock)
{
    public const string ConcurrentChangeCode = "case.concurrent_change";
    public const string ClosedCode = "case.closed";

    /// <summary>Loads a case this user may see (received by or assigned to a visible agency); others are "not found".</summary>
    public async Task<LoadedCase> LoadAsync(long id, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var record = await db.Applications.Include(a => a.Pauses).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (record is null || !staff.CanSeeApplication(record.AgencyId, record.AssignedAgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该申请，或您无权查看。");
        }

        return new LoadedCase(record, ApplicationCase.Restore(record.Snapshot()), await calendars.GetAsync(db, ct));
    }

    /// <summary>The result of an earlier submit with this key, when there was one.</summary>
    public async Task<CaseStepResult?> FindRepeatAsync(long id, string? requestKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestKey))
        {
            return null;
        }

        var done = await db.ApplicationEvents.AsNoTracking().AnyAsync(e => e.ApplicationId == id && e.RequestKey == requestKey, ct);
        if (!done)
        {
            return null;
        }

        var now = await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Version, a.State, a.DueDate }).SingleAsync(ct);
        return new CaseStepResult(id, now.Version, now.State, now.DueDate, Repeated: true);
    }

    /// <summary>Refuses a step taken on a page older than the case: someone else changed it in between.</summary>
    public static void EnsureVersion(ApplicationRecord record, int expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Version != expectedVersion)
        {
            throw Conflict(record);
        }
    }

    /// <summary>Copies the domain's facts to the record, appends the history entry and saves both in one transaction.</summary>
    public async Task<CaseStepResult> CommitAsync(LoadedCase loaded, string kind, string actor, DateOnly? onDate, string summary, bool visibleToApplicant, string? requestKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var record = loaded.Record;
        var before = record.DueDate;
        record.Apply(loaded.Case.ToSnapshot());
        var deadline = loaded.Case.Deadline(loaded.Calendar);
        record.DueDate = deadline?.Due.Date;
        record.Version++;
        record.UpdatedAt = clock.UtcNow;
        record.UpdatedBy = actor;
        db.ApplicationEvents.Add(new ApplicationEventRecord
        {
            ApplicationId = record.Id,
            At = record.UpdatedAt,
            Actor = actor,
            Kind = kind,
            OnDate = onDate,
            Summary = summary.Length > 4000 ? summary[..4000] : summary,
            StateAfter = record.State,
            DueBefore = before,
            DueAfter = record.DueDate,
            VisibleToApplicant = visibleToApplicant,
            RequestKey = string.IsNullOrWhiteSpace(requestKey) ? null : requestKey,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == record.Id, ct);
            throw Conflict(current);
        }
        catch (DbUpdateException) when (requestKey is not null)
        {
            // The same submit arrived twice at once: the other one was applied.
            db.ChangeTracker.Clear();
            if (await FindRepeatAsync(record.Id, requestKey, ct) is { } repeat)
            {
                return repeat;
            }

            throw;
        }

        return new CaseStepResult(record.Id, record.Version, record.State, record.DueDate, Repeated: false);
    }

    private static DomainException Conflict(ApplicationRecord current)
    {
        var at = current.UpdatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DomainException(ConcurrentChangeCode, $"该申请已于 {at} 由{current.UpdatedBy}办理过（当前状态：{CaseLifecycle.Name(current.State)}），您看到的页面已过期，本次操作未保存。请刷新页面，查看最新情况后再操作。");
    }
}
