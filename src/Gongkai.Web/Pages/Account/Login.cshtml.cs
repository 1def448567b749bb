using Gongkai.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<GongkaiUser> signIn, HumanCheck human, TargetThrottle throttle) : PageModel
{
    public const string ApplicantHome = "/zhanghu";

    public string? Error { get; private set; }

    public string? UserName { get; private set; }

    public string ReturnUrl { get; private set; } = "/Admin";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturn(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        ReturnUrl = SafeReturn(returnUrl);
        UserName = userName;
        if (human.Verify(Request.Form) is { } notHuman)
        {
            Error = notHuman;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Error = "请输入用户名和密码。";
            return Page();
        }

        // Per target: too many failures for one account name, from any address (also for names that do not exist).
        var target = "sign-in:" + userName.Trim().ToUpperInvariant();
        if (throttle.IsBlocked(target))
        {
            Error = "该账号登录失败次数过多，请 15 分钟后再试或联系管理员。";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.RecordSuccess(target);
        }
        else
        {
            throttle.RecordFailure(target);
        }

        if (result.Succeeded)
        {
            // An applicant account has no back office: its home is 我的申请.
            if (ReturnUrl.StartsWith("/Admin", StringComparison.OrdinalIgnoreCase) && (await signIn.UserManager.FindByNameAsync(userName.Trim()))?.IsApplicant == true)
            {
                return LocalRedirect(ApplicantHome);
            }

            return LocalRedirect(ReturnUrl);
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/LoginWith2fa", new { returnUrl = ReturnUrl });
        }

        Error = result.IsLockedOut
            ? "登录失败次数过多，账号已被暂时锁定，请 15 分钟后再试或联系管理员。"
            : result.IsNotAllowed ? "该账号当前不允许登录，请联系管理员。" : "用户名或密码不正确。";
        return Page();
    }

    private string SafeReturn(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/Admin";
}
