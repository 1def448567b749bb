using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Agencies;

/// <summary>Checks shared by creating, editing and importing agencies (tree placement, uniqueness).</summary>
internal static class AgencyRules
{
    public static async Task CheckPlacementAsync(GongkaiDbContext db, StaffContext staff, AgencyInput input, int? selfId, AgencyTree tree, CancellationToken ct)
    {
        var v = new Validation();
        if (input.ParentId is { } parent)
        {
            if (tree.Find(parent) is null || !staff.CanSee(parent))
            {
                v.Add(nameof(AgencyInput.ParentId), "所选上级机关不存在或不在您的管理范围内。");
            }
            else if (selfId is { } self && tree.IsInSubtree(parent, self))
            {
                v.Add(nameof(AgencyInput.ParentId), "不能把机构放到它自己或它的下级机构之下。");
            }
        }
        else if (!staff.IsUnrestricted && (selfId is null || tree.Find(selfId.Value)?.ParentId is not null))
        {
            v.Add(nameof(AgencyInput.ParentId), "只有在命令行中才能新建最上级的人民政府。请选择上级机关。");
        }

        if (input.SupervisorId is { } supervisor)
        {
            if (tree.Find(supervisor) is null || !staff.CanSee(supervisor))
            {
                v.Add(nameof(AgencyInput.SupervisorId), "所选主管部门不存在或不在您的管理范围内。");
            }
            else if (selfId is { } self && (supervisor == self || tree.SupervisedBy(self).Contains(supervisor)))
            {
                v.Add(nameof(AgencyInput.SupervisorId), "主管部门不能是机构自己，也不能是它所主管的机构。");
            }
        }

        if (await db.Agencies.AnyAsync(a => a.Name == input.Name && a.Id != (selfId ?? 0), ct))
        {
            v.Add(nameof(AgencyInput.Name), $"已有名为“{input.Name}”的机构。");
        }

        if (input.CreditCode is not null && await db.Agencies.AnyAsync(a => a.CreditCode == input.CreditCode && a.Id != (selfId ?? 0), ct))
        {
            v.Add(nameof(AgencyInput.CreditCode), $"统一社会信用代码 {input.CreditCode} 已被其他机构使用。");
        }

        v.ThrowIfInvalid();
    }

    public static void Apply(AgencyRecord a, AgencyInput i)
    {
        a.Name = i.Name;
        a.ShortName = i.ShortName;
        a.Kind = i.Kind;
        a.ParentId = i.ParentId;
        a.SupervisorId = i.SupervisorId;
        a.CreditCode = i.CreditCode;
        a.ReceivesApplications = i.ReceivesApplications;
        a.SortOrder = i.SortOrder;
        a.OfficeName = i.OfficeName;
        a.OfficeAddress = i.OfficeAddress;
        a.OfficeHours = i.OfficeHours;
        a.OfficePhone = i.OfficePhone;
        a.OfficeFax = i.OfficeFax;
        a.OfficeEmail = i.OfficeEmail;
        a.OfficeWebsite = i.OfficeWebsite;
        a.IndexNumberPattern = i.IndexNumberPattern;
        a.CaseNumberPattern = i.CaseNumberPattern;
        a.ReportScope = i.ReportScope;
    }
}

/// <summary>新建机构: a system administrator adds an agency below one they manage.</summary>
[AuditAction("新建机构")]
public sealed class CreateAgency(GongkaiDbContext db, StaffContext staff, AuditContext audit)
{
    public async Task<int> ExecuteAsync(AgencyInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var clean = input.Normalise();
        var tree = await AgencyTree.LoadAsync(db, ct);
        await AgencyRules.CheckPlacementAsync(db, staff, clean, null, tree, ct);
        var record = new AgencyRecord { Version = 1 };
        AgencyRules.Apply(record, clean);
        db.Agencies.Add(record);
        await db.SaveChangesAsync(ct);
        staff.NoteNewAgency(record.Id, record.SupervisorId ?? record.ParentId);
        return record.Id;
    }
}

/// <summary>修改机构: edits an agency; a concurrent edit by someone else is detected and explained.</summary>
[AuditAction("修改机构")]
public sealed class UpdateAgency(GongkaiDbContext db, StaffContext staff, AuditContext audit)
{
    public const string ConcurrentEditCode = "agency.concurrent_edit";

    public async Task ExecuteAsync(int id, AgencyInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(Roles.SystemAdministrator);
        staff.EnsureCanSee(id);
        using var _ = audit.Begin(this);
        var record = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
        if (record.Version != expectedVersion)
        {
            throw Conflict();
        }

        var clean = input.Normalise();
        var tree = await AgencyTree.LoadAsync(db, ct);
        await AgencyRules.CheckPlacementAsync(db, staff, clean, id, tree, ct);
        AgencyRules.Apply(record, clean);
        record.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict();
        }
    }

    private static DomainException Conflict() =>
        new(ConcurrentEditCode, "该机构在您编辑期间已被其他人修改。为避免覆盖对方的修改，本次未保存。请重新打开页面，查看最新内容后再修改。");
}

/// <summary>The agencies this user may see, in tree order (机构管理 list, pickers).</summary>
[ReadOnlyUseCase]
public sealed class ListAgencies(GongkaiDbContext db, StaffContext staff)
{
    public async Task<IReadOnlyList<AgencyNode>> ExecuteAsync(CancellationToken ct = default)
    {
        var tree = await AgencyTree.LoadAsync(db, ct);
        return tree.Ordered.Where(n => staff.CanSee(n.Id)).ToList();
    }
}

/// <summary>One agency with its version (for the edit form); other branches' agencies are "not found".</summary>
[ReadOnlyUseCase]
public sealed class GetAgency(GongkaiDbContext db, StaffContext staff)
{
    public async Task<AgencyRecord> ExecuteAsync(int id, CancellationToken ct = default)
    {
        staff.EnsureCanSee(id);
        return await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该机构。");
    }
}
