using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Core.PersonalData;
using Gongkai.Data.Audit;
using Gongkai.Data.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Accounts;

public sealed record AccountSummary(string Id, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> AgencyIds, bool LockedOut, bool TwoFactorEnabled, string ConcurrencyStamp, string MobileMasked);

/// <summary>账号列表: the accounts acting for agencies this administrator manages, one page at a time.</summary>
[ReadOnlyUseCase]
public sealed class ListAccounts(GongkaiDbContext db, StaffContext staff, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<Page<AccountSummary>> ExecuteAsync(int page, int pageSize, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.SystemAdministrator);
        var visible = staff.VisibleAgencies;
        var ids = db.AgencyMemberships.Where(m => visible == null || visible.Contains(m.AgencyId)).Select(m => m.UserId).Distinct();
        var query = db.Users.Where(u => ids.Contains(u.Id));
        var total = await query.CountAsync(ct);
        var p = PageRequest.Normalise(page, pageSize, total);
        var users = await query.OrderBy(u => u.UserName).Skip((p.Page - 1) * p.PageSize).Take(p.PageSize).AsNoTracking().ToListAsync(ct);
        var items = new List<AccountSummary>();
        foreach (var u in users)
        {
            items.Add(await AccountQueries.SummaryAsync(db, u, protector, clock, ct));
        }

        return new Page<AccountSummary>(items, p.Page, p.PageSize, total);
    }
}

/// <summary>One account for the edit form; accounts of other branches are "not found".</summary>
[ReadOnlyUseCase]
public sealed class GetAccount(GongkaiDbContext db, StaffContext staff, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<AccountSummary> ExecuteAsync(string id, CancellationToken ct = default)
    {
        staff.EnsureRole(Roles.SystemAdministrator);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        var summary = user is null ? null : await AccountQueries.SummaryAsync(db, user, protector, clock, ct);
        if (summary is null || (!staff.IsUnrestricted && !summary.AgencyIds.Any(staff.CanSee)))
        {
            throw new DomainException(StaffContext.NotFoundCode, "找不到该账号，或您无权查看。");
        }

        return summary;
    }
}

internal static class AccountQueries
{
    public static async Task<AccountSummary> SummaryAsync(GongkaiDbContext db, GongkaiUser u, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToListAsync(ct);
        var agencies = await db.AgencyMemberships.Where(m => m.UserId == u.Id).Select(m => m.AgencyId).OrderBy(a => a).ToListAsync(ct);
        var locked = u.LockoutEnd is { } end && end > clock.GetUtcNow();
        return new AccountSummary(u.Id, u.UserName ?? string.Empty, u.DisplayName, roleNames.Order(StringComparer.Ordinal).ToList(), agencies, locked, u.TwoFactorEnabled, u.ConcurrencyStamp ?? string.Empty, Masking.Phone(protector.Unprotect(u.MobileProtected)));
    }
}

/// <summary>修改账号: name, roles, agencies, and locking; a concurrent edit is detected by the account's stamp.</summary>
[AuditAction("修改账号")]
public sealed class UpdateAccount(GongkaiDbContext db, UserManager<GongkaiUser> users, GetAccount get, StaffContext staff, AuditContext audit, PersonalDataProtector protector)
{
    public const string ConcurrentEditCode = "accounts.concurrent_edit";

    public async Task ExecuteAsync(string id, AccountInput input, bool locked, string expectedStamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var _ = audit.Begin(this);
        var current = await get.ExecuteAsync(id, ct);
        if (current.ConcurrencyStamp != expectedStamp)
        {
            throw Conflict();
        }

        await AccountRules.CheckAsync(db, staff, input with { UserName = current.UserName }, ct);
        if (id == staff.UserId && (locked || !input.Roles.Contains(Roles.SystemAdministrator)))
        {
            throw new DomainException("accounts.self_lockout", "不能锁定自己的账号，也不能取消自己的系统管理员角色。");
        }

        var user = await users.FindByIdAsync(id) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该账号。");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = input.DisplayName.Trim();
        if (input.Mobile is not null)
        {
            // An empty field clears the number; a masked value left as shown keeps it.
            var mobile = AccountRules.CleanMobile(input.Mobile);
            if (mobile is null || !mobile.Contains('*', StringComparison.Ordinal))
            {
                user.MobileProtected = protector.Protect(mobile);
            }
        }

        user.LockoutEnd = locked ? DateTimeOffset.MaxValue : null;
        var update = await users.UpdateAsync(user);
        if (update.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw Conflict();
        }

        AccountRules.Check(update, "accounts.update_failed", "无法保存账号");
        var wanted = input.Roles.ToHashSet(StringComparer.Ordinal);
        AccountRules.Check(await users.RemoveFromRolesAsync(user, current.Roles.Where(r => !wanted.Contains(r))), "accounts.update_failed", "无法保存角色");
        AccountRules.Check(await users.AddToRolesAsync(user, wanted.Where(r => !current.Roles.Contains(r))), "accounts.update_failed", "无法保存角色");

        // Memberships outside this administrator's scope are kept as they are.
        var memberships = await db.AgencyMemberships.Where(m => m.UserId == id).ToListAsync(ct);
        db.AgencyMemberships.RemoveRange(memberships.Where(m => staff.CanSee(m.AgencyId) && !input.AgencyIds.Contains(m.AgencyId)));
        foreach (var agency in input.AgencyIds.Distinct().Where(a => memberships.All(m => m.AgencyId != a)))
        {
            db.AgencyMemberships.Add(new AgencyMembershipRecord { UserId = id, AgencyId = agency });
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static DomainException Conflict() => new(ConcurrentEditCode, "该账号在您编辑期间已被其他人修改，本次未保存。请重新打开页面后再修改。");
}

/// <summary>重置密码: an administrator gives an account a new generated password (shown once).</summary>
[AuditAction("重置密码")]
public sealed class ResetPassword(UserManager<GongkaiUser> users, GetAccount get, AuditContext audit)
{
    public async Task<string> ExecuteAsync(string id, CancellationToken ct = default)
    {
        using var _ = audit.Begin(this);
        await get.ExecuteAsync(id, ct);
        var user = await users.FindByIdAsync(id) ?? throw new DomainException(StaffContext.NotFoundCode, "找不到该账号。");
        var password = CreateAccount.GeneratePassword();
        AccountRules.Check(await users.RemovePasswordAsync(user), "accounts.reset_failed", "无法重置密码");
        AccountRules.Check(await users.AddPasswordAsync(user, password), "accounts.reset_failed", "无法重置密码");
        await users.ResetAccessFailedCountAsync(user);
        return password;
    }
}

/// <summary>修改密码: a signed-in person changes their own password.</summary>
[AuditAction("修改密码")]
public sealed class ChangeOwnPassword(UserManager<GongkaiUser> users, StaffContext staff, AuditContext audit)
{
    public async Task ExecuteAsync(string currentPassword, string newPassword, CancellationToken ct = default)
    {
        using var _ = audit.Begin(this);
        ct.ThrowIfCancellationRequested();
        var user = staff.UserId is { } id ? await users.FindByIdAsync(id) : null;
        if (user is null)
        {
            throw new DomainException(StaffContext.ForbiddenCode, "请先登录。");
        }

        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            throw new ValidationFailedException(new Dictionary<string, string>
            {
                [result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) ? "CurrentPassword" : "NewPassword"] = string.Join("；", result.Errors.Select(e => e.Description)),
            });
        }
    }
}

/// <summary>两步验证: a person turns the authenticator-app (TOTP) second factor on with a code, or off.</summary>
[AuditAction("设置两步验证")]
public sealed class SetTwoFactor(UserManager<GongkaiUser> users, StaffContext staff, AuditContext audit)
{
    /// <summary>The shared key to enter in an authenticator app (created on first request).</summary>
    public async Task<string> GetKeyAsync()
    {
        using var _ = audit.Begin(this);
        var user = await CurrentAsync();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        return key!;
    }

    public async Task ExecuteAsync(bool enable, string? code, CancellationToken ct = default)
    {
        using var _ = audit.Begin(this);
        ct.ThrowIfCancellationRequested();
        var user = await CurrentAsync();
        if (enable)
        {
            var clean = (code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, clean))
            {
                throw new ValidationFailedException(new Dictionary<string, string> { ["Code"] = "验证码不正确或已过期，请输入验证器应用中当前显示的 6 位数字。" });
            }
        }

        AccountRules.Check(await users.SetTwoFactorEnabledAsync(user, enable), "accounts.two_factor_failed", "无法设置两步验证");
    }

    private async Task<GongkaiUser> CurrentAsync() =>
        (staff.UserId is { } id ? await users.FindByIdAsync(id) : null) ?? throw new DomainException(StaffContext.ForbiddenCode, "请先登录。");
}

/// <summary>
/// 查看完整手机号: a system administrator sees an account's full mobile number; every such view is written into the
/// audit history (个人信息保护法: only those who need it, and each view is recorded).
/// </summary>
[AuditAction("查看完整手机号")]
public sealed class RevealAccountMobile(GongkaiDbContext db, GetAccount get, AuditContext audit, PersonalDataProtector protector, TimeProvider clock)
{
    public async Task<string?> ExecuteAsync(string id, CancellationToken ct = default)
    {
        using var _ = audit.Begin(this);
        await get.ExecuteAsync(id, ct);
        var stored = await db.Users.Where(u => u.Id == id).Select(u => u.MobileProtected).SingleAsync(ct);
        if (stored is null)
        {
            return null;
        }

        db.AuditEntries.Add(audit.Viewed("账号", id, "手机号码", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return protector.Unprotect(stored);
    }
}
