using Gongkai.Core.Cases;
using Gongkai.Core.PersonalData;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>A consultation as shown: who, when the letter went, their own 15-working-day limit, and the reply.</summary>
public sealed record ConsultationView(PauseReason Reason, string? Party, DateOnly LetterSent, DateOnly? LetterReceived, DateOnly ReplyDue, DateOnly? Reply, DateOnly? Limit);

public sealed record AttachmentView(long Id, AttachmentPurpose Purpose, string FileName, long Size, DateTimeOffset UploadedAt);

public sealed record CaseEventView(DateTimeOffset At, string Actor, string Kind, DateOnly? On, string Summary, CaseState StateAfter, DateOnly? DueBefore, DateOnly? DueAfter);

/// <summary>Everything staff see of one application; personal data masked (revealed through <see cref="RevealApplicantContact"/>).</summary>
public sealed record ApplicationDetail(
    ApplicationRecord Record,
    string AgencyName,
    string? AssignedAgencyName,
    string IdNumberMasked,
    string PhoneMasked,
    AnswerDeadline? Deadline,
    DateOnly? CorrectionNoticeDue,
    IReadOnlyList<ConsultationView> Consultations,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<CaseEventView> History,
    IReadOnlyList<CaseAction> AllowedActions,
    bool? ServedOnTime,
    bool Overdue);

/// <summary>申请详情: one application with its deadline explanation, consultations, files, history and the next possible steps.</summary>
[ReadOnlyUseCase]
public sealed class GetApplication(GongkaiDbContext db, StaffContext staff, CaseHistory history, PersonalDataProtector protector, Platform.AgencyClock clock)
{
    public async Task<ApplicationDetail> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var loaded = await history.LoadAsync(id, staff, ct);
        var r = loaded.Record;
        db.Entry(r).State = EntityState.Detached;
        var names = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId || a.Id == r.AssignedAgencyId).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var files = await db.ApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == id).OrderBy(f => f.Id)
            .Select(f => new AttachmentView(f.Id, f.Purpose, f.FileName, f.Size, f.UploadedAt)).ToListAsync(ct);
        var events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.Id)
            .Select(e => new CaseEventView(e.At, e.Actor, e.Kind, e.OnDate, e.Summary, e.StateAfter, e.DueBefore, e.DueAfter)).ToListAsync(ct);
        var consultations = r.Pauses.Where(p => p.Reason != PauseReason.FeeNotice).OrderBy(p => p.Sequence)
            .Select(p => new ConsultationView(p.Reason, p.Party, p.From, p.LetterReceived, AnswerClock.ConsultationReplyDue(loaded.Calendar, p.LetterReceived ?? p.From).Date, p.Until, p.Limit))
            .ToList();
        var deadline = loaded.Deadline;
        var allowed = CaseLifecycle.Allowed(r.State)
            .Where(a => PerformCaseStep.RolesFor(a).Any(staff.IsInRole) || staff.IsUnrestricted)
            .Where(loaded.Case.Fits)
            .ToList();
        var id0 = protector.Unprotect(r.IdNumberProtected)!;
        return new ApplicationDetail(
            r,
            names.GetValueOrDefault(r.AgencyId, "?"),
            r.AssignedAgencyId is { } assigned ? names.GetValueOrDefault(assigned) : null,
            r.MaskIdNumber(id0),
            Masking.Phone(protector.Unprotect(r.PhoneProtected)),
            deadline,
            r.Received is { } received && r.CorrectionRequested is null && r.State == CaseState.UnderReview ? AnswerClock.CorrectionNoticeDue(loaded.Calendar, received).Date : null,
            consultations,
            files,
            events,
            allowed,
            loaded.Case.ServedOnTime(loaded.Calendar),
            r.Decision is null && deadline is { IsPaused: false } d && d.Due.Date < clock.Today());
    }
}

/// <summary>An attachment's content for staff who may see the application (or the applicant with the query code).</summary>
public sealed record AttachmentContent(string FileName, string ContentType, Stream Content);

/// <summary>下载申请附件.</summary>
[ReadOnlyUseCase]
public sealed class GetApplicationAttachment(GongkaiDbContext db, StaffContext staff, IFileStore files)
{
    public async Task<AttachmentContent> ExecuteAsync(long applicationId, long attachmentId, CancellationToken ct = default)
    {
        var app = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => new { a.AgencyId, a.AssignedAgencyId }).SingleOrDefaultAsync(ct);
        var file = await db.ApplicationAttachments.AsNoTracking().SingleOrDefaultAsync(f => f.Id == attachmentId && f.ApplicationId == applicationId, ct);
        if (app is null || file is null || !staff.CanSeeApplication(app.AgencyId, app.AssignedAgencyId))
        {
            throw new Core.Common.DomainException(StaffContext.NotFoundCode, "找不到该附件，或您无权查看。");
        }

        return new AttachmentContent(file.FileName, file.ContentType, files.OpenRead(file.StorageKey));
    }
}
