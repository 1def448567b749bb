using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Files;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>Filters of the back-office item list. State: overdue (未发布且已超期), due-soon (5 个工作日内到期), late (曾超期发布).</summary>
public sealed record CatalogueQuery
{
    public int? AgencyId { get; init; }

    public ItemStage? Stage { get; init; }

    public string? State { get; init; }

    /// <summary>Items first published in this year.</summary>
    public int? Year { get; init; }

    public string? Text { get; init; }

    /// <summary>Only items waiting for a step the signed-in user may take.</summary>
    public bool MineToDo { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

/// <summary>A row of the back-office item list.</summary>
public sealed record CatalogueItemRow(
    int Id,
    int AgencyId,
    string AgencyName,
    ItemKind Kind,
    string Title,
    ItemStage Stage,
    int Revision,
    int PublishedRevision,
    string? IndexNumber,
    DateOnly Formed,
    DateOnly DueOn,
    DateOnly? FirstPublishedOn,
    bool Withdrawn,
    Timeliness Timeliness);

/// <summary>The catalogue's term lists for the editor's choices.</summary>
public sealed record CatalogueTerms(IReadOnlyList<string> Topics, IReadOnlyList<string> Validity, IReadOnlyList<string> KeyAreas);

/// <summary>公开信息 in the back office: filters by unit, stage, deadline state, year and text, with pagination.</summary>
[ReadOnlyUseCase]
public sealed class ListCatalogueItems(GongkaiDbContext db, StaffContext staff, AgencyClock clock, CalendarProvider calendars)
{
    public const int DueSoonWorkingDays = TimelinessRules.DueSoonWorkingDays;

    public async Task<Page<CatalogueItemRow>> ExecuteAsync(CatalogueQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var visible = staff.VisibleAgencies?.ToList();
        var q = db.CatalogueItems.AsNoTracking().Where(i => visible == null || visible.Contains(i.AgencyId));
        var today = clock.Today();
        var calendar = await calendars.GetAsync(db, ct);
        if (query.AgencyId is { } agency)
        {
            q = q.Where(i => i.AgencyId == agency);
        }

        if (query.Stage is { } stage)
        {
            q = q.Where(i => i.Stage == stage);
        }

        // Waiting as the 公开时效 board counts it: 主动公开 items not yet published, and versions set to publish on a later day.
        var waiting = TimelinessRules.Unpublished(db.CatalogueItems).Select(i => i.Id)
            .Concat(db.CatalogueRevisions.Where(r => r.PublishedOn > today).Select(r => r.ItemId));
        switch (query.State)
        {
            case "overdue":
                q = q.Where(i => waiting.Contains(i.Id) && i.DueOn < today);
                break;
            case "duesoon":
                var soon = calendar.AddWorkingDays(today, DueSoonWorkingDays).Date;
                q = q.Where(i => waiting.Contains(i.Id) && i.DueOn >= today && i.DueOn <= soon);
                break;
            case "late":
                q = q.Where(i => db.CatalogueRevisions.Any(r => r.ItemId == i.Id && r.PublishedOn > r.DueOn));
                break;
        }

        if (query.Year is { } year)
        {
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            q = q.Where(i => i.FirstPublishedOn >= from && i.FirstPublishedOn <= to);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(i => i.Title.Contains(text) || (i.IndexNumber != null && i.IndexNumber.Contains(text)) || (i.DocumentNumber != null && i.DocumentNumber.Contains(text)));
        }

        if (query.MineToDo)
        {
            var stages = new List<ItemStage>();
            foreach (var s in new[] { ItemStage.FirstReview, ItemStage.SecondReview, ItemStage.FinalReview, ItemStage.Proofreading })
            {
                if (CatalogueRules.StepRoles(s).Any(staff.IsInRole))
                {
                    stages.Add(s);
                }
            }

            if (CatalogueRules.PublisherRoles.Any(staff.IsInRole))
            {
                stages.Add(ItemStage.ReadyToPublish);
            }

            q = q.Where(i => stages.Contains(i.Stage));
        }

        var total = await q.CountAsync(ct);
        var page = PageRequest.Normalise(query.Page, query.PageSize, total);
        var rows = await q.OrderByDescending(i => i.UpdatedAt).ThenByDescending(i => i.Id).Skip((page.Page - 1) * page.PageSize).Take(page.PageSize).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var published = await db.CatalogueRevisions.AsNoTracking().Where(r => ids.Contains(r.ItemId)).Select(r => new { r.ItemId, r.Revision, r.PublishedOn }).ToListAsync(ct);
        return new Page<CatalogueItemRow>(
            [.. rows.Select(i =>
            {
                var publishedOn = i.Stage is ItemStage.Published or ItemStage.Withdrawn ? published.FirstOrDefault(p => p.ItemId == i.Id && p.Revision == i.Revision)?.PublishedOn : null;
                return new CatalogueItemRow(i.Id, i.AgencyId, names.GetValueOrDefault(i.AgencyId, string.Empty), i.Kind, i.Title, i.Stage, i.Revision, i.PublishedRevision, i.IndexNumber, i.Formed, i.DueOn, i.FirstPublishedOn, i.WithdrawnAt is not null, CatalogueTimeliness.Of(calendar, i.Changed ?? i.Formed, publishedOn, today, i.Stage));
            })],
            page.Page,
            page.PageSize,
            total);
    }
}

/// <summary>An item's deadline state from its working revision's date (a withdrawn item whose version was published counts as published).</summary>
public static class CatalogueTimeliness
{
    public static Timeliness Of(Core.Calendar.WorkingDayCalendar calendar, DateOnly from, DateOnly? publishedOn, DateOnly today, ItemStage stage) =>
        PublicationTimeliness.Of(calendar, from, stage is ItemStage.Published or ItemStage.Withdrawn ? publishedOn ?? today : null, today, ListCatalogueItems.DueSoonWorkingDays);

    public static string Name(TimelinessState state) => state switch
    {
        TimelinessState.Open => "未到期",
        TimelinessState.DueSoon => "即将到期",
        TimelinessState.Overdue => "已超期",
        TimelinessState.OnTime => "按时公开",
        TimelinessState.Late => "超期公开",
        _ => state.ToString(),
    };
}

/// <summary>The catalogue's active terms for the editor.</summary>
[ReadOnlyUseCase]
public sealed class GetCatalogueTerms(GongkaiDbContext db)
{
    public async Task<CatalogueTerms> ExecuteAsync(CancellationToken ct = default)
    {
        var terms = await db.CatalogueTerms.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ToListAsync(ct);
        return new CatalogueTerms(
            [.. terms.Where(t => t.Kind == CatalogueTermKind.Topic).Select(t => t.Name)],
            [.. terms.Where(t => t.Kind == CatalogueTermKind.Validity).Select(t => t.Name)],
            [.. terms.Where(t => t.Kind == CatalogueTermKind.KeyArea).Select(t => t.Name)]);
    }
}

/// <summary>A linked item (a document an interpretation explains, or an interpretation of a document).</summary>
public sealed record LinkedItem(int Id, string Title, bool Published);

/// <summary>What the signed-in user may do with the item now.</summary>
public sealed record CatalogueItemActions(bool Edit, bool Submit, bool Review, bool Publish, bool Revise, bool Withdraw, string? SeparationNote);

/// <summary>An item in the back office: the working copy, its lists, history, published versions and the user's possible steps.</summary>
public sealed record CatalogueItemDetail(
    CatalogueItemRecord Item,
    string AgencyName,
    IReadOnlyList<string> KeyAreas,
    IReadOnlyList<LinkedItem> Interprets,
    IReadOnlyList<LinkedItem> InterpretedBy,
    IReadOnlyList<CatalogueAttachmentRecord> Attachments,
    IReadOnlyList<CatalogueItemEventRecord> History,
    IReadOnlyList<CatalogueRevisionRecord> Revisions,
    Timeliness Timeliness,
    CatalogueItemActions Actions,
    string? ApplicationCaseNumber,
    string? NormativeDocumentTitle);

/// <summary>One item for the back office (editor, reviewers, publisher).</summary>
[ReadOnlyUseCase]
public sealed class GetCatalogueItem(GongkaiDbContext db, StaffContext staff, AgencyClock clock, CalendarProvider calendars)
{
    public async Task<CatalogueItemDetail> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null || !staff.CanSee(item.AgencyId))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该信息，或您无权查看。");
        }

        var agencyName = await db.Agencies.AsNoTracking().Where(a => a.Id == item.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var keyAreas = await (from t in db.CatalogueItemTags join term in db.CatalogueTerms on t.TermId equals term.Id where t.ItemId == id orderby term.SortOrder select term.Name).ToListAsync(ct);
        var interprets = await (from l in db.CatalogueLinks join d in db.CatalogueItems on l.DocumentId equals d.Id where l.InterpretationId == id select new LinkedItem(d.Id, d.Title, d.PublishedRevision > 0 && d.WithdrawnAt == null)).ToListAsync(ct);
        var interpretedBy = await (from l in db.CatalogueLinks join d in db.CatalogueItems on l.InterpretationId equals d.Id where l.DocumentId == id select new LinkedItem(d.Id, d.Title, d.PublishedRevision > 0 && d.WithdrawnAt == null)).ToListAsync(ct);
        var attachments = await db.CatalogueAttachments.AsNoTracking().Where(a => a.ItemId == id && a.UntilRevision == null).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).ToListAsync(ct);
        var history = await db.CatalogueItemEvents.AsNoTracking().Where(e => e.ItemId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var revisions = await db.CatalogueRevisions.AsNoTracking().Where(r => r.ItemId == id).OrderByDescending(r => r.Revision).ToListAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        var today = clock.Today();
        var publishedOn = revisions.FirstOrDefault(r => r.Revision == item.Revision)?.PublishedOn;
        var timeliness = CatalogueTimeliness.Of(calendar, item.Changed ?? item.Formed, publishedOn, today, item.Stage);
        var actions = Actions(item, history);
        var caseNumber = item.ApplicationId is { } appId ? await db.Applications.AsNoTracking().Where(a => a.Id == appId).Select(a => a.CaseNumber).SingleOrDefaultAsync(ct) : null;
        var docTitle = item.NormativeDocumentId is { } docId ? await db.NormativeDocuments.AsNoTracking().Where(d => d.Id == docId).Select(d => d.Title + "（" + d.DocumentNumber + "）").SingleOrDefaultAsync(ct) : null;
        return new CatalogueItemDetail(item, agencyName, keyAreas, interprets, interpretedBy, attachments, history, revisions, timeliness, actions, caseNumber, docTitle);
    }

    private CatalogueItemActions Actions(CatalogueItemRecord item, IReadOnlyList<CatalogueItemEventRecord> history)
    {
        var author = CatalogueRules.MayAuthor(staff, item.AgencyId);
        var review = (ReviewWorkflow.IsReview(item.Stage) || item.Stage == ItemStage.Proofreading) && CatalogueRules.MayStep(staff, item.Stage, item.AgencyId);
        string? note = null;
        if (review && ReviewWorkflow.IsReview(item.Stage))
        {
            note = ReviewWorkflow.SeparationProblem(item.Stage, staff.UserId ?? staff.UserName, CatalogueRules.Approvals(CatalogueRules.LastCycle(history, item.Revision)));
        }

        return new CatalogueItemActions(
            Edit: author && item.Stage == ItemStage.Draft,
            Submit: author && item.Stage == ItemStage.Draft && item.Attribute == DisclosureAttribute.Proactive,
            Review: review && note is null,
            Publish: item.Stage == ItemStage.ReadyToPublish && CatalogueRules.MayPublish(staff, item.AgencyId),
            Revise: author && item.Stage is ItemStage.Published or ItemStage.Withdrawn,
            Withdraw: item.PublishedRevision > 0 && item.WithdrawnAt is null && CatalogueRules.MayWithdraw(staff, item.AgencyId),
            SeparationNote: note);
    }
}

/// <summary>A file to send: its name, type and content.</summary>
public sealed record CatalogueFile(string FileName, string ContentType, Stream Content);

/// <summary>An item's attachment for staff who can see the item (any revision's).</summary>
[ReadOnlyUseCase]
public sealed class OpenCatalogueAttachment(GongkaiDbContext db, StaffContext staff, IFileStore files)
{
    public async Task<CatalogueFile> ExecuteAsync(int itemId, int attachmentId, CancellationToken ct = default)
    {
        var agency = await db.CatalogueItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (int?)i.AgencyId).SingleOrDefaultAsync(ct);
        var file = await db.CatalogueAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.ItemId == itemId, ct);
        if (agency is null || file is null || !staff.CanSee(agency.Value))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该附件，或您无权查看。");
        }

        return new CatalogueFile(file.FileName, file.ContentType, files.OpenRead(file.FileKey));
    }
}
