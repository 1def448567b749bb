using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Portal;

/// <summary>An agency that has a 政府信息公开 column (every agency has one).</summary>
public sealed record ColumnAgency(int Id, string Name, AgencyKind Kind, int Depth);

/// <summary>A top-level government with the agencies below it, in the tree's order.</summary>
public sealed record ColumnGovernment(int Id, string Name, IReadOnlyList<ColumnAgency> Units);

/// <summary>The names of the agency kinds as the portal shows them.</summary>
public static class AgencyKindNames
{
    public static string Of(AgencyKind kind) => kind switch
    {
        AgencyKind.Government => "人民政府",
        AgencyKind.Department => "政府部门",
        AgencyKind.Subdistrict => "街道办事处",
        AgencyKind.Township => "乡镇",
        AgencyKind.DispatchedOffice => "派出机构",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>The agencies of the portal, each government with its units (the home page's list and /Gongkai).</summary>
[ReadOnlyUseCase]
public sealed class ListColumnAgencies(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<ColumnGovernment>> ExecuteAsync(CancellationToken ct = default)
    {
        var tree = await AgencyTree.LoadAsync(db, ct);
        return [.. tree.Ordered.Where(n => n.ParentId is null).Select(g => new ColumnGovernment(g.Id, g.Name,
            [.. tree.Ordered.Where(n => n.Id != g.Id && tree.IsInSubtree(n.Id, g.Id)).Select(n => new ColumnAgency(n.Id, n.Name, n.Kind, n.Depth - g.Depth))]))];
    }
}

/// <summary>An agency's column home: the four directories, each with its newest entries.</summary>
public sealed record AgencyColumn(
    int Id,
    string Name,
    AgencyKind Kind,
    int? ParentId,
    string? ParentName,
    IReadOnlyList<PublicCatalogueRow> Guide,
    IReadOnlyList<PublicCatalogueRow> Rules,
    int RulesTotal,
    IReadOnlyList<PublicCatalogueRow> Statutory,
    int StatutoryTotal,
    IReadOnlyList<PublicReportEntry> Reports);

/// <summary>The agency a column page is about, or not found (404).</summary>
public static class ColumnAgencies
{
    internal static async Task<AgencyRecord> FindAsync(GongkaiDbContext db, int agencyId, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agencyId, ct)
        ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机关的政府信息公开栏目。");
}

/// <summary>The agency of a column page (name and kind), or not found.</summary>
[ReadOnlyUseCase]
public sealed class GetColumnAgency(GongkaiDbContext db)
{
    public async Task<ColumnAgency> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        var agency = await ColumnAgencies.FindAsync(db, agencyId, ct);
        return new ColumnAgency(agency.Id, agency.Name, agency.Kind, 0);
    }
}

/// <summary>政府信息公开栏目 of an agency: the four first-level directories, with the newest items and reports of each.</summary>
[ReadOnlyUseCase]
public sealed class GetAgencyColumn(GongkaiDbContext db, ListPublicCatalogueItems items, ListPublishedReports reports)
{
    public const int Latest = 5;

    public async Task<AgencyColumn> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        var agency = await ColumnAgencies.FindAsync(db, agencyId, ct);
        var parent = agency.ParentId is { } p ? await db.Agencies.AsNoTracking().Where(a => a.Id == p).Select(a => a.Name).SingleOrDefaultAsync(ct) : null;
        var guide = await items.ExecuteAsync(new PublicCatalogueQuery { AgencyId = agencyId, Directory = ColumnDirectory.Guide, PageSize = Latest }, ct);
        var rules = await items.ExecuteAsync(new PublicCatalogueQuery { AgencyId = agencyId, Directory = ColumnDirectory.Rules, PageSize = Latest }, ct);
        var statutory = await items.ExecuteAsync(new PublicCatalogueQuery { AgencyId = agencyId, Directory = ColumnDirectory.Statutory, PageSize = Latest }, ct);
        var published = await reports.ExecuteAsync(null, agencyId, ct);
        return new AgencyColumn(agency.Id, agency.Name, agency.Kind, agency.ParentId, parent, guide.Items, rules.Items, rules.Total, statutory.Items, statutory.Total, [.. published.Take(Latest)]);
    }
}

/// <summary>The count of an agency's published statutory items under one 第二十条 or 第二十一条 item.</summary>
public sealed record StatutoryGroup(int? Article20Item, string? Article21Item, string Label, int Count);

/// <summary>法定主动公开内容 of an agency: its published items counted by 第二十条 item (every item listed), then by 第二十一条 item.</summary>
[ReadOnlyUseCase]
public sealed class CountStatutoryItems(GongkaiDbContext db, AgencyClock clock)
{
    public async Task<(string AgencyName, AgencyKind Kind, IReadOnlyList<StatutoryGroup> Article20, IReadOnlyList<StatutoryGroup> Article21, int Total)> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        var agency = await ColumnAgencies.FindAsync(db, agencyId, ct);
        var now = clock.UtcNow;
        var rows = await db.CatalogueItems.AsNoTracking()
            .Where(i => i.AgencyId == agencyId && i.Directory == ColumnDirectory.Statutory && i.PublishedRevision > 0 && i.WithdrawnAt == null && i.FirstPublishedAt <= now)
            .GroupBy(i => new { i.Article20Item, i.Article21Item })
            .Select(g => new { g.Key.Article20Item, g.Key.Article21Item, Count = g.Count() })
            .ToListAsync(ct);
        var article20 = Enumerable.Range(1, CatalogueNames.Article20.Count)
            .Select(n => new StatutoryGroup(n, null, CatalogueNames.Article20Label(n), rows.Where(r => r.Article20Item == n).Sum(r => r.Count)))
            .ToList();
        var article21 = CatalogueRules.Article21For(agency.Kind)
            .Select(name => new StatutoryGroup(null, name, name, rows.Where(r => r.Article20Item == null && r.Article21Item == name).Sum(r => r.Count)))
            .ToList();
        return (agency.Name, agency.Kind, article20, article21, rows.Sum(r => r.Count));
    }
}

/// <summary>A contact field of the 指南: its value, or null when the agency has not filled it in.</summary>
public sealed record GuideField(string Label, string? Value);

/// <summary>
/// 政府信息公开指南 (条例第十二条) of an agency, generated from its records: the 工作机构 and its contacts, the column's
/// directories and the catalogue's classifications, how to apply (and to whom, when the agency does not receive
/// applications itself), the answer deadlines, fees and remedies as the platform applies them.
/// </summary>
public sealed record AgencyGuide(
    int Id,
    string Name,
    AgencyKind Kind,
    bool ReceivesApplications,
    string? ApplyToName,
    int? ApplyToId,
    string? OfficeName,
    IReadOnlyList<GuideField> Contact,
    IReadOnlyList<GuideField> ApplyContact,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Article21,
    ClockSettings Clock,
    FeeSchedule Fees,
    string? ReviewBody,
    string? Court,
    DateOnly UpdatedOn);

/// <summary>The 指南 of an agency (see <see cref="AgencyGuide"/>).</summary>
[ReadOnlyUseCase]
public sealed class GetAgencyGuide(GongkaiDbContext db, AgencyClock clock)
{
    public async Task<AgencyGuide> ExecuteAsync(int agencyId, CancellationToken ct = default)
    {
        var agency = await ColumnAgencies.FindAsync(db, agencyId, ct);

        // An agency that does not receive applications itself has them answered by the nearest one above that does.
        var applyTo = agency;
        while (!applyTo.ReceivesApplications && applyTo.ParentId is { } parentId)
        {
            var parent = await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == parentId, ct);
            if (parent is null)
            {
                break;
            }

            applyTo = parent;
        }

        var receiving = applyTo.ReceivesApplications ? applyTo : null;
        var settings = await db.AgencyLetterSettings.AsNoTracking().SingleOrDefaultAsync(s => s.AgencyId == (receiving ?? agency).Id, ct);
        var topics = await db.CatalogueTerms.AsNoTracking().Where(t => t.Kind == CatalogueTermKind.Topic && t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Name).ToListAsync(ct);
        var updated = await LastChangeAsync(agency.Id, receiving?.Id, ct);
        return new AgencyGuide(
            agency.Id,
            agency.Name,
            agency.Kind,
            agency.ReceivesApplications,
            receiving is not null && receiving.Id != agency.Id ? receiving.Name : null,
            receiving is not null && receiving.Id != agency.Id ? receiving.Id : null,
            Filled(agency.OfficeName),
            Contact(agency),
            Contact(receiving ?? agency),
            topics,
            CatalogueRules.Article21For(agency.Kind),
            ClockSettings.Default,
            FeeSchedule.National,
            Filled(settings?.ReviewBody),
            Filled(settings?.Court),
            updated);
    }

    private static string? Filled(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<GuideField> Contact(AgencyRecord a) =>
    [
        new("工作机构名称", Filled(a.OfficeName)),
        new("办公地址", Filled(a.OfficeAddress)),
        new("办公时间", Filled(a.OfficeHours)),
        new("联系电话", Filled(a.OfficePhone)),
        new("传真", Filled(a.OfficeFax)),
        new("电子邮箱", Filled(a.OfficeEmail)),
        new("网站", Filled(a.OfficeWebsite)),
    ];

    /// <summary>The day of the last recorded change to what the 指南 is made of: the agencies' records, the remedies' settings and the topic list.</summary>
    private async Task<DateOnly> LastChangeAsync(int agencyId, int? receivingId, CancellationToken ct)
    {
        var ids = new[] { agencyId, receivingId ?? agencyId }.Distinct().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var agencyNames = new[] { AuditInterceptor.AuditedEntities[typeof(AgencyRecord)], AuditInterceptor.AuditedEntities[typeof(Data.Letters.AgencyLetterSettingsRecord)] };
        var termName = AuditInterceptor.AuditedEntities[typeof(CatalogueTermRecord)];
        var last = await db.AuditEntries.AsNoTracking()
            .Where(e => (agencyNames.Contains(e.EntityType) && ids.Contains(e.EntityId)) || e.EntityType == termName)
            .OrderByDescending(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        return last is { } at ? DateOnly.FromDateTime(clock.ToLocal(at).DateTime) : clock.Today();
    }
}
