using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Notifications;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Notifications;

public sealed record NotificationList(Page<NotificationRecord> Page, int Unread);

/// <summary>我的提醒: the signed-in staff member's notices, unread first, newest first.</summary>
[ReadOnlyUseCase]
public sealed class ListMyNotifications(GongkaiDbContext db, StaffContext staff)
{
    public async Task<NotificationList> ExecuteAsync(int page, int pageSize, CancellationToken ct = default)
    {
        var userId = staff.UserId ?? throw new Core.Common.DomainException(StaffContext.ForbiddenCode, "请先登录。");
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await query.CountAsync(ct);
        var unread = await query.CountAsync(n => n.ReadAt == null, ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var rows = await query.OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.Id).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).ToListAsync(ct);
        return new NotificationList(new Page<NotificationRecord>(rows, p.Page, p.PageSize, total), unread);
    }

    /// <summary>The number of unread notices (for the menu).</summary>
    public async Task<int> UnreadAsync(CancellationToken ct = default) =>
        staff.UserId is { } userId ? await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct) : 0;
}

/// <summary>标记提醒已读: one notice, or all of one's notices.</summary>
[AuditAction("标记提醒已读")]
public sealed class MarkNotificationsRead(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(long? id, CancellationToken ct = default)
    {
        var userId = staff.UserId ?? throw new Core.Common.DomainException(StaffContext.ForbiddenCode, "请先登录。");
        using var _ = audit.Begin(this);
        var rows = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id)).ToListAsync(ct);
        foreach (var n in rows)
        {
            n.ReadAt = clock.UtcNow;
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }
}
