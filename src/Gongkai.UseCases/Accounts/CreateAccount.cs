using System.Security.Cryptography;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.Data.Agencies;
using Gongkai.Data.Audit;
using Gongkai.Data.PersonalData;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Accounts;

public sealed record CreatedAccount(string UserId, string UserName, string Password, bool PasswordGenerated);

public sealed record AccountInput(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<int> AgencyIds, string? Mobile = null);

/// <summary>
/// 新建账号: a staff account with its roles and the agencies it acts for. A generated password is returned once and
/// never stored in clear. A system administrator may only give agencies within their scope.
/// </summary>
[AuditAction("新建账号")]
public sealed class CreateAccount(GongkaiDbContext db, UserManager<GongkaiUser> users, RoleManager<IdentityRole> roles, StaffContext staff, AuditContext audit, PersonalDataProtector protector, TimeProvider clock)
{
    public const string FailedCode = "accounts.create_failed";

    public async Task<CreatedAccount> ExecuteAsync(AccountInput input, string? password = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        staff.EnsureRole(Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        await AccountRules.CheckAsync(db, staff, input, ct);
        await EnsureRolesAsync();

        var generated = password is null;
        password ??= GeneratePassword();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var user = new GongkaiUser
        {
            UserName = input.UserName.Trim(),
            DisplayName = input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            MobileProtected = protector.Protect(AccountRules.CleanMobile(input.Mobile)),
        };
        AccountRules.Check(await users.CreateAsync(user, password), FailedCode, "无法创建账号");
        foreach (var role in input.Roles.Distinct(StringComparer.Ordinal))
        {
            AccountRules.Check(await users.AddToRoleAsync(user, role), FailedCode, "无法创建账号");
        }

        foreach (var agency in input.AgencyIds.Distinct())
        {
            db.AgencyMemberships.Add(new AgencyMembershipRecord { UserId = user.Id, AgencyId = agency });
        }

        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return new CreatedAccount(user.Id, user.UserName, password, generated);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                AccountRules.Check(await roles.CreateAsync(new IdentityRole(role)), FailedCode, "无法创建角色");
            }
        }
    }

    /// <summary>16 characters from an alphabet without look-alikes, always with letters and digits.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string all = letters + "ABCDEFGHJKLMNPQRSTUVWXYZ" + digits;
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        chars[RandomNumberGenerator.GetInt32(8)] = letters[RandomNumberGenerator.GetInt32(letters.Length)];
        chars[8 + RandomNumberGenerator.GetInt32(8)] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        return new string(chars);
    }
}

internal static class AccountRules
{
    public static async Task CheckAsync(GongkaiDbContext db, StaffContext staff, AccountInput input, CancellationToken ct)
    {
        var v = new Validation()
            .Require(nameof(AccountInput.UserName), input.UserName, "用户名", 64)
            .Require(nameof(AccountInput.DisplayName), input.DisplayName, "姓名", 100);
        var unknown = input.Roles.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null)
        {
            v.Add(nameof(AccountInput.Roles), $"未知角色“{unknown}”。");
        }
        else if (input.Roles.Count == 0)
        {
            v.Add(nameof(AccountInput.Roles), "请至少选择一个角色。");
        }

        if (CleanMobile(input.Mobile) is { } mobile && !mobile.Contains('*', StringComparison.Ordinal) && !(mobile.Length == 11 && mobile[0] == '1' && mobile.All(char.IsAsciiDigit)))
        {
            v.Add(nameof(AccountInput.Mobile), "手机号码应为 11 位数字，以 1 开头。");
        }

        if (input.AgencyIds.Count == 0 && !staff.IsUnrestricted)
        {
            v.Add(nameof(AccountInput.AgencyIds), "请至少选择一个所属机构。");
        }

        foreach (var id in input.AgencyIds)
        {
            if (!staff.CanSee(id) || !await db.Agencies.AnyAsync(a => a.Id == id, ct))
            {
                v.Add(nameof(AccountInput.AgencyIds), "所选机构不存在或不在您的管理范围内。");
            }
        }

        v.ThrowIfInvalid();
    }

    public static string? CleanMobile(string? mobile) =>
        string.IsNullOrWhiteSpace(mobile) ? null : mobile.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);

    public static void Check(IdentityResult result, string code, string what)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(code, $"{what}：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
