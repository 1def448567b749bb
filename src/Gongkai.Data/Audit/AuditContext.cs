using System.Reflection;

namespace Gongkai.Data.Audit;

/// <summary>Names the use case a class performs, as written into the audit history (e.g. 新建机构).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuditActionAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Marks a use case that only reads: it writes no audit history (queries, calculators, exports).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReadOnlyUseCaseAttribute : Attribute;

/// <summary>
/// Who is acting, for which agency, in which use case: one per scope (a web request, a CLI command). The audit
/// interceptor writes it into every entry. Set by the web app from the signed-in user and by the CLI.
/// </summary>
public sealed class AuditContext
{
    public const string SystemActor = "系统";

    private readonly List<string> _actions = [];

    public string Actor { get; private set; } = SystemActor;

    public string? ActorUserId { get; private set; }

    public int? ActingAgencyId { get; private set; }

    /// <summary>The outermost use case running (what the person asked for, e.g. 导入机构 rather than each 新建机构), or null.</summary>
    public string? Action => _actions.Count == 0 ? null : _actions[0];

    public void SetActor(string actor, string? userId = null, int? actingAgencyId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        Actor = actor;
        ActorUserId = userId;
        ActingAgencyId = actingAgencyId;
    }

    /// <summary>An entry recording that a full personal-data value was viewed (nothing changed, so the interceptor writes none).</summary>
    public AuditEntryRecord Viewed(string entityType, string entityId, string field, DateTimeOffset at) => new()
    {
        At = at,
        Actor = Actor,
        ActorUserId = ActorUserId,
        ActingAgencyId = ActingAgencyId,
        Action = Action ?? "查看个人信息",
        EntityType = entityType,
        EntityId = entityId,
        Operation = "查看",
        After = System.Text.Json.JsonSerializer.Serialize(new { 查看字段 = field }, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };

    /// <summary>Begins the use case <paramref name="useCase"/> (named by its <see cref="AuditActionAttribute"/>) until disposed.</summary>
    public IDisposable Begin(object useCase) => Begin(useCase, null);

    /// <summary>Begins the use case with a detail after its name (e.g. 办理申请：告知补正).</summary>
    public IDisposable Begin(object useCase, string? detail)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        var name = useCase.GetType().GetCustomAttribute<AuditActionAttribute>()?.Name
            ?? throw new InvalidOperationException($"{useCase.GetType().Name} changes data but has no [AuditAction]");
        _actions.Add(detail is null ? name : $"{name}：{detail}");
        return new Scope(_actions);
    }

    private sealed class Scope(List<string> actions) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                actions.RemoveAt(actions.Count - 1);
                _done = true;
            }
        }
    }
}
