using Gongkai.Data;
using Gongkai.Data.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Agencies;

/// <summary>One agency as placed in the tree (for lists, pickers and scoping).</summary>
public sealed record AgencyNode(int Id, string Name, string ShortName, AgencyKind Kind, int? ParentId, int? SupervisorId, int SortOrder, int Depth)
{
    /// <summary>The agency that supervises this one's disclosure work: its 主管部门, or else its parent.</summary>
    public int? EffectiveSupervisorId => SupervisorId ?? ParentId;
}

/// <summary>
/// The agency tree in display order (depth-first by sort order), and the supervision relation used for scoping:
/// an agency supervises those whose 主管部门 (or, when none is set, parent) chain leads to it.
/// </summary>
public sealed class AgencyTree
{
    private readonly Dictionary<int, AgencyNode> _byId;
    private readonly ILookup<int?, AgencyNode> _byParent;
    private readonly ILookup<int?, AgencyNode> _bySupervisor;

    private AgencyTree(IReadOnlyList<AgencyRecord> rows)
    {
        var ordered = new List<AgencyNode>();
        var children = rows.ToLookup(r => r.ParentId);
        void Walk(int? parent, int depth, HashSet<int> seen)
        {
            foreach (var r in children[parent].OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
            {
                if (seen.Add(r.Id))
                {
                    ordered.Add(new AgencyNode(r.Id, r.Name, r.ShortName, r.Kind, r.ParentId, r.SupervisorId, r.SortOrder, depth));
                    Walk(r.Id, depth + 1, seen);
                }
            }
        }

        Walk(null, 0, []);
        Ordered = ordered;
        _byId = ordered.ToDictionary(n => n.Id);
        _byParent = ordered.ToLookup(n => n.ParentId);
        _bySupervisor = ordered.ToLookup(n => n.EffectiveSupervisorId);
    }

    public IReadOnlyList<AgencyNode> Ordered { get; }

    public static async Task<AgencyTree> LoadAsync(GongkaiDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new AgencyTree(await db.Agencies.AsNoTracking().ToListAsync(ct));
    }

    public AgencyNode? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<AgencyNode> ChildrenOf(int? id) => _byParent[id];

    /// <summary>The agency and every agency it supervises, directly or through others (政务公开办 scope).</summary>
    public IReadOnlySet<int> SupervisedBy(int agencyId)
    {
        var result = new HashSet<int>();
        var queue = new Queue<int>();
        if (_byId.ContainsKey(agencyId))
        {
            queue.Enqueue(agencyId);
        }

        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!result.Add(id))
            {
                continue;
            }

            foreach (var child in _bySupervisor[id])
            {
                queue.Enqueue(child.Id);
            }
        }

        return result;
    }

    /// <summary>The agency and every agency below it by parent links (a report's subtree scope), in tree order.</summary>
    public IReadOnlyList<int> Subtree(int agencyId) => [.. Ordered.Where(n => IsInSubtree(n.Id, agencyId)).Select(n => n.Id)];

    /// <summary>Whether <paramref name="candidate"/> is <paramref name="agencyId"/> or lies below it by parent links.</summary>
    public bool IsInSubtree(int candidate, int agencyId)
    {
        for (var n = Find(candidate); n is not null; n = n.ParentId is { } p ? Find(p) : null)
        {
            if (n.Id == agencyId)
            {
                return true;
            }
        }

        return false;
    }
}
