using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Portal;

/// <summary>A 重点领域 term the portal links to (its items at /Xinxi?area={id}).</summary>
public sealed record KeyAreaLink(int Id, string Name);

/// <summary>重点领域 on the home page: the active key-area terms of the catalogue, in their list's order.</summary>
[ReadOnlyUseCase]
public sealed class ListKeyAreas(GongkaiDbContext db)
{
    public async Task<IReadOnlyList<KeyAreaLink>> ExecuteAsync(CancellationToken ct = default) =>
        await db.CatalogueTerms.AsNoTracking().Where(t => t.Kind == CatalogueTermKind.KeyArea && t.Active)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new KeyAreaLink(t.Id, t.Name)).ToListAsync(ct);
}
