using Microsoft.AspNetCore.Identity;

namespace Gongkai.UseCases.Accounts;

/// <summary>Account errors in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败，请稍后重试。");

    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "该账号刚刚被其他人修改，请刷新后重试。");

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确。");

    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用字母、数字和 - . _ @。");

    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");

    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"电子邮箱“{email}”已被使用。");

    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"电子邮箱“{email}”格式不正确。");

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。");

    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码必须包含数字。");

    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码必须包含小写字母。");

    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码必须包含大写字母。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码必须包含符号。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码至少需要 {uniqueChars} 种不同的字符。");

    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"该账号已有角色“{Data.Accounts.Roles.ChineseName(role)}”。");

    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"该账号没有角色“{Data.Accounts.Roles.ChineseName(role)}”。");

    public override IdentityError InvalidRoleName(string? role) => E(nameof(InvalidRoleName), $"角色名“{role}”无效。");

    public override IdentityError DuplicateRoleName(string role) => E(nameof(DuplicateRoleName), $"角色“{role}”已存在。");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
