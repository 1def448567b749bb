using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Cases;

/// <summary>The 信息处理费 collected by one agency in a year.</summary>
public sealed record FeesCollectedByAgency(int AgencyId, string AgencyName, int Applications, long Yuan);

/// <summary>
/// 信息处理费收取情况: the fees paid in a calendar year (by the payment date), per receiving agency, among the agencies
/// this user may see — the figure of section 六 of the annual report.
/// </summary>
[ReadOnlyUseCase]
public sealed class ListFeesCollected(GongkaiDbContext db, StaffContext staff)
{
    public async Task<IReadOnlyList<FeesCollectedByAgency>> ExecuteAsync(int year, CancellationToken ct = default)
    {
        var visible = staff.VisibleAgencies?.ToList();
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var rows = await db.Applications.AsNoTracking()
            .Where(a => a.FeePaid != null && a.FeePaid >= from && a.FeePaid < to && a.FeeYuan != null)
            .Where(a => visible == null || visible.Contains(a.AgencyId))
            .GroupBy(a => a.AgencyId)
            .Select(g => new { AgencyId = g.Key, Count = g.Count(), Yuan = g.Sum(a => a.FeeYuan!.Value) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return [.. rows.OrderBy(r => r.AgencyId).Select(r => new FeesCollectedByAgency(r.AgencyId, names.GetValueOrDefault(r.AgencyId, "?"), r.Count, r.Yuan))];
    }
}
