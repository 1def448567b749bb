using Gongkai.Core.Common;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Zhanghu;

/// <summary>我的申请: the signed-in applicant's applications, and adding an earlier one by its number and query code.</summary>
[Authorize(Policy = Policies.Applicant)]
public sealed class IndexModel(ListMyApplications list, LinkApplicationToAccount link, ApplicantContext applicant, TargetThrottle throttle) : PageModel
{
    public const int PageSize = 20;

    public Page<MyApplication> Applications { get; private set; } = new([], 1, PageSize, 0);

    public string DisplayName => applicant.DisplayName ?? string.Empty;

    public string? LinkError { get; private set; }

    public string? LinkCaseNumber { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(int p = 1, CancellationToken ct = default) => Applications = await list.ExecuteAsync(p, PageSize, ct);

    public async Task<IActionResult> OnPostLinkAsync(string? caseNumber, string? queryCode, CancellationToken ct)
    {
        LinkCaseNumber = caseNumber;
        var target = ChaxunModel.Target(caseNumber ?? string.Empty);
        if (throttle.IsBlocked(target))
        {
            LinkError = "该受理编号的查询失败次数过多，请 15 分钟后再试。";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else
        {
            try
            {
                var number = await link.ExecuteAsync(caseNumber ?? string.Empty, queryCode ?? string.Empty, ct);
                throttle.RecordSuccess(target);
                Message = $"已将申请 {number} 加入我的申请。";
                return RedirectToPage();
            }
            catch (DomainException ex)
            {
                if (ex.Code == UseCases.Accounts.StaffContext.NotFoundCode)
                {
                    throttle.RecordFailure(target);
                }

                LinkError = ex.Message;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
        }

        Applications = await list.ExecuteAsync(1, PageSize, ct);
        return Page();
    }
}
