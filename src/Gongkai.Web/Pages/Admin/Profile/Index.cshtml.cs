using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.UseCases.Accounts;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Admin.Profile;

/// <summary>个人设置: one's own account, password change, the second factor, and choosing the agency acted for.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(StaffContext staff, GongkaiDbContext db, ChangeOwnPassword changePassword, SetTwoFactor twoFactor, SignInManager<GongkaiUser> signIn,
    CreateApiToken createToken, RevokeApiToken revokeToken, ListMyApiTokens listTokens) : PageModel
{
    public IReadOnlyList<ApiTokenSummary> Tokens { get; private set; } = [];

    /// <summary>A token just created: shown once, never again.</summary>
    public CreatedApiToken? NewToken { get; private set; }

    public string UserName => staff.UserName;

    public string DisplayName => staff.DisplayName;

    public string RoleNames => string.Join("、", staff.Roles.Select(Roles.ChineseName));

    public IReadOnlyList<string> Agencies => StaffMemberships.Of(HttpContext).Agencies.Select(a => a.Name).ToList();

    public bool TwoFactorEnabled { get; private set; }

    public string? AuthenticatorKey { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, CancellationToken ct)
    {
        try
        {
            await changePassword.ExecuteAsync(currentPassword ?? string.Empty, newPassword ?? string.Empty, ct);
            var user = await signIn.UserManager.FindByIdAsync(staff.UserId!);
            await signIn.RefreshSignInAsync(user!);
            Message = "密码已修改。";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task OnPostShowKeyAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        AuthenticatorKey = FormatKey(await twoFactor.GetKeyAsync());
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync(string? code, CancellationToken ct)
    {
        try
        {
            await twoFactor.ExecuteAsync(true, code, ct);
            Message = "两步验证已启用。";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            AuthenticatorKey = FormatKey(await twoFactor.GetKeyAsync());
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        await twoFactor.ExecuteAsync(false, null, ct);
        Message = "两步验证已停用。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string? tokenName, int? validDays, CancellationToken ct)
    {
        try
        {
            NewToken = await createToken.ExecuteAsync(tokenName ?? string.Empty, validDays ?? 90, ct);
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex)
        {
            Errors = new Dictionary<string, string> { ["Name"] = ex.Message };
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long id, CancellationToken ct)
    {
        await revokeToken.ExecuteAsync(id, ct);
        Message = "接口令牌已吊销。";
        return RedirectToPage();
    }

    /// <summary>The agency switcher in the header posts here; only an agency of one's own can be chosen.</summary>
    public IActionResult OnPostSwitchAgency(int agencyId, string? returnUrl)
    {
        if (StaffMemberships.Of(HttpContext).Agencies.All(a => a.Id != agencyId))
        {
            return BadRequest();
        }

        Response.Cookies.Append(StaffMiddleware.ActingAgencyCookie, agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            IsEssential = true,
        });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Admin");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        TwoFactorEnabled = await db.Users.Where(u => u.Id == staff.UserId).Select(u => u.TwoFactorEnabled).SingleAsync(ct);
        Tokens = await listTokens.ExecuteAsync(ct);
    }

    private static string FormatKey(string key) => string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
