using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Audit;
using Gongkai.Data.Configuration;
using Gongkai.Data.Notifications;
using Gongkai.Data.PersonalData;
using Gongkai.Data.Portal;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.UseCases.Portal;

/// <summary>
/// The rules of "我为政府网站找错": what a report must contain, the ticket number, the names shown for categories and
/// statuses, and who handles tickets. A ticket is about the whole portal, so it is handled by the 政务公开办 (and the
/// 系统管理员) of a top-level agency — the government that runs the site — not by a department's or 街道's staff.
/// </summary>
public static partial class SiteErrorReportRules
{
    public const int MaxPageUrlLength = 500;
    public const int MinDescriptionLength = 10;
    public const int MaxDescriptionLength = 1000;
    public const int MaxContactNameLength = 50;
    public const int MaxContactLength = 100;
    public const int MaxResolutionLength = 1000;
    public const int MaxRequestKeyLength = 64;

    /// <summary>The ticket was changed by someone else after the page was shown.</summary>
    public const string ConcurrentChangeCode = "site_error.concurrent_change";

    /// <summary>The ticket was already handled.</summary>
    public const string ClosedCode = "site_error.closed";

    public const string NotFoundMessage = "找不到该工单。请核对工单编号（如 2026-00001）后重新查询。";

    public const string PageUrlMessage = "页面网址应为本网站的页面路径（以“/”开头）或以 http:// 、https:// 开头的网址。";

    public const string ContactMessage = "联系方式应为手机号码、带区号的固定电话或电子邮箱，如 13912345678、0472-5990381 或 name@example.com。";

    /// <summary>The roles that handle tickets (of a top-level agency).</summary>
    public static IReadOnlyList<string> Roles { get; } = [Data.Accounts.Roles.DisclosureOffice, Data.Accounts.Roles.SystemAdministrator];

    public static string CategoryName(SiteErrorCategory category) => category switch
    {
        SiteErrorCategory.BrokenLink => "链接无法打开",
        SiteErrorCategory.Typo => "错别字或不规范表述",
        SiteErrorCategory.WrongContent => "内容错误或过时",
        SiteErrorCategory.PageError => "页面无法访问或显示异常",
        SiteErrorCategory.Accessibility => "无障碍或适老化问题",
        SiteErrorCategory.Other => "其他",
        _ => category.ToString(),
    };

    public static string StatusName(SiteErrorStatus status) => status switch
    {
        SiteErrorStatus.Open => "待处理",
        SiteErrorStatus.Fixed => "已整改",
        SiteErrorStatus.NotAnError => "经核实无误",
        _ => status.ToString(),
    };

    /// <summary>
    /// A page address as reported, or null when it is neither a path on this site (starting with one "/") nor an
    /// http(s) address. Used for the form's pre-filled value too, so that no other scheme ever reaches a page.
    /// </summary>
    public static string? NormalisePageUrl(string? value)
    {
        var s = (value ?? string.Empty).Trim();
        if (s.Length is 0 or > MaxPageUrlLength || s.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return null;
        }

        if (s[0] == '/')
        {
            // "//host" and "/\host" are other sites to a browser.
            return s.Length > 1 && (s[1] == '/' || s[1] == '\\') ? null : s;
        }

        return Uri.TryCreate(s, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0 ? s : null;
    }

    /// <summary>A contact as typed, spaces dropped from phone numbers; null when it is neither a phone number nor an e-mail address.</summary>
    public static string? NormaliseContact(string? value)
    {
        var s = (value ?? string.Empty).Trim();
        if (s.Length is 0 or > MaxContactLength)
        {
            return null;
        }

        if (s.Contains('@', StringComparison.Ordinal))
        {
            return EmailPattern().IsMatch(s) ? s : null;
        }

        var phone = s.Replace(" ", string.Empty, StringComparison.Ordinal);
        return PhonePattern().IsMatch(phone) ? phone : null;
    }

    /// <summary>A contact shown in part (list-style masking): 139****5678, n***@example.com.</summary>
    public static string MaskContact(string? contact)
    {
        if (string.IsNullOrEmpty(contact))
        {
            return string.Empty;
        }

        var at = contact.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? string.Concat(contact.AsSpan(0, 1), new string('*', Math.Max(3, at - 1)), contact.AsSpan(at)) : Core.PersonalData.Masking.Phone(contact);
    }

    /// <summary>A ticket number: the year and a serial of at least five digits (2026-00042).</summary>
    public static string FormatNumber(int year, int serial) =>
        year.ToString("D4", CultureInfo.InvariantCulture) + "-" + serial.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A ticket number as typed (full-width digits and dashes, spaces), or null when it cannot be one.</summary>
    public static string? NormaliseNumber(string? value)
    {
        var s = new string([.. (value ?? string.Empty).Trim().Select(c => c switch
        {
            >= '０' and <= '９' => (char)('0' + (c - '０')),
            '－' or '—' or '–' => '-',
            _ => c,
        }).Where(c => !char.IsWhiteSpace(c))]);
        return NumberPattern().IsMatch(s) ? s : null;
    }

    /// <summary>Refuses anyone but the 政务公开办 or 系统管理员 acting for a top-level agency (the operator passes).</summary>
    public static async Task EnsureHandlerAsync(GongkaiDbContext db, StaffContext staff, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(staff);
        staff.EnsureRole([.. Roles]);
        if (staff.IsUnrestricted)
        {
            return;
        }

        var top = staff.ActingAgencyId is { } acting && await db.Agencies.AnyAsync(a => a.Id == acting && a.ParentId == null, ct);
        if (!top)
        {
            throw new DomainException(StaffContext.ForbiddenCode, "网站找错工单由本级人民政府的政务公开办处理，请切换到本级人民政府后再操作。");
        }
    }

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\d{4}-\d{5,}$")]
    private static partial Regex NumberPattern();
}

/// <summary>What a member of the public types into the 找错 form.</summary>
public sealed record SiteErrorReportInput
{
    public string PageUrl { get; init; } = string.Empty;

    /// <summary>An undefined value (nothing chosen) is reported as 请选择错误类型.</summary>
    public SiteErrorCategory Category { get; init; }

    public string Description { get; init; } = string.Empty;

    public string ContactName { get; init; } = string.Empty;

    /// <summary>A phone number or e-mail address, optional.</summary>
    public string Contact { get; init; } = string.Empty;
}

/// <summary>The ticket a submission created (or, for a repeated submit, found).</summary>
public sealed record SubmittedSiteErrorReport(int Id, string Number, DateTimeOffset CreatedAt, bool Repeated);

/// <summary>
/// 我为政府网站找错: anyone reports an error on a page of the portal, without an account, and gets a ticket number for
/// the status page. The text is stored as typed (pages encode it); the optional phone or e-mail is encrypted. A
/// repeated submit of the same form (same request key) gives the same ticket. The 政务公开办 of the top-level agency
/// gets an in-app notice.
/// </summary>
[AuditAction("提交网站找错留言")]
public sealed class SubmitSiteErrorReport(GongkaiDbContext db, AuditContext audit, PersonalDataProtector protector, AgencyClock clock)
{
    public async Task<SubmittedSiteErrorReport> ExecuteAsync(SiteErrorReportInput input, string? requestKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (requestKey is { Length: > SiteErrorReportRules.MaxRequestKeyLength })
        {
            throw new DomainException(ValidationFailedException.ErrorCode, "提交标识过长。");
        }

        using var _ = audit.Begin(this);
        if (await FindAsync(requestKey, ct) is { } repeat)
        {
            return repeat;
        }

        var v = new Validation();
        var rawPage = (input.PageUrl ?? string.Empty).Trim();
        var page = SiteErrorReportRules.NormalisePageUrl(rawPage);
        if (rawPage.Length == 0)
        {
            v.Add("PageUrl", "请填写出错页面的网址。");
        }
        else if (rawPage.Length > SiteErrorReportRules.MaxPageUrlLength)
        {
            v.Add("PageUrl", $"页面网址不能超过 {SiteErrorReportRules.MaxPageUrlLength} 个字符。");
        }
        else if (page is null)
        {
            v.Add("PageUrl", SiteErrorReportRules.PageUrlMessage);
        }

        if (!Enum.IsDefined(input.Category))
        {
            v.Add("Category", "请选择错误类型。");
        }

        var description = (input.Description ?? string.Empty).Trim();
        if (description.Length == 0)
        {
            v.Add("Description", "请描述发现的错误。");
        }
        else if (description.Length < SiteErrorReportRules.MinDescriptionLength)
        {
            v.Add("Description", $"错误描述至少 {SiteErrorReportRules.MinDescriptionLength} 个字，请写明错在哪里、正确的应是什么。");
        }
        else if (description.Length > SiteErrorReportRules.MaxDescriptionLength)
        {
            v.Add("Description", $"错误描述不能超过 {SiteErrorReportRules.MaxDescriptionLength} 个字（现有 {description.Length} 个字）。");
        }

        var name = (input.ContactName ?? string.Empty).Trim();
        if (name.Length > SiteErrorReportRules.MaxContactNameLength)
        {
            v.Add("ContactName", $"称呼不能超过 {SiteErrorReportRules.MaxContactNameLength} 个字。");
        }

        var rawContact = (input.Contact ?? string.Empty).Trim();
        var contact = SiteErrorReportRules.NormaliseContact(rawContact);
        if (rawContact.Length > 0 && contact is null)
        {
            v.Add("Contact", SiteErrorReportRules.ContactMessage);
        }

        v.ThrowIfInvalid();

        // A form without a key (an API client, the command line) acts without repeat detection, under a key of its own.
        var key = string.IsNullOrWhiteSpace(requestKey) ? "auto:" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : requestKey;
        var now = clock.UtcNow;
        var year = clock.Today().Year;
        for (var attempt = 1; ; attempt++)
        {
            var record = new SiteErrorReportRecord
            {
                Number = SiteErrorReportRules.FormatNumber(year, await NextSerialAsync(year, ct)),
                PageUrl = page!,
                Category = input.Category,
                Description = description,
                ContactName = name,
                ContactProtected = contact is null ? string.Empty : protector.Protect(contact)!,
                RequestKey = key,
                CreatedAt = now,
                Status = SiteErrorStatus.Open,
                Version = 1,
            };
            db.SiteErrorReports.Add(record);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 10)
            {
                // Another report took this number at the same moment, or the same form was submitted twice at once.
                db.ChangeTracker.Clear();
                if (await FindAsync(requestKey, ct) is { } raced)
                {
                    return raced;
                }

                continue;
            }

            await NotifyAsync(record, ct);
            return new SubmittedSiteErrorReport(record.Id, record.Number, record.CreatedAt, Repeated: false);
        }
    }

    private async Task<SubmittedSiteErrorReport?> FindAsync(string? requestKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(requestKey))
        {
            return null;
        }

        return await db.SiteErrorReports.AsNoTracking().Where(r => r.RequestKey == requestKey)
            .Select(r => new SubmittedSiteErrorReport(r.Id, r.Number, r.CreatedAt, true)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The next serial of the year: one past the highest number given (longest first, so 100000 follows 99999).</summary>
    private async Task<int> NextSerialAsync(int year, CancellationToken ct)
    {
        var prefix = year.ToString("D4", CultureInfo.InvariantCulture) + "-";
        var last = await db.SiteErrorReports.AsNoTracking().Where(r => r.Number.StartsWith(prefix))
            .OrderByDescending(r => r.Number.Length).ThenByDescending(r => r.Number).Select(r => r.Number).FirstOrDefaultAsync(ct);
        return last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var serial) ? serial + 1 : 1;
    }

    /// <summary>An in-app notice for each 政务公开办 account of a top-level agency (no personal data in it).</summary>
    private async Task NotifyAsync(SiteErrorReportRecord record, CancellationToken ct)
    {
        var recipients = await (from m in db.AgencyMemberships
                                join a in db.Agencies on m.AgencyId equals a.Id
                                join ur in db.UserRoles on m.UserId equals ur.UserId
                                join r in db.Roles on ur.RoleId equals r.Id
                                where a.ParentId == null && r.Name == Roles.DisclosureOffice
                                select m.UserId).Distinct().ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return;
        }

        var category = SiteErrorReportRules.CategoryName(record.Category);
        var page = record.PageUrl.Length > 120 ? record.PageUrl[..120] + "…" : record.PageUrl;
        db.Notifications.AddRange(recipients.Select(userId => new NotificationRecord
        {
            UserId = userId,
            At = record.CreatedAt,
            Kind = "SiteErrorReport",
            Key = "SiteErrorReport:" + record.Number,
            Title = $"收到网站找错留言 {record.Number}",
            Body = $"公众报告页面 {page} 存在“{category}”问题，请核实并处理。",
            Link = "/Admin/Zhaocuo/" + record.Id.ToString(CultureInfo.InvariantCulture),
        }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Filters of the back office's ticket list; the period is the day the report arrived (local time).</summary>
public sealed record SiteErrorReportQuery
{
    public SiteErrorStatus? Status { get; init; }

    public SiteErrorCategory? Category { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>One ticket in the list (no contact details).</summary>
public sealed record SiteErrorReportRow(int Id, string Number, string PageUrl, SiteErrorCategory Category, string Excerpt, DateTimeOffset CreatedAt, SiteErrorStatus Status, DateTimeOffset? HandledAt);

/// <summary>A page of tickets and, under the same category and period filters, how many stand in each status.</summary>
public sealed record SiteErrorReportList(Page<SiteErrorReportRow> Page, IReadOnlyDictionary<SiteErrorStatus, int> Counts);

/// <summary>网站找错工单列表: the tickets, newest first, filtered by status, category and period.</summary>
[ReadOnlyUseCase]
public sealed class ListSiteErrorReports(GongkaiDbContext db, StaffContext staff, IOptions<GongkaiOptions> options)
{
    public const int ExcerptLength = 60;

    public async Task<SiteErrorReportList> ExecuteAsync(SiteErrorReportQuery query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await SiteErrorReportRules.EnsureHandlerAsync(db, staff, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
        DateTimeOffset StartOf(DateOnly day)
        {
            var local = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var rows = db.SiteErrorReports.AsNoTracking();
        if (query.Category is { } category)
        {
            rows = rows.Where(r => r.Category == category);
        }

        if (query.From is { } from)
        {
            var start = StartOf(from);
            rows = rows.Where(r => r.CreatedAt >= start);
        }

        if (query.To is { } to && to < DateOnly.MaxValue)
        {
            var end = StartOf(to.AddDays(1));
            rows = rows.Where(r => r.CreatedAt < end);
        }

        var counts = await rows.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        if (query.Status is { } status)
        {
            rows = rows.Where(r => r.Status == status);
        }

        var total = await rows.CountAsync(ct);
        var p = PageRequest.Normalise(query.Page, query.PageSize, total);
        var items = await rows.OrderByDescending(r => r.Id).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize)
            .Select(r => new { r.Id, r.Number, r.PageUrl, r.Category, r.Description, r.CreatedAt, r.Status, r.HandledAt })
            .ToListAsync(ct);
        var page = new Page<SiteErrorReportRow>(
            [.. items.Select(r => new SiteErrorReportRow(r.Id, r.Number, r.PageUrl, r.Category, Excerpt(r.Description), r.CreatedAt, r.Status, r.HandledAt))], p.Page, p.PageSize, total);
        return new SiteErrorReportList(page, Enum.GetValues<SiteErrorStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s)));
    }

    private static string Excerpt(string text)
    {
        var oneLine = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length > ExcerptLength ? oneLine[..ExcerptLength] + "…" : oneLine;
    }
}

/// <summary>One ticket for the back office; the contact is shown masked (the full value by <see cref="RevealSiteErrorReportContact"/>).</summary>
public sealed record SiteErrorReportDetail(
    int Id,
    string Number,
    string PageUrl,
    SiteErrorCategory Category,
    string Description,
    string ContactName,
    string MaskedContact,
    DateTimeOffset CreatedAt,
    SiteErrorStatus Status,
    string? Resolution,
    string? HandledBy,
    DateTimeOffset? HandledAt,
    int Version)
{
    public bool HasContact => MaskedContact.Length > 0;

    public bool IsOpen => Status == SiteErrorStatus.Open;
}

/// <summary>网站找错工单详情.</summary>
[ReadOnlyUseCase]
public sealed class GetSiteErrorReport(GongkaiDbContext db, StaffContext staff, PersonalDataProtector protector)
{
    public async Task<SiteErrorReportDetail> ExecuteAsync(int id, CancellationToken ct = default)
    {
        await SiteErrorReportRules.EnsureHandlerAsync(db, staff, ct);
        var r = await db.SiteErrorReports.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, SiteErrorReportRules.NotFoundMessage);
        var contact = r.ContactProtected.Length == 0 ? null : protector.Unprotect(r.ContactProtected);
        return new SiteErrorReportDetail(
            r.Id, r.Number, r.PageUrl, r.Category, r.Description, r.ContactName, SiteErrorReportRules.MaskContact(contact), r.CreatedAt, r.Status, r.Resolution, r.HandledBy, r.HandledAt, r.Version);
    }
}

/// <summary>
/// 查看找错留言人联系方式: the handlers see the full phone number or e-mail address to reply; each view is written into
/// the audit history.
/// </summary>
[AuditAction("查看找错留言人联系方式")]
public sealed class RevealSiteErrorReportContact(GongkaiDbContext db, StaffContext staff, AuditContext audit, PersonalDataProtector protector, AgencyClock clock)
{
    public async Task<string?> ExecuteAsync(int id, CancellationToken ct = default)
    {
        await SiteErrorReportRules.EnsureHandlerAsync(db, staff, ct);
        using var _ = audit.Begin(this);
        var stored = await db.SiteErrorReports.AsNoTracking().Where(r => r.Id == id).Select(r => r.ContactProtected).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, SiteErrorReportRules.NotFoundMessage);
        if (stored.Length == 0)
        {
            return null;
        }

        db.AuditEntries.Add(audit.Viewed("网站找错", id.ToString(CultureInfo.InvariantCulture), "联系方式", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return protector.Unprotect(stored);
    }
}

/// <summary>
/// 处理网站找错工单: an open ticket is closed as 已整改 or 经核实无误 with a note, which the public status page shows. The
/// form carries the version it was shown with: a ticket changed meanwhile is refused with an explanation (409).
/// </summary>
[AuditAction("处理网站找错工单")]
public sealed class HandleSiteErrorReport(GongkaiDbContext db, StaffContext staff, AuditContext audit, AgencyClock clock)
{
    public async Task<SiteErrorReportDetail> ExecuteAsync(int id, int expectedVersion, SiteErrorStatus outcome, string? resolution, CancellationToken ct = default)
    {
        await SiteErrorReportRules.EnsureHandlerAsync(db, staff, ct);
        using var _ = audit.Begin(this);
        var v = new Validation();
        if (outcome is not (SiteErrorStatus.Fixed or SiteErrorStatus.NotAnError))
        {
            v.Add("Outcome", "请选择处理结果：已整改或经核实无误。");
        }

        var note = (resolution ?? string.Empty).Trim();
        if (note.Length == 0)
        {
            v.Add("Resolution", "请填写处理说明（整改情况，或核实无误的理由）。");
        }
        else if (note.Length > SiteErrorReportRules.MaxResolutionLength)
        {
            v.Add("Resolution", $"处理说明不能超过 {SiteErrorReportRules.MaxResolutionLength} 个字。");
        }

        v.ThrowIfInvalid();
        var record = await db.SiteErrorReports.SingleOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new DomainException(StaffContext.NotFoundCode, SiteErrorReportRules.NotFoundMessage);
        if (record.Version != expectedVersion)
        {
            throw Conflict(record);
        }

        if (record.Status != SiteErrorStatus.Open)
        {
            throw new DomainException(SiteErrorReportRules.ClosedCode, $"工单 {record.Number} 已处理（{SiteErrorReportRules.StatusName(record.Status)}），不能再次处理。");
        }

        record.Status = outcome;
        record.Resolution = note;
        record.HandledBy = staff.DisplayName;
        record.HandledAt = clock.UtcNow;
        record.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SiteErrorReports.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            throw Conflict(current);
        }

        return new SiteErrorReportDetail(
            record.Id, record.Number, record.PageUrl, record.Category, record.Description, record.ContactName, string.Empty, record.CreatedAt, record.Status, record.Resolution, record.HandledBy, record.HandledAt, record.Version);
    }

    private static DomainException Conflict(SiteErrorReportRecord current) => new(
        SiteErrorReportRules.ConcurrentChangeCode,
        current.Status == SiteErrorStatus.Open
            ? $"工单 {current.Number} 在您打开页面后已被其他人修改，本次未保存。请刷新页面，查看最新情况后再处理。"
            : $"工单 {current.Number} 在您打开页面后已由{current.HandledBy}处理（{SiteErrorReportRules.StatusName(current.Status)}），本次未保存。请刷新页面查看处理结果。");
}

/// <summary>What the public status page shows of a ticket: never the reporter's text, name or contact.</summary>
public sealed record PublicSiteErrorReport(string Number, SiteErrorCategory Category, DateTimeOffset CreatedAt, SiteErrorStatus Status, string? Resolution, DateTimeOffset? HandledAt);

/// <summary>
/// 找错处理结果查询: anyone looks up a ticket by its number and sees its status and, once handled, the reply. Numbers
/// are sequential, so nothing the reporter typed is shown.
/// </summary>
[ReadOnlyUseCase]
public sealed class LookUpSiteErrorReport(GongkaiDbContext db)
{
    public async Task<PublicSiteErrorReport> ExecuteAsync(string? number, CancellationToken ct = default)
    {
        var clean = SiteErrorReportRules.NormaliseNumber(number) ?? throw new DomainException(StaffContext.NotFoundCode, SiteErrorReportRules.NotFoundMessage);
        return await db.SiteErrorReports.AsNoTracking().Where(r => r.Number == clean)
            .Select(r => new PublicSiteErrorReport(r.Number, r.Category, r.CreatedAt, r.Status, r.Resolution, r.HandledAt))
            .SingleOrDefaultAsync(ct) ?? throw new DomainException(StaffContext.NotFoundCode, SiteErrorReportRules.NotFoundMessage);
    }
}
