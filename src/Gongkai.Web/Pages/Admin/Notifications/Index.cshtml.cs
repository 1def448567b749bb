using Gongkai.UseCases.Notifications;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Notifications;

/// <summary>我的提醒: due-soon and overdue notices for the signed-in staff member.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ListMyNotifications list, MarkNotificationsRead mark) : PageModel
{
    public const int PageSize = 30;

    public NotificationList Notices { get; private set; } = null!;

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default) => Notices = await list.ExecuteAsync(p, PageSize, ct);

    public async Task<IActionResult> OnPostReadAsync(long? id, CancellationToken ct)
    {
        await mark.ExecuteAsync(id, ct);
        return RedirectToPage();
    }
}
