using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Portal;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Portal;

/// <summary>Where a 网站公告 stands: 待发布 (scheduled), 展示中, 已过期, 已撤回.</summary>
public enum NoticeState
{
    Scheduled,
    Current,
    Expired,
    Withdrawn,
}

/// <summary>What the 政务公开办 types for a notice: the publication instant (null = now), the last day shown (北京时间) and the pin.</summary>
public sealed record NoticeInput
{
    public string? Title { get; init; }

    public string? Body { get; init; }

    /// <summary>Shown from this instant; null means now.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Last day shown (inclusive), in the platform's time zone; null = until withdrawn.</summary>
    public DateOnly? ExpiresOn { get; init; }

    public bool Pinned { get; init; }
}

/// <summary>A notice in the back office.</summary>
public sealed record NoticeRow(int Id, string Title, string Body, DateTimeOffset PublishedAt, DateOnly? ExpiresOn, bool Pinned, NoticeState State, string UpdatedBy, DateTimeOffset UpdatedAt, DateTimeOffset? WithdrawnAt, string? WithdrawnBy, int Version);

/// <summary>A notice as the public sees it.</summary>
public sealed record PublicNotice(int Id, string Title, string Body, DateTimeOffset PublishedAt, DateOnly? ExpiresOn, bool Pinned);

/// <summary>The rules of 网站公告: who may manage them, the limits of the fields, what "current" means.</summary>
public static class NoticeRules
{
    public const int TitleMax = 100;

    public const int BodyMax = 2000;

    public const string ConcurrentChangeCode = "notice.concurrent_change";

    public const string StateCode = "notice.state";

    /// <summary>政务公开办 and 系统管理员.</summary>
    public static IReadOnlyList<string> Roles { get; } = [Data.Accounts.Roles.DisclosureOffice, Data.Accounts.Roles.SystemAdministrator];

    public static string StateName(NoticeState state) => state switch
    {
        NoticeState.Scheduled => "待发布",
        NoticeState.Current => "展示中",
        NoticeState.Expired => "已过期",
        NoticeState.Withdrawn => "已撤回",
        _ => state.ToString(),
    };

    public static NoticeState StateOf(PortalNoticeRecord n, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(n);
        return n.WithdrawnAt is not null ? NoticeState.Withdrawn
            : n.PublishedAt > now ? NoticeState.Scheduled
            : n.ExpiresOn is { } e && e < today ? NoticeState.Expired
            : NoticeState.Current;
    }

    /// <summary>The notices the public sees now: published, not withdrawn, not past their last day.</summary>
    public static IQueryable<PortalNoticeRecord> Current(IQueryable<PortalNoticeRecord> notices, DateTimeOffset now, DateOnly today) =>
        notices.Where(n => n.WithdrawnAt == null && n.PublishedAt <= now && (n.ExpiresOn == null || n.ExpiresOn >= today));

    /// <summary>Trims the input and checks it: title 1–100, body 1–2000 characters, the last day not before the publication day.</summary>
    internal static (string Title, string Body, DateTimeOffset PublishedAt) Validate(NoticeInput input, AgencyClock clock)
    {
        var title = (input.Title ?? string.Empty).Trim();
        var body = (input.Body ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var publishedAt = input.PublishedAt ?? clock.UtcNow;
        var v = new Validation().Require("Title", title, "公告标题", TitleMax).Require("Body", body, "公告正文", BodyMax);
        var publishedOn = DateOnly.FromDateTime(clock.ToLocal(publishedAt).DateTime);
        if (input.ExpiresOn is { } expires && expires < publishedOn)
        {
            v.Add("ExpiresOn", $"截止日期不能早于发布日期（{publishedOn:yyyy-MM-dd}）。");
        }

        v.ThrowIfInvalid();
        return (title, body, publishedAt.ToUniversalTime());
    }

    internal static NoticeRow Row(PortalNoticeRecord n, DateTimeOffset now, DateOnly today) =>
        new(n.Id, n.Title, n.Body, n.PublishedAt, n.ExpiresOn, n.Pinned, StateOf(n, now, today), n.UpdatedBy, n.UpdatedAt, n.WithdrawnAt, n.WithdrawnBy, n.Version);

    internal static DomainException Conflict(PortalNoticeRecord current, AgencyClock clock) =>
        new(ConcurrentChangeCode, $"该公告已于 {clock.ToLocal(current.UpdatedAt):yyyy-MM-dd HH:mm} 由{current.UpdatedBy}修改，您看到的页面已过期，本次修改未保存。请重新打开页面，查看最新内容后再修改。");

    internal static DomainException NotFound() => new(StaffContext.NotFoundCode, "找不到该公告。");

    /// <summary>
    /// The notice to change: it must exist, be the version the user saw, and not be withdrawn (else
    /// <paramref name="withdrawnMessage"/>).
    /// </summary>
    internal static async Task<PortalNoticeRecord> LoadForChangeAsync(GongkaiDbContext db, int id, int expectedVersion, AgencyClock clock, string withdrawnMessage, CancellationToken ct)
    {
        var notice = await db.PortalNotices.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw NotFound();
        if (notice.Version != expectedVersion)
        {
            throw Conflict(notice, clock);
        }

        if (notice.WithdrawnAt is not null)
        {
            throw new DomainException(StateCode, withdrawnMessage);
        }

        return notice;
    }

    /// <summary>Saves a change; someone else's change in between is refused with <paramref name="notSavedMessage"/>.</summary>
    internal static async Task SaveChangeAsync(GongkaiDbContext db, string notSavedMessage, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(ConcurrentChangeCode, notSavedMessage);
        }
    }
}

/// <summary>网站公告 in the back office: every notice, newest publication first, 20 to a page.</summary>
[ReadOnlyUseCase]
public sealed class ListPortalNotices(GongkaiDbContext db, StaffContext staff, AgencyClock clock)
{
    public async Task<Page<NoticeRow>> ExecuteAsync(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        staff.EnsureRole([.. NoticeRules.Roles]);
        var total = await db.PortalNotices.CountAsync(ct);
        var request = PageRequest.Normalise(page, pageSize, total);
        var rows = await db.PortalNotices.AsNoTracking().OrderByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        var now = clock.UtcNow;
        var today = clock.Today();
        return new Page<NoticeRow>([.. rows.Select(n => NoticeRules.Row(n, now, today))], request.Page, request.PageSize, total);
    }
}

/// <summary>One notice with its version, for the edit form.</summary>
[ReadOnlyUseCase]
public sealed class GetPortalNotice(GongkaiDbContext db, StaffContext staff, AgencyClock clock)
{
    public async Task<NoticeRow> ExecuteAsync(int id, CancellationToken ct = default)
    {
        staff.EnsureRole([.. NoticeRules.Roles]);
        var n = await db.PortalNotices.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw NoticeRules.NotFound();
        return NoticeRules.Row(n, clock.UtcNow, clock.Today());
    }
}

/// <summary>发布网站公告: now or from a set time, until a last day or until withdrawn.</summary>
[AuditAction("发布网站公告")]
public sealed class CreatePortalNotice(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<int> ExecuteAsync(NoticeInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole([.. NoticeRules.Roles]);
        using var _ = audit.Begin(this);
        var (title, body, publishedAt) = NoticeRules.Validate(input, clock);
        var now = clock.UtcNow;
        var notice = new PortalNoticeRecord
        {
            Title = title,
            Body = body,
            PublishedAt = publishedAt,
            ExpiresOn = input.ExpiresOn,
            Pinned = input.Pinned,
            CreatedBy = staff.DisplayName,
            CreatedAt = now,
            UpdatedBy = staff.DisplayName,
            UpdatedAt = now,
            Version = 1,
        };
        db.PortalNotices.Add(notice);
        await db.SaveChangesAsync(ct);
        return notice.Id;
    }
}

/// <summary>修改网站公告: refused when someone changed it since the form was opened, and once withdrawn.</summary>
[AuditAction("修改网站公告")]
public sealed class UpdatePortalNotice(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task ExecuteAsync(int id, NoticeInput input, int expectedVersion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole([.. NoticeRules.Roles]);
        using var _ = audit.Begin(this);
        var notice = await NoticeRules.LoadForChangeAsync(db, id, expectedVersion, clock, "该公告已撤回，不能再修改。如需重新发布，请新建公告。", ct);

        var (title, body, publishedAt) = NoticeRules.Validate(input, clock);
        notice.Title = title;
        notice.Body = body;
        notice.PublishedAt = publishedAt;
        notice.ExpiresOn = input.ExpiresOn;
        notice.Pinned = input.Pinned;
        notice.UpdatedBy = staff.DisplayName;
        notice.UpdatedAt = clock.UtcNow;
        notice.Version++;
        await NoticeRules.SaveChangeAsync(db, "该公告刚被其他人修改，本次修改未保存。请重新打开页面后再修改。", ct);
    }
}

/// <summary>撤回网站公告: it leaves the portal at once; the record stays, so the history keeps what was said.</summary>
[AuditAction("撤回网站公告")]
public sealed class WithdrawPortalNotice(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task ExecuteAsync(int id, int expectedVersion, CancellationToken ct = default)
    {
        staff.EnsureRole([.. NoticeRules.Roles]);
        using var _ = audit.Begin(this);
        var notice = await NoticeRules.LoadForChangeAsync(db, id, expectedVersion, clock, "该公告已经撤回。", ct);

        var now = clock.UtcNow;
        notice.WithdrawnAt = now;
        notice.WithdrawnBy = staff.DisplayName;
        notice.UpdatedBy = staff.DisplayName;
        notice.UpdatedAt = now;
        notice.Version++;
        await NoticeRules.SaveChangeAsync(db, "该公告刚被其他人修改，本次未撤回。请重新打开页面后再操作。", ct);
    }
}

/// <summary>The notices shown now (pinned first, then the newest), paginated: the home page takes the first five, /Gonggao lists them all.</summary>
[ReadOnlyUseCase]
public sealed class ListCurrentNotices(GongkaiDbContext db, AgencyClock clock)
{
    public async Task<Page<PublicNotice>> ExecuteAsync(int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var q = NoticeRules.Current(db.PortalNotices.AsNoTracking(), clock.UtcNow, clock.Today());
        var total = await q.CountAsync(ct);
        var request = PageRequest.Normalise(page, pageSize, total);

        var rows = await q.OrderByDescending(n => n.Pinned).ThenByDescending(n => n.PublishedAt).ThenByDescending(n => n.Id)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize).ToListAsync(ct);
        return new Page<PublicNotice>([.. rows.Select(n => new PublicNotice(n.Id, n.Title, n.Body, n.PublishedAt, n.ExpiresOn, n.Pinned))], request.Page, request.PageSize, total);
    }
}

/// <summary>One notice shown now; a scheduled, expired or withdrawn one is not found.</summary>
[ReadOnlyUseCase]
public sealed class GetPublicNotice(GongkaiDbContext db, AgencyClock clock)
{
    public async Task<PublicNotice> ExecuteAsync(int id, CancellationToken ct = default)
    {
        var n = await NoticeRules.Current(db.PortalNotices.AsNoTracking(), clock.UtcNow, clock.Today()).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw NoticeRules.NotFound();
        return new PublicNotice(n.Id, n.Title, n.Body, n.PublishedAt, n.ExpiresOn, n.Pinned);
    }
}
