using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;

namespace Gongkai.UseCases.Cases;

/// <summary>The filters the application lists share, translated to SQL.</summary>
internal static class ApplicationQueries
{
    /// <summary>The applications received by, or assigned to, an agency this user may see.</summary>
    public static IQueryable<ApplicationRecord> VisibleTo(this IQueryable<ApplicationRecord> query, StaffContext staff)
    {
        var visible = staff.VisibleAgencies?.ToList();
        return visible is null ? query : query.Where(a => visible.Contains(a.AgencyId) || (a.AssignedAgencyId != null && visible.Contains(a.AssignedAgencyId.Value)));
    }

    /// <summary>Open applications whose answer clock is running: not decided, and no consultation or fee notice pausing it.</summary>
    public static IQueryable<ApplicationRecord> ClockRunning(this IQueryable<ApplicationRecord> query) =>
        query.Where(a => a.Decision == null && !a.Pauses.Any(p => p.Until == null && p.Limit == null));
}
