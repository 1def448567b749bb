namespace Gongkai.Data.Audit;

/// <summary>
/// One change made through a use case: who, acting for which agency, when, what, before → after. Append-only: the
/// database itself rejects UPDATE and DELETE on this table (triggers in both providers' migrations).
/// </summary>
public sealed class AuditEntryRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The account's user name, or 系统 / 命令行（user） for the system and the CLI.</summary>
    public string Actor { get; set; } = string.Empty;

    public string? ActorUserId { get; set; }

    public int? ActingAgencyId { get; set; }

    /// <summary>The use case, in Chinese (e.g. 新建机构, 导入工作日历).</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>What was changed: the entity type (e.g. 机构) and its key.</summary>
    public string EntityType { get; set; } = string.Empty;

    public string EntityId { get; set; } = string.Empty;

    /// <summary>新增, 修改, 删除, or 查看 (a full personal-data value was viewed).</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>JSON object of the changed properties' values before (null for 新增).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' values after (null for 删除).</summary>
    public string? After { get; set; }
}
