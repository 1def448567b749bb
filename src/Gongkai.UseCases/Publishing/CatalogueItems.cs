using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>起草: a new item in draft, with its metadata; its deadline counts from the 成文日期.</summary>
[AuditAction("起草公开信息")]
public sealed class CreateCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CalendarProvider calendars)
{
    public async Task<int> ExecuteAsync(CatalogueItemInput input, string? requestKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureCanSee(input.AgencyId);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        var key = CatalogueRules.Key(requestKey);
        if (key is not null && await db.CatalogueItemEvents.AsNoTracking().Where(e => e.RequestKey == key && e.Kind == "created").Select(e => (int?)e.ItemId).FirstOrDefaultAsync(ct) is { } done)
        {
            return done;
        }

        using var _ = audit.Begin(this);
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        var (clean, keyAreas) = await CatalogueRules.CheckAsync(db, staff, input with { Changed = null }, agency, clock.Today(), null, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.UtcNow;
        var item = new CatalogueItemRecord
        {
            AgencyId = agency.Id,
            Stage = ItemStage.Draft,
            Revision = 1,
            CreatedAt = now,
            CreatedBy = staff.DisplayName,
            UpdatedAt = now,
            UpdatedBy = staff.DisplayName,
            Version = 1,
        };
        CatalogueRules.Apply(item, clean);
        item.DueOn = CatalogueRules.DueOn(calendar, item.Formed);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync(ct);
        await CatalogueRules.ReplaceTagsAndLinksAsync(db, item.Id, keyAreas, clean.Interprets, ct);
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "created", staff, now, key));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item.Id;
    }
}

/// <summary>修改: the draft's metadata and text, while it is a draft (new, returned, or a revision under way).</summary>
[AuditAction("修改公开信息")]
public sealed class UpdateCatalogueItem(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CalendarProvider calendars)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, CatalogueItemInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, ItemStage.Draft);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == item.AgencyId, ct);
        var (clean, keyAreas) = await CatalogueRules.CheckAsync(db, staff, input with { AgencyId = item.AgencyId, Changed = item.Revision > 1 ? input.Changed ?? item.Changed : null }, agency, clock.Today(), id, ct);
        if (item.PublishedRevision > 0 && clean.Formed != item.Formed && clean.Changed is null)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Changed"] = "修订已发布的信息时请填写变更日期。" });
        }

        CatalogueRules.Apply(item, clean);
        var calendar = await calendars.GetAsync(db, ct);
        item.DueOn = CatalogueRules.DueOn(calendar, item.Changed ?? item.Formed);
        var now = clock.UtcNow;
        CatalogueRules.Touch(item, staff, now);
        await CatalogueRules.ReplaceTagsAndLinksAsync(db, item.Id, keyAreas, clean.Interprets, ct);
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "edited", staff, now, null));
        await CatalogueRules.SaveStepAsync(db, ct);
        return item.Version;
    }
}

/// <summary>添加附件 to a draft: PDF, Word, Excel or images, checked by content, kept in the file store.</summary>
[AuditAction("添加公开信息附件")]
public sealed class AddCatalogueAttachment(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, IFileStore files)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, UploadedFile file, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, ItemStage.Draft);
        var current = await db.CatalogueAttachments.CountAsync(a => a.ItemId == id && a.UntilRevision == null, ct);
        if (current >= CatalogueRules.MaxAttachments)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["File"] = $"每条信息最多 {CatalogueRules.MaxAttachments} 个附件。" });
        }

        var (checkedFile, type) = AttachmentRules.Check([file], "File").Single();
        var stored = await files.SaveAsync(checkedFile.Content, AttachmentRules.MaxBytes, ct)
            ?? throw new ValidationFailedException(new Dictionary<string, string> { ["File"] = $"附件“{checkedFile.FileName}”超过 {AttachmentRules.MaxBytesText}。" });
        try
        {
            var now = clock.UtcNow;
            db.CatalogueAttachments.Add(new CatalogueAttachmentRecord
            {
                ItemId = id,
                FileKey = stored.Key,
                FileName = checkedFile.FileName,
                ContentType = type,
                Size = stored.Size,
                Sha256 = stored.Sha256,
                FromRevision = item.Revision,
                SortOrder = current + 1,
                AddedAt = now,
                AddedBy = staff.DisplayName,
            });
            CatalogueRules.Touch(item, staff, now);
            db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "attachment_added", staff, now, null, checkedFile.FileName));
            await CatalogueRules.SaveStepAsync(db, ct);
        }
        catch
        {
            files.Delete(stored.Key);
            throw;
        }

        return item.Version;
    }
}

/// <summary>删除附件 from a draft. A file an earlier published version listed stays stored for that version's history.</summary>
[AuditAction("删除公开信息附件")]
public sealed class RemoveCatalogueAttachment(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, IFileStore files)
{
    public async Task<int> ExecuteAsync(int id, int expectedVersion, int attachmentId, CancellationToken ct = default)
    {
        var item = await CatalogueRules.LoadAsync(db, staff, id, ct);
        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        using var _ = audit.Begin(this);
        CatalogueRules.EnsureVersion(item, expectedVersion);
        CatalogueRules.EnsureStage(item, ItemStage.Draft);
        var attachment = await db.CatalogueAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == id && a.UntilRevision == null, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该附件。");
        var now = clock.UtcNow;
        var unpublished = attachment.FromRevision > item.PublishedRevision;
        if (unpublished)
        {
            db.CatalogueAttachments.Remove(attachment);
        }
        else
        {
            attachment.UntilRevision = item.Revision;
        }

        CatalogueRules.Touch(item, staff, now);
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "attachment_removed", staff, now, null, attachment.FileName));
        await CatalogueRules.SaveStepAsync(db, ct);
        if (unpublished)
        {
            files.Delete(attachment.FileKey);
        }

        return item.Version;
    }
}

/// <summary>
/// 依申请公开转主动公开 (条例第四十四条): an answered application whose information was disclosed, and which many
/// people ask for or which affects the public, is proposed for proactive disclosure: a draft linked to the case enters
/// 三审三校. One proposal per application.
/// </summary>
[AuditAction("依申请公开转主动公开")]
public sealed class ProposeApplicationForDisclosure(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock, CalendarProvider calendars)
{
    public const string SourceText = "依申请公开转主动公开（条例第四十四条）";

    public async Task<int> ExecuteAsync(long applicationId, string? reason, string? requestKey = null, CancellationToken ct = default)
    {
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        if (app is null || !staff.CanSeeApplication(app.AgencyId, app.AssignedAgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该申请，或您无权查看。");
        }

        var agencyId = app.AssignedAgencyId ?? app.AgencyId;
        if (!staff.CanSee(agencyId))
        {
            agencyId = app.AgencyId;
        }

        staff.EnsureRole([.. CatalogueRules.AuthorRoles]);
        if (await db.CatalogueItems.AsNoTracking().Where(i => i.ApplicationId == applicationId).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            return existing;
        }

        using var _ = audit.Begin(this);
        if (app.Served is null || app.Decision is not (DecisionType.Disclosed or DecisionType.PartiallyDisclosed))
        {
            throw new DomainException(CatalogueRules.StageCode, "只有已答复并送达、决定为予以公开或部分公开的申请，才能转为主动公开。");
        }

        var note = CatalogueRules.Comment(reason, true, "请写明转为主动公开的理由（如：多个申请人申请相同信息，或涉及公众利益）。");
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var now = clock.UtcNow;
        var today = clock.Today();
        var description = app.Description.Trim();
        var title = description.Length <= 60 ? description : description[..60] + "……";
        var item = new CatalogueItemRecord
        {
            AgencyId = agency.Id,
            Stage = ItemStage.Draft,
            Revision = 1,
            Title = title,
            Summary = $"经依申请公开（受理编号 {app.CaseNumber}）答复的信息，转为主动公开。",
            Body = app.DecisionSummary ?? string.Empty,
            PublishingAgency = agency.Name,
            Formed = today,
            Directory = ColumnDirectory.Statutory,
            Article20Item = 15,
            Attribute = DisclosureAttribute.Proactive,
            Source = SourceText,
            ApplicationId = applicationId,
            CreatedAt = now,
            CreatedBy = staff.DisplayName,
            UpdatedAt = now,
            UpdatedBy = staff.DisplayName,
            Version = 1,
        };
        item.DueOn = CatalogueRules.DueOn(calendar, item.Formed);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync(ct);
        db.CatalogueItemEvents.Add(CatalogueRules.Event(item, "proposed", staff, now, CatalogueRules.Key(requestKey), note));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item.Id;
    }
}
