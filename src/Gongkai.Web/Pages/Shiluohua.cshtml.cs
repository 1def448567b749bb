using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The 适老化模式 switch: <c>/Shiluohua?on=1&amp;returnUrl=/Xinxi</c> sets the cookie and goes back (local addresses only).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ShiluohuaModel : PageModel
{
    public IActionResult OnGet(string? on, string? returnUrl)
    {
        CareMode.Set(HttpContext, on is "1" or "true");
        return LocalRedirect(CareMode.SafeReturnUrl(returnUrl));
    }
}
