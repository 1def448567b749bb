using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Zhaocuo;

/// <summary>
/// 找错处理结果: a ticket's status and, once handled, the reply, by its number. Nothing the reporter typed is shown
/// (numbers are sequential and anyone can look them up); an unknown number is a 404 with the look-up form.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.PublicForm)]
public sealed class StatusModel(LookUpSiteErrorReport lookUp, AgencyClock clock) : PageModel
{
    public PublicSiteErrorReport? Report { get; private set; }

    public string Number { get; private set; } = string.Empty;

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Number = number.Length > 40 ? number[..40] : number;
        try
        {
            Report = await lookUp.ExecuteAsync(number, ct);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
