using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Notices;

/// <summary>网站公告 in the back office: every notice with its state, 20 to a page; edit or withdraw one (政务公开办, 系统管理员).</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(ListPortalNotices list, WithdrawPortalNotice withdraw) : PageModel
{
    public Page<NoticeRow> Notices { get; private set; } = new([], 1, 20, 0);

    [TempData]
    public string? Message { get; set; }

    public string? FormError { get; private set; }

    public string Link(int page) => "/Admin/Notices" + (page == 1 ? string.Empty : "?page=" + page.ToString(CultureInfo.InvariantCulture));

    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken ct = default) => Notices = await list.ExecuteAsync(page, 20, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, int version, CancellationToken ct)
    {
        try
        {
            await withdraw.ExecuteAsync(id, version, ct);
            Message = "公告已撤回，门户网站不再显示。";
            await PortalCache.EvictAsync(HttpContext, ct);
            return Redirect("/Admin/Notices");
        }
        catch (DomainException ex) when (ex.Code is not (StaffContext.NotFoundCode or StaffContext.ForbiddenCode))
        {
            FormError = "未能撤回：" + ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            Notices = await list.ExecuteAsync(1, 20, ct);
            return Page();
        }
    }
}
