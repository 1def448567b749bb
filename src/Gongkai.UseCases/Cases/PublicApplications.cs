using System.Security.Cryptography;
using System.Text;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>
/// 网上申请: anyone applies on the portal, without an account. The application is registered and waits for the
/// agency to confirm it (双方确认之日 is the receipt date, 第三十一条). The applicant gets the 受理编号 and a 查询码 for
/// the tracking page; submitting the same form twice (same form key) gives the same case and code.
/// </summary>
[AuditAction("网上提交申请")]
public sealed class SubmitApplication(AuditContext audit, ApplicationIntake intake, AgencyClock clock, ApplicantContext applicant)
{
    public const string Actor = "申请人（网上申请）";

    public async Task<IntakeResult> ExecuteAsync(ApplicationInput input, IReadOnlyList<UploadedFile> attachments, string? formKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        audit.SetActor(applicant.IsSignedIn ? $"申请人（{applicant.DisplayName}）" : Actor, applicant.UserId);
        using var _ = audit.Begin(this);
        var online = input with { Channel = Channel.Online, Arrived = clock.Today() };
        return await intake.CreateAsync(online, attachments, formKey, Actor, "申请人通过网上申请平台提交申请。", received: false, ct, applicant.UserId);
    }
}

/// <summary>What the applicant sees of one step on the tracking page.</summary>
public sealed record TrackedStep(DateTimeOffset At, DateOnly? On, string Summary);

/// <summary>A letter addressed to the applicant, downloadable from the tracking page.</summary>
public sealed record TrackedLetter(long Id, string Title, string? DocumentNumber, DateOnly IssuedOn);

/// <summary>The applicant's view of their application: status, every deadline and what is asked of them.</summary>
public sealed record TrackedApplication(
    string CaseNumber,
    CaseType Type,
    string AgencyName,
    string ApplicantName,
    string Description,
    Channel Channel,
    DateOnly Arrived,
    CaseState State,
    DateOnly? Received,
    AnswerDeadline? Deadline,
    DateOnly? CorrectionDeadline,
    string? CorrectionPoints,
    string? CorrectionReply,
    DateOnly? FeePaymentDeadline,
    DecisionInfo? Decision,
    DateOnly? Decided,
    string? DecisionSummary,
    string? HoldingAgency,
    DateOnly? Served,
    ServiceMethod? ServiceMethod,
    IReadOnlyList<TrackedStep> Steps,
    IReadOnlyList<string> AttachmentNames,
    string? AgencyPhone,
    string? AgencyAddress,
    long? FeeYuan = null,
    DateOnly? FeePaid = null,
    IReadOnlyList<TrackedLetter>? Letters = null)
{
    /// <summary>The applicant is asked to correct the application now (on the tracking page).</summary>
    public bool AwaitsCorrection => State == CaseState.AwaitingCorrection;
}

/// <summary>
/// 申请查询: the public tracking page, by 受理编号 and 查询码. A wrong number or code gives the same "not found" answer;
/// the web layer throttles guesses per case number. Nothing about staff or other applicants is shown.
/// </summary>
[ReadOnlyUseCase]
public sealed class TrackApplication(GongkaiDbContext db, PersonalDataProtector protector, CalendarProvider calendars)
{
    public const string NotFoundMessage = "受理编号或查询码不正确。请核对回执上的受理编号和 8 位查询码。";

    public async Task<TrackedApplication> ExecuteAsync(string caseNumber, string queryCode, CancellationToken ct = default)
    {
        var record = await FindAsync(db, protector, caseNumber, queryCode, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == record.AgencyId).Select(a => new { a.Name, a.OfficePhone, a.OfficeAddress }).SingleAsync(ct);
        var steps = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == record.Id && e.VisibleToApplicant)
            .OrderBy(e => e.Id).Select(e => new TrackedStep(e.At, e.OnDate, e.Summary)).ToListAsync(ct);
        var files = await db.ApplicationAttachments.AsNoTracking().Where(f => f.ApplicationId == record.Id).OrderBy(f => f.Id).Select(f => f.FileName).ToListAsync(ct);
        var letters = await db.ApplicationLetters.AsNoTracking().Where(l => l.ApplicationId == record.Id && l.ToApplicant && !l.Superseded)
            .OrderBy(l => l.Id).Select(l => new TrackedLetter(l.Id, l.Title, l.DocumentNumber, l.IssuedOn)).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var domain = ApplicationCase.Restore(record.Snapshot());
        return new TrackedApplication(
            record.CaseNumber, record.Type, agency.Name, record.ApplicantName, record.Description, record.Channel, record.Arrived, record.State,
            record.Received, domain.Deadline(calendar), record.CorrectionDeadline, record.CorrectionPoints, record.CorrectionReply, record.FeePaymentDeadline,
            record.Decision is { } d ? DecisionCatalog.Of(d) : null, record.Decided, record.DecisionSummary, record.HoldingAgency, record.Served, record.ServiceMethod,
            steps, files, agency.OfficePhone, agency.OfficeAddress, record.FeeYuan, record.FeePaid, letters);
    }

    /// <summary>Finds a case by number and query code, comparing the code in constant time; anything else is "not found".</summary>
    internal static async Task<ApplicationRecord> FindAsync(GongkaiDbContext db, PersonalDataProtector protector, string caseNumber, string queryCode, CancellationToken ct, bool track = false)
    {
        var number = (caseNumber ?? string.Empty).Trim();
        var code = ApplicationIntake.NormaliseQueryCode(queryCode);
        if (number.Length is 0 or > 100 || code.Length is 0 or > 20)
        {
            throw new DomainException(StaffContext.NotFoundCode, NotFoundMessage);
        }

        var query = db.Applications.Include(a => a.Pauses).Where(a => a.CaseNumber == number);
        var record = await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
        var stored = record is null ? null : protector.Unprotect(record.QueryCodeProtected);
        if (record is null || stored is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(code)))
        {
            throw new DomainException(StaffContext.NotFoundCode, NotFoundMessage);
        }

        return record;
    }
}

/// <summary>
/// 网上补正: the applicant answers the 补正告知书 on the tracking page, with text and files. The corrected application is
/// received that day and the answer clock restarts from it (第三十条). A repeated submit (same form key) is applied once.
/// </summary>
[AuditAction("网上提交补正材料")]
public sealed class SubmitCorrection(GongkaiDbContext db, AuditContext audit, PersonalDataProtector protector, CaseHistory history, CalendarProvider calendars, ApplicationIntake intake, AgencyClock clock)
{
    public async Task<CaseStepResult> ExecuteAsync(string caseNumber, string queryCode, string reply, IReadOnlyList<UploadedFile> attachments, string? formKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        audit.SetActor(SubmitApplication.Actor);
        using var _ = audit.Begin(this);
        var record = await TrackApplication.FindAsync(db, protector, caseNumber, queryCode, ct, track: true);
        if (await history.FindRepeatAsync(record.Id, formKey, ct) is { } repeat)
        {
            return repeat;
        }

        var text = reply?.Trim() ?? string.Empty;
        if (text.Length == 0 && attachments.Count == 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Reply"] = "请填写补正内容或上传补正材料。" });
        }

        if (text.Length > PerformCaseStep.MaxTextLength)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Reply"] = $"补正内容不能超过 {PerformCaseStep.MaxTextLength} 个字。" });
        }

        var checkedFiles = AttachmentRules.Check(attachments, "Attachments");
        var domain = ApplicationCase.Restore(record.Snapshot());
        var today = clock.Today();
        domain.ReceiveCorrection(today);
        var stored = await intake.StoreAsync(checkedFiles, ct);
        try
        {
            db.ApplicationAttachments.AddRange(stored.Select(f => f.For(record.Id, AttachmentPurpose.Correction, clock.UtcNow)));
            record.CorrectionReply = text.Length == 0 ? null : text;
            var loaded = new LoadedCase(record, domain, await calendars.GetAsync(db, ct));
            var due = loaded.Deadline;
            return await history.CommitAsync(
                loaded,
                CaseEvents.ApplicantCorrected,
                SubmitApplication.Actor,
                today,
                $"申请人在网上提交补正材料（{today:yyyy-MM-dd}），答复期限自该日起重新计算，答复截止日 {due?.Due.Date:yyyy-MM-dd}。",
                visibleToApplicant: true,
                formKey,
                ct);
        }
        catch
        {
            intake.Discard(stored);
            throw;
        }
    }
}
