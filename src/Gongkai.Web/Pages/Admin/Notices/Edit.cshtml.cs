using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Notices;

/// <summary>发布新公告 (no id) and 修改公告 (with id and its version: a stale form is refused with 409, nothing overwritten).</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class EditModel(GetPortalNotice get, CreatePortalNotice create, UpdatePortalNotice update, AgencyClock clock) : PageModel
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public int? Id { get; private set; }

    public int Version { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    /// <summary>北京时间, as the datetime-local input shows it.</summary>
    public string PublishedAt { get; private set; } = string.Empty;

    public string ExpiresOn { get; private set; } = string.Empty;

    public bool Pinned { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public bool Conflict { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not { } existing)
        {
            PublishedAt = clock.ToLocal(clock.UtcNow).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            return Page();
        }

        var n = await get.ExecuteAsync(existing, ct);
        if (n.State == NoticeState.Withdrawn)
        {
            return NotFound();
        }

        Version = n.Version;
        Title = n.Title;
        Body = n.Body;
        PublishedAt = clock.ToLocal(n.PublishedAt).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        ExpiresOn = n.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
        Pinned = n.Pinned;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int version, string? title, string? body, string? publishedAt, string? expiresOn, bool pinned, CancellationToken ct)
    {
        Id = id;
        Version = version;
        Title = title ?? string.Empty;
        Body = body ?? string.Empty;
        PublishedAt = publishedAt ?? string.Empty;
        ExpiresOn = expiresOn ?? string.Empty;
        Pinned = pinned;
        var errors = new Dictionary<string, string>();
        DateTimeOffset? at = null;
        if (!string.IsNullOrWhiteSpace(publishedAt))
        {
            if (DateTime.TryParseExact(publishedAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                at = new DateTimeOffset(local, Beijing).ToUniversalTime();
            }
            else
            {
                errors["PublishedAt"] = "发布时间格式不正确，请按“年-月-日 时:分”填写，如 2026-03-02 09:00。";
            }
        }

        var expires = FormDates.Parse(expiresOn, "ExpiresOn", "截止日期", errors, required: false);
        if (errors.Count > 0)
        {
            Errors = errors;
            FormError = "请修改标出的内容后再保存。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var input = new NoticeInput { Title = title, Body = body, PublishedAt = at, ExpiresOn = expires, Pinned = pinned };
        try
        {
            if (id is { } existing)
            {
                await update.ExecuteAsync(existing, input, version, ct);
                Message = $"已保存公告“{Title.Trim()}”。";
            }
            else
            {
                await create.ExecuteAsync(input, ct);
                Message = at is { } t && t > clock.UtcNow ? $"公告“{Title.Trim()}”将于 {clock.ToLocal(t):yyyy-MM-dd HH:mm} 发布。" : $"已发布公告“{Title.Trim()}”。";
            }

            await PortalCache.EvictAsync(HttpContext, ct);
            return Redirect("/Admin/Notices");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = "请修改标出的内容后再保存。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex) when (ex.Code is not (StaffContext.NotFoundCode or StaffContext.ForbiddenCode))
        {
            Conflict = ex.Code == NoticeRules.ConcurrentChangeCode;
            FormError = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
