using Gongkai.Core.Common;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Agencies;

namespace Gongkai.UseCases.Accounts;

/// <summary>
/// Who is using the platform in this scope and what they may see: the signed-in staff member acting for one of their
/// agencies, or the operator at the command line (unrestricted). Filled once per web request or CLI command.
/// <para>Visibility: 系统管理员 and 政务公开办 see their acting agency and every agency it supervises; every other
/// role sees only the acting agency. Nobody sees another branch.</para>
/// </summary>
public sealed class StaffContext(AuditContext audit)
{
    public const string NotFoundCode = "not_found";
    public const string ForbiddenCode = "forbidden";

    private HashSet<int>? _visible;

    public bool IsUnrestricted { get; private set; }

    public string? UserId { get; private set; }

    public string UserName { get; private set; } = AuditContext.SystemActor;

    public string DisplayName { get; private set; } = AuditContext.SystemActor;

    public IReadOnlySet<string> Roles { get; private set; } = new HashSet<string>();

    public int? ActingAgencyId { get; private set; }

    public bool IsStaff => UserId is not null;

    public bool IsInRole(string role) => Roles.Contains(role);

    public void SetOperator(string name)
    {
        IsUnrestricted = true;
        UserName = DisplayName = name;
        audit.SetActor(name);
    }

    public void SetStaff(string userId, string userName, string displayName, IEnumerable<string> roles, int? actingAgencyId, AgencyTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        IsUnrestricted = false;
        UserId = userId;
        UserName = userName;
        DisplayName = displayName;
        Roles = roles.ToHashSet(StringComparer.Ordinal);
        ActingAgencyId = actingAgencyId;
        _visible = actingAgencyId is not { } acting ? []
            : SeesSupervisedAgencies ? [.. tree.SupervisedBy(acting)]
            : [acting];
        audit.SetActor(userName, userId, actingAgencyId);
    }

    private bool SeesSupervisedAgencies => IsInRole(Data.Accounts.Roles.SystemAdministrator) || IsInRole(Data.Accounts.Roles.DisclosureOffice);

    /// <summary>Brings an agency created in this scope into view when it falls under an agency this user supervises.</summary>
    public void NoteNewAgency(int id, int? effectiveSupervisorId)
    {
        if (_visible is not null && SeesSupervisedAgencies && effectiveSupervisorId is { } s && _visible.Contains(s))
        {
            _visible.Add(id);
        }
    }

    /// <summary>Whether records of the agency may be seen by this user.</summary>
    public bool CanSee(int agencyId) => IsUnrestricted || (_visible?.Contains(agencyId) ?? false);

    /// <summary>Whether an application may be seen: it was received by, or assigned to, an agency this user may see.</summary>
    public bool CanSeeApplication(int agencyId, int? assignedAgencyId) => CanSee(agencyId) || (assignedAgencyId is { } assigned && CanSee(assigned));

    /// <summary>The agencies whose records this user may see (null when unrestricted).</summary>
    public IReadOnlySet<int>? VisibleAgencies => IsUnrestricted ? null : _visible ?? new HashSet<int>();

    /// <summary>Refuses records of agencies outside the scope as "not found", so that ids of other branches reveal nothing.</summary>
    public void EnsureCanSee(int agencyId)
    {
        if (!CanSee(agencyId))
        {
            throw new DomainException(NotFoundCode, "找不到该记录，或您无权查看。");
        }
    }

    public void EnsureRole(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!IsUnrestricted && !roles.Any(IsInRole))
        {
            throw new DomainException(ForbiddenCode, $"此操作需要以下角色之一：{string.Join("、", roles.Select(Data.Accounts.Roles.ChineseName))}。");
        }
    }
}
