using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Reports;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Reports;

/// <summary>
/// The figures a report's narrative quotes, where they come from the records or from figures entered by hand: items
/// published, key-area items and interpretations (from the catalogue when the report's agencies have items first
/// published in the year, else entered), new-media accounts and posts (entered until supervision holds them), and the
/// 信息处理费 collected (from the cases, 元). Null is "not entered", never zero. The five key-area sub-figures
/// (政策文件, 建议提案办理, 义务教育, 稳岗就业, 养老服务) exist only when counted from the catalogue.
/// </summary>
public sealed record NarrativeFigures(
    long? ItemsPublished,
    long? KeyAreaItems,
    long? PolicyInterpretations,
    long? NewMediaAccounts,
    long? NewMediaPosts,
    int FeeApplications,
    long FeesYuan)
{
    /// <summary>The key-area figure codes (<see cref="Data.Publishing.CatalogueTermRecord.Figure"/>) in the order the narrative quotes them, with their names.</summary>
    public static IReadOnlyList<(string Code, string Name)> KeyAreaFigureCodes { get; } =
    [
        ("policy_documents", "政策文件"),
        ("proposal_replies", "建议提案办理"),
        ("compulsory_education", "义务教育"),
        ("employment_stabilisation", "稳岗就业"),
        ("elderly_care", "养老服务"),
    ];

    /// <summary>Whether items published, key-area items and interpretations were counted from the catalogue (else entered by hand).</summary>
    public bool FromCatalogue { get; init; }

    /// <summary>Key-area items tagged 政策文件 (catalogue only).</summary>
    public long? PolicyDocuments { get; init; }

    /// <summary>Key-area items tagged 建议提案办理 (catalogue only).</summary>
    public long? ProposalReplies { get; init; }

    /// <summary>Key-area items tagged 义务教育 (catalogue only).</summary>
    public long? CompulsoryEducation { get; init; }

    /// <summary>Key-area items tagged 稳岗就业 (catalogue only).</summary>
    public long? EmploymentStabilisation { get; init; }

    /// <summary>Key-area items tagged 养老服务 (catalogue only).</summary>
    public long? ElderlyCare { get; init; }

    /// <summary>The sub-figure of a key-area figure code, null when not counted.</summary>
    public long? KeyAreaFigure(string code) => code switch
    {
        "policy_documents" => PolicyDocuments,
        "proposal_replies" => ProposalReplies,
        "compulsory_education" => CompulsoryEducation,
        "employment_stabilisation" => EmploymentStabilisation,
        "elderly_care" => ElderlyCare,
        _ => null,
    };

    /// <summary>These figures with items published, key-area items, interpretations and the sub-figures taken from the catalogue.</summary>
    public NarrativeFigures WithCatalogue(CatalogueYearFigures c)
    {
        ArgumentNullException.ThrowIfNull(c);
        long By(string code) => c.ByFigure.GetValueOrDefault(code);
        return this with
        {
            ItemsPublished = c.ItemsPublished,
            KeyAreaItems = c.KeyAreaItems,
            PolicyInterpretations = c.Interpretations,
            FromCatalogue = true,
            PolicyDocuments = By("policy_documents"),
            ProposalReplies = By("proposal_replies"),
            CompulsoryEducation = By("compulsory_education"),
            EmploymentStabilisation = By("employment_stabilisation"),
            ElderlyCare = By("elderly_care"),
        };
    }
}

/// <summary>
/// What the catalogue says of a year for some agencies: items first published in the year (withdrawn later or not: they
/// were published that year), those with at least one key-area tag, the 政策解读 among them, and the items per key-area
/// figure code (an item counts once per code).
/// </summary>
public sealed record CatalogueYearFigures(long ItemsPublished, long KeyAreaItems, long Interpretations, IReadOnlyDictionary<string, long> ByFigure)
{
    public static CatalogueYearFigures Zero { get; } = new(0, 0, 0, new Dictionary<string, long>());

    public CatalogueYearFigures Plus(CatalogueYearFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var by = new Dictionary<string, long>(ByFigure, StringComparer.Ordinal);
        foreach (var (code, n) in other.ByFigure)
        {
            by[code] = by.GetValueOrDefault(code) + n;
        }

        return new CatalogueYearFigures(ItemsPublished + other.ItemsPublished, KeyAreaItems + other.KeyAreaItems, Interpretations + other.Interpretations, by);
    }
}

/// <summary>The tables of an agency's report on a year, computed from the records of its scope, and the narrative's figures.</summary>
public sealed record ComputedReport(
    int AgencyId,
    string AgencyName,
    AgencyKind Kind,
    int Year,
    ReportScope Scope,
    IReadOnlyList<int> AgencyIds,
    Table2Of2021 Table2,
    Table3 Table3,
    Table4 Table4,
    NarrativeFigures Figures,
    DateTimeOffset? FiguresUpdatedAt)
{
    /// <summary>The report (format 2021) with these tables and the given narrative sections.</summary>
    public AnnualReport ToReport(IReadOnlyDictionary<string, string>? sections = null)
    {
        var report = new AnnualReport(AgencyName, Year, ReportFormat.V2021) { Table2Of2021 = Table2, Table4 = new Table4(Table4.Cells) };
        foreach (var row in Table3.Rows)
        {
            report.Table3.SetRow(row.Key, Table3[row.Key]);
        }

        foreach (var (key, text) in sections ?? new Dictionary<string, string>())
        {
            report.Sections[key] = text;
        }

        return report;
    }
}

/// <summary>
/// Computes the tables of annual reports from the records (annual-report.md, "Counting from case records"):
/// table 三 from the applications of the report's scope (one grouped query, the rules of
/// <see cref="Table3Computation"/>), table 四 from the review and litigation cases at year end, table 二 from
/// <see cref="ReportFiguresRecord"/> and the register, and the narrative's figures from the catalogue when the scope's
/// agencies have items first published in the year (<see cref="CatalogueFiguresByAgencyAsync"/>), else as entered. The scope is the agency's setting: its own
/// records, or its whole subtree by parent links. No access check here: the use cases calling it check who may see
/// the agency.
/// </summary>
public sealed class ReportComputation(GongkaiDbContext db)
{
    public const string NoCalendarYearCode = "report.invalid_year";

    public static void EnsureYear(int year)
    {
        if (year is < 2021 or > 9999)
        {
            throw new DomainException(NoCalendarYearCode, "年度报告按 2021 年起施行的格式（国办公开办函〔2021〕30号）计算，年份须为 2021 年或以后。");
        }
    }

    public async Task<ComputedReport> ComputeAsync(int agencyId, int year, AgencyTree? tree = null, CancellationToken ct = default)
    {
        EnsureYear(year);
        tree ??= await AgencyTree.LoadAsync(db, ct);
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct)
            ?? throw new DomainException(Accounts.StaffContext.NotFoundCode, "找不到该机构。");
        var ids = agency.ReportScope == ReportScope.Subtree ? tree.Subtree(agencyId) : [agencyId];
        var table3 = (await Table3ByAgencyAsync(ids, year, ct)).Values.Aggregate(Table3Computation.Zero(), Sum);
        var table4 = await Table4Async(ids, year, ct);
        var figures = await db.ReportFigures.AsNoTracking().SingleOrDefaultAsync(f => f.AgencyId == agencyId && f.Year == year, ct);
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var fees = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.FeePaid != null && a.FeePaid >= from && a.FeePaid < to && a.FeeYuan != null)
            .GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), Yuan = g.Sum(a => a.FeeYuan!.Value) })
            .SingleOrDefaultAsync(ct);
        var register = await Publishing.RegisterTable2.CountAsync(db, ids, year, ct);
        var catalogue = (await CatalogueFiguresByAgencyAsync(ids, year, ct)).Values.Aggregate(CatalogueYearFigures.Zero, (a, b) => a.Plus(b));
        var narrative = new NarrativeFigures(figures?.ItemsPublished, figures?.KeyAreaItems, figures?.PolicyInterpretations, figures?.NewMediaAccounts, figures?.NewMediaPosts, fees?.Count ?? 0, fees?.Yuan ?? 0);
        return new ComputedReport(
            agency.Id,
            agency.Name,
            agency.Kind,
            year,
            agency.ReportScope,
            ids,
            WithRegister(Table2Of(figures), register),
            table3,
            table4,
            catalogue.ItemsPublished > 0 ? narrative.WithCatalogue(catalogue) : narrative,
            figures?.UpdatedAt);
    }

    /// <summary>
    /// The catalogue's figures of a year for each of the given agencies that has items first published in it (their own
    /// items; agencies without any are absent): one grouped query for the items, key-area items and interpretations, one
    /// for the items per key-area figure code.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, CatalogueYearFigures>> CatalogueFiguresByAgencyAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var ids = agencyIds.Distinct().ToList();
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var items = db.CatalogueItems.AsNoTracking().Where(i => ids.Contains(i.AgencyId) && i.FirstPublishedOn != null && i.FirstPublishedOn >= from && i.FirstPublishedOn < to);
        var keyTags = from t in db.CatalogueItemTags
                      join term in db.CatalogueTerms on t.TermId equals term.Id
                      where term.Kind == Data.Publishing.CatalogueTermKind.KeyArea
                      select new { t.ItemId, term.Figure };
        var counts = await items
            .Select(i => new { i.AgencyId, Interpretation = i.Kind == Core.Publishing.ItemKind.Interpretation, KeyArea = keyTags.Any(t => t.ItemId == i.Id) })
            .GroupBy(i => new { i.AgencyId, i.Interpretation, i.KeyArea })
            .Select(g => new { g.Key.AgencyId, g.Key.Interpretation, g.Key.KeyArea, Count = g.LongCount() })
            .ToListAsync(ct);
        var byFigure = await (from i in items
                              join t in keyTags on i.Id equals t.ItemId
                              where t.Figure != null
                              group i.Id by new { i.AgencyId, t.Figure } into g
                              select new { g.Key.AgencyId, g.Key.Figure, Count = g.Distinct().LongCount() })
            .ToListAsync(ct);
        var result = new Dictionary<int, CatalogueYearFigures>();
        foreach (var agency in counts.GroupBy(c => c.AgencyId))
        {
            var figures = byFigure.Where(f => f.AgencyId == agency.Key).ToDictionary(f => f.Figure!, f => f.Count, StringComparer.Ordinal);
            result[agency.Key] = new CatalogueYearFigures(
                agency.Sum(c => c.Count),
                agency.Where(c => c.KeyArea).Sum(c => c.Count),
                agency.Where(c => c.Interpretation).Sum(c => c.Count),
                figures);
        }

        return result;
    }

    /// <summary>
    /// Table 三 of a year for each of the given agencies (their own applications), from one grouped query: each
    /// group of applications falls into the same rows (新收 or 上年结转; its decision's row and 总计 when served in the
    /// year, else 结转下年度). Agencies without applications get a zero table.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Table3>> Table3ByAgencyAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var ids = agencyIds.ToList();
        var groups = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.AgencyId) && a.Type == CaseType.InformationDisclosure && a.Received != null && a.Received <= last && (a.Served == null || a.Served >= first))
            .GroupBy(a => new
            {
                a.AgencyId,
                a.ApplicantType,
                New = a.Received >= first,
                Done = a.Served != null && a.Served <= last,
                Decision = a.Served != null && a.Served <= last ? a.Decision : null,
            })
            .Select(g => new { g.Key.AgencyId, g.Key.ApplicantType, g.Key.New, g.Key.Done, g.Key.Decision, Count = g.LongCount() })
            .ToListAsync(ct);
        var tables = ids.Distinct().ToDictionary(id => id, _ => Table3Computation.Zero());
        foreach (var g in groups)
        {
            var table = tables[g.AgencyId];
            var column = Table3Cases.Column(g.ApplicantType);
            Table3Computation.Add(table, g.New ? Table3Computation.NewReceived : Table3Computation.CarriedOver, column, g.Count);
            if (g.Done)
            {
                var decision = g.Decision ?? throw new InvalidOperationException("a served application has a decision");
                Table3Computation.Add(table, DecisionCatalog.Of(decision).ReportRow ?? throw new InvalidOperationException($"decision {decision} has no table-三 row"), column, g.Count);
                Table3Computation.Add(table, Table3Computation.TotalProcessed, column, g.Count);
            }
            else
            {
                Table3Computation.Add(table, Table3Computation.CarriedForward, column, g.Count);
            }
        }

        return tables;
    }

    /// <summary>
    /// The tables of many agencies' reports on a year, each over its own records (a 政务公开办's rollup, the benchmark):
    /// one grouped query for every table 三, one for every table 四, one for the entered figures.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, (Table2Of2021 Table2, Table3 Table3, Table4 Table4)>> ComputeOwnAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        EnsureYear(year);
        var ids = agencyIds.Distinct().ToList();
        var tables3 = await Table3ByAgencyAsync(ids, year, ct);
        var tables4 = await Table4ByAgencyAsync(ids, year, ct);
        var figures = await db.ReportFigures.AsNoTracking().Where(f => f.Year == year && ids.Contains(f.AgencyId)).ToDictionaryAsync(f => f.AgencyId, ct);
        var registers = await Publishing.RegisterTable2.CountByAgencyAsync(db, ids, year, ct);
        return ids.ToDictionary(id => id, id => (WithRegister(Table2Of(figures.GetValueOrDefault(id)), registers.TryGetValue(id, out var r) ? r : null), tables3[id], tables4[id]));
    }

    /// <summary>Table 四 at year end for the review and litigation cases of the given agencies (null: every agency).</summary>
    public async Task<Table4> Table4Async(IReadOnlyCollection<int>? agencyIds, int year, CancellationToken ct = default)
    {
        var table = Zero4();
        foreach (var (_, kind, status) in await YearEndReviewsAsync(agencyIds, year, ct))
        {
            Count4(table, kind, status);
        }

        return table;
    }

    /// <summary>Table 四 of each of the given agencies (their own review and litigation cases).</summary>
    public async Task<IReadOnlyDictionary<int, Table4>> Table4ByAgencyAsync(IReadOnlyCollection<int> agencyIds, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var tables = agencyIds.Distinct().ToDictionary(id => id, _ => Zero4());
        foreach (var (agency, kind, status) in await YearEndReviewsAsync(agencyIds, year, ct))
        {
            Count4(tables[agency], kind, status);
        }

        return tables;
    }

    private static Table4 Zero4() => new(Enumerable.Repeat<long?>(0, Table4.CellCount).ToArray());

    private static void Count4(Table4 table, ReviewKind kind, ReviewYearStatus status)
    {
        var start = (int)ReviewRules.Block(kind) * Table4.BlockSize;
        table.Cells[start + (int)status]++;
        table.Cells[start + Table4.BlockSize - 1]++;
    }

    /// <summary>The review and litigation cases that table 四 counts at the year's end, with their agency and state.</summary>
    private async Task<List<(int Agency, ReviewKind Kind, ReviewYearStatus Status)>> YearEndReviewsAsync(IReadOnlyCollection<int>? agencyIds, int year, CancellationToken ct)
    {
        var ids = agencyIds?.ToList();
        var yearEnd = new DateOnly(year, 12, 31);
        var yearStart = new DateOnly(year, 1, 1);
        var rows = await db.ReviewCases.AsNoTracking()
            .Where(r => ids == null || ids.Contains(r.AgencyId))
            .Where(r => r.Filed <= yearEnd && (r.Concluded == null || r.Concluded >= yearStart))
            .Select(r => new { r.AgencyId, r.Kind, r.Filed, r.Concluded, r.Outcome })
            .ToListAsync(ct);
        var result = new List<(int, ReviewKind, ReviewYearStatus)>(rows.Count);
        foreach (var r in rows)
        {
            if (ReviewRules.YearEndStatus(year, r.Filed, r.Concluded, r.Outcome) is { } status)
            {
                result.Add((r.AgencyId, r.Kind, status));
            }
        }

        return result;
    }

    public static Table2Of2021 Table2Of(ReportFiguresRecord? f) => f is null
        ? new Table2Of2021()
        : new Table2Of2021
        {
            Regulations = new DocumentCounts(f.RegulationsIssued, f.RegulationsRepealed, f.RegulationsInForce),
            NormativeDocuments = new DocumentCounts(f.NormativeDocumentsIssued, f.NormativeDocumentsRepealed, f.NormativeDocumentsInForce),
            AdministrativeLicensing = f.AdministrativeLicensing,
            AdministrativePenalty = f.AdministrativePenalty,
            AdministrativeCoercion = f.AdministrativeCoercion,
            AdministrativeFees = f.AdministrativeFees is { } fee ? new PrintedAmount(fee, f.AdministrativeFeesText ?? fee.ToString(System.Globalization.CultureInfo.InvariantCulture)) : PrintedAmount.Blank,
        };

    /// <summary>
    /// Table 二 （一） comes from the normative-document register once the agencies of the report keep one; until then from
    /// the entered figures.
    /// </summary>
    public static Table2Of2021 WithRegister(Table2Of2021 table, (DocumentCounts Regulations, DocumentCounts NormativeDocuments)? register) =>
        register is { } r ? table with { Regulations = r.Regulations, NormativeDocuments = r.NormativeDocuments } : table;

    private static Table3 Sum(Table3 into, Table3 add)
    {
        foreach (var row in into.Rows)
        {
            var a = into[row.Key];
            var b = add[row.Key];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = (a[i] ?? 0) + (b[i] ?? 0);
            }
        }

        return into;
    }
}

/// <summary>A report generated from the records: the report (tables and drafted narrative) and what it was computed from.</summary>
public sealed record GeneratedReport(AnnualReport Report, string Introduction, ComputedReport Computed);

/// <summary>
/// Generates an agency's report on a year from the records, without storing anything (the command line's
/// <c>report generate</c>, previews): the tables computed over the agency's scope and the narrative drafted with the
/// figures.
/// </summary>
[Data.Audit.ReadOnlyUseCase]
public sealed class GenerateAnnualReport(GongkaiDbContext db, Accounts.StaffContext staff, ReportComputation computation)
{
    public async Task<GeneratedReport> ExecuteAsync(string agencyName, int year, CancellationToken ct = default)
    {
        var name = (agencyName ?? string.Empty).Trim();
        var agency = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Name == name, ct)
            ?? throw new DomainException(Accounts.StaffContext.NotFoundCode, $"找不到机构“{name}”。");
        return await ExecuteAsync(agency.Id, year, ct);
    }

    public async Task<GeneratedReport> ExecuteAsync(int agencyId, int year, CancellationToken ct = default)
    {
        staff.EnsureCanSee(agencyId);
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var computed = await computation.ComputeAsync(agencyId, year, null, ct);
        return new GeneratedReport(computed.ToReport(ReportDrafts.Sections(computed)), ReportDrafts.Introduction(agency, year), computed);
    }
}
