using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

public sealed record ReportEvent(DateTimeOffset At, string Actor, string Action, AnnualReportStatus? From, AnnualReportStatus To, string? Comment);

public sealed record ReportEditionRef(int Id, int Edition, AnnualReportStatus Status, DateOnly? PublishedOn, string? CorrectionReason);

/// <summary>A report as its page shows it: the record, the report, the findings, the history and what this user may do.</summary>
public sealed record AnnualReportDetail(
    AnnualReportRecord Record,
    string AgencyName,
    string ReviewOfficeName,
    AnnualReport Report,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ReportEvent> History,
    IReadOnlyList<ReportEditionRef> Editions,
    NarrativeFigures? Figures,
    bool CanEdit,
    bool CanReview,
    bool CanPublish,
    bool IsLate,
    IReadOnlySet<string> RequestKeys)
{
    public bool IsEditable => Record.Status is AnnualReportStatus.Draft or AnnualReportStatus.Returned && Record.Source == AnnualReportSource.Written;
}

/// <summary>Reads a report with its findings (validated against last year, the siblings and the deadline) and its history.</summary>
[ReadOnlyUseCase]
public sealed class GetAnnualReport(ReportStore store, ReportComputation computation)
{
    public async Task<AnnualReportDetail> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var record = await store.LoadAsync(id, ct);
        var db = store.Db;
        var tree = await AgencyTree.LoadAsync(db, ct);
        var report = ReportStore.Read(record);
        var findings = await store.ValidateAsync(record, report, tree, ct);
        var events = await db.AnnualReportEvents.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var history = events.Select(e => new ReportEvent(e.At, e.ActorDisplayName, e.Action, e.FromStatus, e.ToStatus, e.Comment)).ToList();
        var editions = await db.AnnualReports.AsNoTracking().Where(r => r.AgencyId == record.AgencyId && r.Year == record.Year).OrderBy(r => r.Edition)
            .Select(r => new ReportEditionRef(r.Id, r.Edition, r.Status, r.PublishedOn, r.CorrectionReason)).ToListAsync(ct);
        var staff = store.Staff;
        var canEdit = ReportRules.MayWrite(staff, record.AgencyId);
        NarrativeFigures? figures = null;
        if (record.Source == AnnualReportSource.Written && record.Status is AnnualReportStatus.Draft or AnnualReportStatus.Returned)
        {
            figures = (await computation.ComputeAsync(record.AgencyId, record.Year, tree, ct)).Figures;
        }

        var today = store.Clock.Today();
        var late = record.PublishedOn is { } p ? p > record.Deadline : today > record.Deadline;
        return new AnnualReportDetail(
            record,
            tree.Find(record.AgencyId)?.Name ?? string.Empty,
            tree.Find(ReportRules.ReviewOffice(tree, record.AgencyId))?.Name ?? string.Empty,
            report,
            findings,
            history,
            editions,
            figures,
            canEdit,
            ReportRules.MayReview(staff, tree, record.AgencyId),
            ReportRules.MayPublish(staff, tree, record.AgencyId),
            late,
            events.Where(e => e.RequestKey != null).Select(e => e.RequestKey!).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>
/// Checks the text the author is writing without saving it: the report as it would be with this text (the tables as
/// last computed), validated like the saved one — for the editor's live findings.
/// </summary>
[ReadOnlyUseCase]
public sealed class CheckAnnualReportText(ReportStore store)
{
    public async Task<IReadOnlyList<Finding>> ExecuteAsync(int id, ReportText text, CancellationToken ct = default)
    {
        var record = await store.LoadAsync(id, ct);
        ReportRules.EnsureMayWrite(store.Staff, record.AgencyId);
        var (_, sections) = SaveAnnualReportDraft.Checked(text);
        var report = ReportStore.Read(record);
        foreach (var (key, value) in sections)
        {
            report.Sections[key] = value;
        }

        return await store.ValidateAsync(record, report, await AgencyTree.LoadAsync(store.Db, ct), ct);
    }
}

/// <summary>One unit on the 政务公开办's board: its latest report on the year (or none), deadline and lateness.</summary>
public sealed record ReportBoardRow(
    int AgencyId,
    string AgencyName,
    AgencyKind Kind,
    int Depth,
    int? ReportId,
    int? Edition,
    AnnualReportStatus? Status,
    AnnualReportSource? Source,
    DateOnly Deadline,
    DateTimeOffset? SubmittedAt,
    DateOnly? PublishedOn,
    bool IsLate);

public sealed record ReportBoard(int Year, DateOnly Today, IReadOnlyList<ReportBoardRow> Rows)
{
    public int Count(AnnualReportStatus status) => Rows.Count(r => r.Status == status);

    public int NotStarted => Rows.Count(r => r.Status is null);

    public int Late => Rows.Count(r => r.IsLate);
}

/// <summary>
/// 年度报告看板: every agency this user may see, with its report on the year — not started, drafting, submitted,
/// returned, accepted, published — its deadline, and whether it is late (not published by the deadline, or
/// published after it).
/// </summary>
[ReadOnlyUseCase]
public sealed class GetReportBoard(ReportStore store)
{
    public async Task<ReportBoard> ExecuteAsync(int year, CancellationToken ct = default)
    {
        ReportComputation.EnsureYear(year);
        var db = store.Db;
        var staff = store.Staff;
        var tree = await AgencyTree.LoadAsync(db, ct);
        var visible = staff.VisibleAgencies;
        var nodes = tree.Ordered.Where(n => visible is null || visible.Contains(n.Id)).ToList();
        var ids = nodes.Select(n => n.Id).ToList();
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == year && ids.Contains(r.AgencyId))
            .Select(r => new { r.Id, r.AgencyId, r.Edition, r.Status, r.Source, r.SubmittedAt, r.PublishedOn })
            .ToListAsync(ct);
        var latest = reports.GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Edition).First());
        var firstPublished = reports.Where(r => r.PublishedOn != null).GroupBy(r => r.AgencyId).ToDictionary(g => g.Key, g => g.Min(r => r.PublishedOn!.Value));
        var today = store.Clock.Today();
        var rows = new List<ReportBoardRow>(nodes.Count);
        var deadlineOf = await store.DeadlinesAsync(tree, ct);
        foreach (var n in nodes)
        {
            var deadline = deadlineOf(n.Id, year);
            latest.TryGetValue(n.Id, out var r);
            DateOnly? published = firstPublished.TryGetValue(n.Id, out var p) ? p : null;
            var late = published is { } on ? on > deadline : today > deadline;
            rows.Add(new ReportBoardRow(n.Id, n.Name, n.Kind, n.Depth, r?.Id, r?.Edition, r?.Status, r?.Source, deadline, r?.SubmittedAt, published, late));
        }

        return new ReportBoard(year, today, rows);
    }
}

/// <summary>An application behind a table-三 cell.</summary>
public sealed record ReportCellCase(long Id, string CaseNumber, string AgencyName, Data.Cases.ApplicantType ApplicantType, DateOnly Received, DateOnly? Served, Core.Cases.DecisionType? Decision);

/// <summary>
/// The records behind one table-三 cell of a written report: the applications of the report's scope counted in that
/// row and column (column 6, 总计, is every column), by the same rules as the computation.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListReportCellCases(ReportStore store)
{
    public async Task<IReadOnlyList<ReportCellCase>> ExecuteAsync(int reportId, string row, int column, CancellationToken ct = default)
    {
        var record = await store.LoadAsync(reportId, ct);
        if (Table3Layout.RowsOf(ReportFormat.V2021).All(r => r.Key != row) || column is < 0 or > Table3Layout.TotalColumn)
        {
            throw new DomainException(ReportRules.InvalidCode, "表三没有这个单元格。");
        }

        var db = store.Db;
        var tree = await AgencyTree.LoadAsync(db, ct);
        var ids = record.Scope == ReportScope.Subtree ? tree.Subtree(record.AgencyId) : [record.AgencyId];
        var first = new DateOnly(record.Year, 1, 1);
        var last = new DateOnly(record.Year, 12, 31);
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.Type == Core.Cases.CaseType.InformationDisclosure && a.Received != null && a.Received <= last && (a.Served == null || a.Served >= first))
            .OrderBy(a => a.Received).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.CaseNumber, a.AgencyId, a.ApplicantType, a.Received, a.Served, a.Decision, a.Type })
            .ToListAsync(ct);
        var result = new List<ReportCellCase>();
        foreach (var a in candidates)
        {
            var c = new Table3Case(Cases.Table3Cases.Column(a.ApplicantType), a.Received!.Value, a.Served, a.Decision is { } d ? Core.Cases.DecisionCatalog.Of(d).ReportRow : null);
            if ((column == Table3Layout.TotalColumn || column == c.Column) && Table3Computation.RowsOf(c, record.Year).Contains(row))
            {
                result.Add(new ReportCellCase(a.Id, a.CaseNumber, tree.Find(a.AgencyId)?.Name ?? string.Empty, a.ApplicantType, a.Received.Value, a.Served, a.Decision));
            }
        }

        return result;
    }
}

/// <summary>A published report on the public pages.</summary>
public sealed record PublicReportEntry(int Id, int AgencyId, string AgencyName, int Year, int Edition, DateOnly PublishedOn, bool Corrected);

/// <summary>The published annual reports (the current edition of each), newest year first — for the public pages.</summary>
[ReadOnlyUseCase]
public sealed class ListPublishedReports(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<PublicReportEntry>> ExecuteAsync(int? year = null, int? agencyId = null, CancellationToken ct = default)
    {
        var rows = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Status == AnnualReportStatus.Published && r.Source == AnnualReportSource.Written)
            .Where(r => year == null || r.Year == year)
            .Where(r => agencyId == null || r.AgencyId == agencyId)
            .Join(db.Agencies.AsNoTracking(), r => r.AgencyId, a => a.Id, (r, a) => new { r.Id, r.AgencyId, a.Name, a.SortOrder, r.Year, r.Edition, r.PublishedOn })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.Year).ThenBy(r => r.SortOrder).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new PublicReportEntry(r.Id, r.AgencyId, r.Name, r.Year, r.Edition, r.PublishedOn!.Value, r.Edition > 1))];
    }
}

/// <summary>A published report for the public page: the report, its introduction and its corrections.</summary>
public sealed record PublicReport(int Id, string AgencyName, int Year, int Edition, DateOnly PublishedOn, string Introduction, AnnualReport Report, IReadOnlyList<ReportEditionRef> Editions, AnnualReportStatus Status);

/// <summary>
/// One published report (or a replaced edition, marked as such) for everyone; drafts and unpublished editions are
/// not found.
/// </summary>
[ReadOnlyUseCase]
public sealed class GetPublishedReport(GongkaiDbContext db)
{
    public async Task<PublicReport> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var r = await db.AnnualReports.AsNoTracking().Where(ReportRules.PublicEdition).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该年度报告。");
        var name = await db.Agencies.AsNoTracking().Where(a => a.Id == r.AgencyId).Select(a => a.Name).SingleAsync(ct);
        var editions = await db.AnnualReports.AsNoTracking()
            .Where(ReportRules.PublicEdition)
            .Where(x => x.AgencyId == r.AgencyId && x.Year == r.Year)
            .OrderBy(x => x.Edition)
            .Select(x => new ReportEditionRef(x.Id, x.Edition, x.Status, x.PublishedOn, x.CorrectionReason)).ToListAsync(ct);
        return new PublicReport(r.Id, name, r.Year, r.Edition, r.PublishedOn!.Value, r.Introduction, ReportStore.Read(r), editions, r.Status);
    }
}
