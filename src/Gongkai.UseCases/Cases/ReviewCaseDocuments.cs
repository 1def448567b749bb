using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Cases;
using Gongkai.Data.Files;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>
/// 上传复议诉讼材料: a document of a review case (复议申请书副本、答复书、证据、复议决定书、判决书…), checked like an
/// application's attachments (<see cref="AttachmentRules"/>) and kept in the file store. Allowed after the outcome too —
/// the 决定书 or 判决书 usually arrives with it. Each upload is a history entry; a resubmitted form stores the file once.
/// </summary>
[AuditAction("上传复议诉讼材料")]
public sealed class AttachReviewDocument(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, ApplicationIntake intake)
{
    public async Task<ReviewCaseResult> ExecuteAsync(long id, ReviewDocumentKind kind, UploadedFile file, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        staff.EnsureRole(ReviewChecks.Roles);
        using var _ = audit.Begin(this);
        var key = ReviewChecks.Key(requestKey);
        var r = await ReviewChecks.LoadAsync(db, staff, id, ct);
        if (await ReviewChecks.FindRepeatAsync(db, id, key, ct) is { } repeat)
        {
            return repeat;
        }

        if (!ReviewDocuments.For(r.Kind).Contains(kind))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Kind"] = "请选择材料类型。" });
        }

        var checkedFiles = AttachmentRules.Check([file], "File");
        var stored = await intake.StoreAsync(checkedFiles, ct);
        var s = stored.Single();
        var now = clock.UtcNow;
        var name = ReviewDocuments.Name(kind, r.Kind);
        db.ReviewDocuments.Add(new ReviewDocumentRecord
        {
            ReviewCaseId = id,
            Kind = kind,
            FileName = s.Name,
            ContentType = s.ContentType,
            Size = s.File.Size,
            Sha256 = s.File.Sha256,
            StorageKey = s.File.Key,
            UploadedAt = now,
            UploadedBy = staff.DisplayName,
        });
        db.ReviewCaseEvents.Add(ReviewChecks.Event(id, now, staff.DisplayName, ReviewCaseEvents.DocumentAdded, null, $"上传{name}：{s.Name}（{Size(s.File.Size)}）。", key));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same form was submitted twice at once: the other submit stored the document.
            intake.Discard(stored);
            db.ChangeTracker.Clear();
            if (await ReviewChecks.FindRepeatAsync(db, id, key, ct) is { } raced)
            {
                return raced;
            }

            throw;
        }
        catch
        {
            intake.Discard(stored);
            throw;
        }

        return new ReviewCaseResult(id, r.Version);
    }

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.#} MB");
}

/// <summary>下载复议诉讼材料: for staff who may see the case; a document of another case is "not found".</summary>
[ReadOnlyUseCase]
public sealed class GetReviewDocument(GongkaiDbContext db, StaffContext staff, IFileStore files)
{
    public async Task<AttachmentContent> ExecuteAsync(long reviewCaseId, long documentId, CancellationToken ct = default)
    {
        var agency = await db.ReviewCases.AsNoTracking().Where(r => r.Id == reviewCaseId).Select(r => (int?)r.AgencyId).SingleOrDefaultAsync(ct);
        var document = await db.ReviewDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ReviewCaseId == reviewCaseId, ct);
        if (agency is not { } a || document is null || !staff.CanSee(a))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该材料，或您无权查看。");
        }

        return new AttachmentContent(document.FileName, document.ContentType, files.OpenRead(document.StorageKey));
    }
}
