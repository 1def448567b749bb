using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>One entry of a review case's history as shown.</summary>
public sealed record ReviewEventView(DateTimeOffset At, string Actor, string Kind, DateOnly? On, string Summary);

/// <summary>A document of a review case as listed.</summary>
public sealed record ReviewDocumentView(long Id, ReviewDocumentKind Kind, string KindName, string FileName, long Size, DateTimeOffset UploadedAt, string UploadedBy);

/// <summary>A review case linked from another (the 复议 a suit follows, or the suits after a 复议).</summary>
public sealed record ReviewCaseLink(long Id, string ExternalNumber, ReviewKind Kind);

/// <summary>Everything staff see of one review case.</summary>
public sealed record ReviewCaseDetail(
    ReviewCaseItem Case,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    ReviewCaseLink? PreviousReview,
    IReadOnlyList<ReviewCaseLink> LaterSuits,
    IReadOnlyList<ReviewEventView> History,
    IReadOnlyList<ReviewDocumentView> Documents)
{
    /// <summary>Filed after the last day the applicant could file (the body decides whether it is admissible; shown as a fact).</summary>
    public bool FiledLate => Case.FilingDeadline is { } last && Case.Filed > last;

    public bool IsConcluded => Case.Outcome is not null;
}

/// <summary>行政复议或诉讼详情: one case of an agency this user may see, with its periods, links, history and documents.</summary>
[ReadOnlyUseCase]
public sealed class GetReviewCase(GongkaiDbContext db, StaffContext staff, AgencyClock clock)
{
    public async Task<ReviewCaseDetail> ExecuteAsync(long id, CancellationToken ct = default)
    {
        var r = await ReviewChecks.LoadAsync(db, staff, id, ct);
        db.Entry(r).State = EntityState.Detached;
        var item = (await ListReviewCases.ProjectAsync(db, db.ReviewCases.AsNoTracking().Where(x => x.Id == id), clock.Today(), ct)).Single();
        var previous = r.PreviousReviewId is { } p
            ? await db.ReviewCases.AsNoTracking().Where(x => x.Id == p).Select(x => new ReviewCaseLink(x.Id, x.ExternalNumber, x.Kind)).SingleOrDefaultAsync(ct)
            : null;
        var visible = staff.VisibleAgencies?.ToList();
        var later = await db.ReviewCases.AsNoTracking()
            .Where(x => x.PreviousReviewId == id && (visible == null || visible.Contains(x.AgencyId)))
            .OrderBy(x => x.Id)
            .Select(x => new ReviewCaseLink(x.Id, x.ExternalNumber, x.Kind))
            .ToListAsync(ct);
        var history = await db.ReviewCaseEvents.AsNoTracking().Where(e => e.ReviewCaseId == id).OrderBy(e => e.Id)
            .Select(e => new ReviewEventView(e.At, e.Actor, e.Kind, e.OnDate, e.Summary))
            .ToListAsync(ct);
        var documents = (await db.ReviewDocuments.AsNoTracking().Where(d => d.ReviewCaseId == id).OrderBy(d => d.Id).ToListAsync(ct))
            .Select(d => new ReviewDocumentView(d.Id, d.Kind, ReviewDocuments.Name(d.Kind, r.Kind), d.FileName, d.Size, d.UploadedAt, d.UploadedBy))
            .ToList();
        return new ReviewCaseDetail(item, r.RegisteredAt, r.RegisteredBy, previous, later, history, documents);
    }
}
