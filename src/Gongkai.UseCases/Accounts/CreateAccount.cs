using System.Security.Cryptography;
using Gongkai.Core.Common;
using Gongkai.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.UseCases.Accounts;

public sealed record CreatedAccount(string UserName, string Password, bool PasswordGenerated);

/// <summary>
/// Creates a staff account with its roles (the first administrator from the CLI; demo users). Every role exists
/// before the first account is made. A generated password is returned once and never stored in clear.
/// </summary>
public sealed class CreateAccount(UserManager<GongkaiUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public const string FailedCode = "accounts.create_failed";

    public async Task<CreatedAccount> ExecuteAsync(string userName, string displayName, IReadOnlyList<string> roleNames, string? password = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        ct.ThrowIfCancellationRequested();
        await EnsureRolesAsync();
        var unknown = roleNames.FirstOrDefault(r => !Roles.All.Contains(r));
        if (unknown is not null)
        {
            throw new DomainException(FailedCode, $"未知角色“{unknown}”。可用角色：{string.Join("、", Roles.All.Select(r => $"{r}（{Roles.ChineseName(r)}）"))}。");
        }

        var generated = password is null;
        password ??= GeneratePassword();
        var user = new GongkaiUser { UserName = userName, DisplayName = displayName, CreatedAt = clock.GetUtcNow() };
        Check(await users.CreateAsync(user, password));
        foreach (var role in roleNames)
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return new CreatedAccount(userName, password, generated);
    }

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
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

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException(FailedCode, "无法创建账号：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
    }
}
