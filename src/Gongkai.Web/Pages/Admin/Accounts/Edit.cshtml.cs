using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Accounts;

/// <summary>新建账号 (no id) and 修改账号 (with id). Accounts of other branches are 404.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
public sealed class EditModel(GetAccount get, CreateAccount create, UpdateAccount update, ResetPassword reset, RevealAccountMobile reveal, ListAgencies agencies) : PageModel
{
    public string? Id { get; private set; }

    public string UserName { get; private set; } = string.Empty;

    public string DisplayName { get; private set; } = string.Empty;

    public string Stamp { get; private set; } = string.Empty;

    public string? Mobile { get; private set; }

    public string? RevealedMobile { get; private set; }

    public bool Locked { get; private set; }

    public IReadOnlySet<string> SelectedRoles { get; private set; } = new HashSet<string>();

    public IReadOnlySet<int> SelectedAgencies { get; private set; } = new HashSet<int>();

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public string? NewPassword { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken ct)
    {
        if (id is not null && !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Agencies = await agencies.ExecuteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, string? userName, string? displayName, string? mobile, string[]? roles, int[]? agencyIds, bool locked, string? stamp, CancellationToken ct)
    {
        Id = id;
        UserName = userName ?? string.Empty;
        DisplayName = displayName ?? string.Empty;
        Mobile = mobile;
        SelectedRoles = (roles ?? []).ToHashSet(StringComparer.Ordinal);
        SelectedAgencies = (agencyIds ?? []).ToHashSet();
        Locked = locked;
        Stamp = stamp ?? string.Empty;
        try
        {
            if (id is null)
            {
                var created = await create.ExecuteAsync(new AccountInput(UserName, DisplayName, [.. SelectedRoles], [.. SelectedAgencies], Mobile), null, ct);
                Id = created.UserId;
                NewPassword = created.Password;
                await LoadAsync(created.UserId, ct);
                Agencies = await agencies.ExecuteAsync(ct);
                return Page();
            }

            var current = await get.ExecuteAsync(id, ct);
            UserName = current.UserName;
            await update.ExecuteAsync(id, new AccountInput(current.UserName, DisplayName, [.. SelectedRoles], [.. SelectedAgencies], Mobile ?? string.Empty), locked, Stamp, ct);
            Message = $"已保存账号 {current.UserName}。";
            return Redirect("/Admin/Accounts");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = "请修改标出的内容后再保存。";
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            FormError = ex.Message;
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        Agencies = await agencies.ExecuteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken ct)
    {
        NewPassword = await reset.ExecuteAsync(id, ct);

        await LoadAsync(id, ct);
        Agencies = await agencies.ExecuteAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevealMobileAsync(string id, CancellationToken ct)
    {
        RevealedMobile = await reveal.ExecuteAsync(id, ct);

        await LoadAsync(id, ct);
        Agencies = await agencies.ExecuteAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        try
        {
            var a = await get.ExecuteAsync(id, ct);
            Id = a.Id;
            UserName = a.UserName;
            DisplayName = a.DisplayName;
            Stamp = a.ConcurrencyStamp;
            Mobile = a.MobileMasked;
            Locked = a.LockedOut;
            SelectedRoles = a.Roles.ToHashSet(StringComparer.Ordinal);
            SelectedAgencies = a.AgencyIds.ToHashSet();
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
