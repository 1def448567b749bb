using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Data.Portal;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Zhaocuo;

/// <summary>
/// 网站找错工单: one ticket with the reporter's text (encoded as any text), the contact masked with a button that
/// shows it in full (each view recorded), and, while open, the form that closes it as 已整改 or 经核实无误. The form
/// carries the version it was shown with: a ticket handled meanwhile is refused with a 409 and a link to reload.
/// </summary>
[Authorize(Policy = Policies.SiteErrorHandler)]
public sealed class DetailModel(GetSiteErrorReport get, HandleSiteErrorReport handle, RevealSiteErrorReportContact reveal, AgencyClock clock) : PageModel
{
    public SiteErrorReportDetail Detail { get; private set; } = null!;

    /// <summary>The full contact, in the response to 显示完整联系方式 only.</summary>
    public string? RevealedContact { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    /// <summary>The page was stale: someone handled or changed the ticket since it was shown.</summary>
    public bool Conflict { get; private set; }

    /// <summary>The handling form as typed (shown again when refused).</summary>
    public SiteErrorStatus? Outcome { get; private set; }

    public string Resolution { get; private set; } = string.Empty;

    [TempData]
    public string? Message { get; set; }

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostHandleAsync(int id, int expectedVersion, string? outcome, string? resolution, CancellationToken ct)
    {
        Outcome = Enum.TryParse<SiteErrorStatus>(outcome, out var o) && o is SiteErrorStatus.Fixed or SiteErrorStatus.NotAnError && !int.TryParse(outcome, out _) ? o : null;
        Resolution = resolution ?? string.Empty;
        try
        {
            var done = await handle.ExecuteAsync(id, expectedVersion, Outcome ?? 0, resolution, ct);
            Message = $"工单 {done.Number} 已处理：{SiteErrorReportRules.StatusName(done.Status)}。";
            return Redirect("/Admin/Zhaocuo/" + id.ToString(CultureInfo.InvariantCulture));
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Errors = (ex as ValidationFailedException)?.Errors ?? new Dictionary<string, string>();
            Conflict = ex.Code == SiteErrorReportRules.ConcurrentChangeCode;
            FormError = Conflict || ex.Code == SiteErrorReportRules.ClosedCode ? ex.Message : "未能处理：" + (Errors.Count > 0 ? "请修改标出的内容。" : ex.Message);
            Response.StatusCode = Conflict || ex.Code == SiteErrorReportRules.ClosedCode ? StatusCodes.Status409Conflict
                : ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden
                : StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostRevealAsync(int id, CancellationToken ct)
    {
        RevealedContact = await reveal.ExecuteAsync(id, ct);

        // The full value is in this response only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Detail = await get.ExecuteAsync(id, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
