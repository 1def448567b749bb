using Gongkai.Core.Common;
using Gongkai.Data.Accounts;
using Gongkai.UseCases.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Zhanghu;

/// <summary>注册申请人账号 (optional): sign in afterwards to see all one's applications together.</summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ZhuceModel(RegisterApplicantAccount register, SignInManager<GongkaiUser> signIn, HumanCheck human) : PageModel
{
    public string? UserName { get; private set; }

    public string? DisplayName { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? userName, string? displayName, string? password, string? confirmPassword, CancellationToken ct)
    {
        UserName = userName;
        DisplayName = displayName;
        if (human.Verify(Request.Form) is { } notHuman)
        {
            Error = notHuman;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            var id = await register.ExecuteAsync(new ApplicantAccountInput(userName ?? string.Empty, displayName ?? string.Empty, password ?? string.Empty, confirmPassword ?? string.Empty), ct);
            var user = await signIn.UserManager.FindByIdAsync(id);
            await signIn.SignInAsync(user!, isPersistent: false);
            return LocalRedirect("/zhanghu");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Error = "注册未成功，请按提示修改。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
