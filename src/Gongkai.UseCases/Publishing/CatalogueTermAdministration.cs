using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>A term of the catalogue's lists with how many items use it.</summary>
public sealed record CatalogueTermRow(int Id, CatalogueTermKind Kind, string Name, int SortOrder, bool Active, string? Figure, int Items);

/// <summary>The catalogue's lists and the annual-report figures a key area may count toward.</summary>
public static class CatalogueTermRules
{
    /// <summary>The narrative figures of the annual report that key areas count toward, with their Chinese names.</summary>
    public static IReadOnlyDictionary<string, string> Figures { get; } = new Dictionary<string, string>
    {
        ["policy_documents"] = "政策文件",
        ["proposal_replies"] = "建议提案办理",
        ["compulsory_education"] = "义务教育",
        ["employment_stabilisation"] = "稳岗就业",
        ["elderly_care"] = "养老服务",
    };

    public static string KindName(CatalogueTermKind kind) => kind switch
    {
        CatalogueTermKind.Topic => "主题分类",
        CatalogueTermKind.Validity => "有效性",
        CatalogueTermKind.KeyArea => "重点领域",
        _ => kind.ToString(),
    };
}

/// <summary>The catalogue's term lists (主题分类, 有效性, 重点领域), active and retired, with their use.</summary>
[ReadOnlyUseCase]
public sealed class ListCatalogueTerms(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<CatalogueTermRow>> ExecuteAsync(CancellationToken ct = default)
    {
        var terms = await db.CatalogueTerms.AsNoTracking().OrderBy(t => t.Kind).ThenBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
        var topics = await db.CatalogueItems.AsNoTracking().Where(i => i.Topic != null).GroupBy(i => i.Topic!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var validity = await db.CatalogueItems.AsNoTracking().Where(i => i.Validity != null).GroupBy(i => i.Validity!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var tags = await db.CatalogueItemTags.AsNoTracking().GroupBy(t => t.TermId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. terms.Select(t => new CatalogueTermRow(t.Id, t.Kind, t.Name, t.SortOrder, t.Active, t.Figure, t.Kind switch
        {
            CatalogueTermKind.Topic => topics.GetValueOrDefault(t.Name),
            CatalogueTermKind.Validity => validity.GetValueOrDefault(t.Name),
            _ => tags.GetValueOrDefault(t.Id),
        }))];
    }
}

/// <summary>
/// 新增词条: adds a term at the end of its list (a key area may name the report figure it counts toward). Names are
/// unique in their list; a retired term with the same name is restored instead.
/// </summary>
[AuditAction("新增目录词条")]
public sealed class AddCatalogueTerm(GongkaiDbContext db, StaffContext staff, AuditContext audit)
{
    public async Task<int> ExecuteAsync(CatalogueTermKind kind, string? name, string? figure = null, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.DisclosureOffice, Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var clean = (name ?? string.Empty).Trim();
        var v = new Validation().Require("Name", clean, "词条名称", 50);
        if (!Enum.IsDefined(kind))
        {
            v.Add("Kind", "请选择词表。");
        }

        var code = string.IsNullOrWhiteSpace(figure) ? null : figure.Trim();
        if (code is not null && (kind != CatalogueTermKind.KeyArea || !CatalogueTermRules.Figures.ContainsKey(code)))
        {
            v.Add("Figure", "只有重点领域可以对应年度报告中的统计项。");
        }

        v.ThrowIfInvalid();
        var existing = await db.CatalogueTerms.SingleOrDefaultAsync(t => t.Kind == kind && t.Name == clean, ct);
        if (existing is not null)
        {
            if (existing.Active)
            {
                throw new ValidationFailedException(new Dictionary<string, string> { ["Name"] = $"{CatalogueTermRules.KindName(kind)}中已有“{clean}”。" });
            }

            existing.Active = true;
            existing.Figure = code ?? existing.Figure;
            await db.SaveChangesAsync(ct);
            return existing.Id;
        }

        if (code is not null && await db.CatalogueTerms.AnyAsync(t => t.Figure == code && t.Active, ct))
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Figure"] = $"已有重点领域对应“{CatalogueTermRules.Figures[code]}”。" });
        }

        var order = await db.CatalogueTerms.Where(t => t.Kind == kind).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0;
        var term = new CatalogueTermRecord { Kind = kind, Name = clean, SortOrder = order + 1, Active = true, Figure = code };
        db.CatalogueTerms.Add(term);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["Name"] = $"{CatalogueTermRules.KindName(kind)}中已有“{clean}”（可能刚被其他人添加）。" });
        }

        return term.Id;
    }
}

/// <summary>停用 / 恢复 a term: a retired term is no longer offered, and the items that use it keep it.</summary>
[AuditAction("停用或恢复目录词条")]
public sealed class SetCatalogueTermActive(GongkaiDbContext db, StaffContext staff, AuditContext audit)
{
    public async Task<bool> ExecuteAsync(int id, bool active, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.DisclosureOffice, Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var term = await db.CatalogueTerms.SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该词条。");
        if (!active && await db.CatalogueTerms.CountAsync(t => t.Kind == term.Kind && t.Active, ct) <= 1 && term.Active)
        {
            throw new DomainException(CatalogueRules.StageCode, $"{CatalogueTermRules.KindName(term.Kind)}至少要保留一个可用的词条。");
        }

        term.Active = active;
        await db.SaveChangesAsync(ct);
        return term.Active;
    }
}
