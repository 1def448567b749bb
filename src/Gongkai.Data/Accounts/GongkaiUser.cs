using Microsoft.AspNetCore.Identity;

namespace Gongkai.Data.Accounts;

/// <summary>
/// An account (ASP.NET Core Identity): a staff member, or — with <see cref="IsApplicant"/> — a member of the public who
/// chose to register so that their applications are listed together. The public may apply without any account.
/// </summary>
public sealed class GongkaiUser : IdentityUser
{
    /// <summary>申请人账号: never has roles or agencies, never reaches the back office.</summary>
    public bool IsApplicant { get; set; }

    /// <summary>The person's name as shown in history and on documents (e.g. 张敏).</summary>
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The mobile number for notices, encrypted (PersonalDataProtector); shown masked, revealed with an audit entry.</summary>
    public string? MobileProtected { get; set; }
}

/// <summary>
/// The roles of the platform (duties in docs/glossary.md and the application procedure's "Who does what").
/// Role names are stable code names; <see cref="ChineseName"/> is what people see.
/// </summary>
public static class Roles
{
    /// <summary>承办人</summary>
    public const string Clerk = "Clerk";

    /// <summary>审核人</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>工作机构负责人</summary>
    public const string OfficeHead = "OfficeHead";

    /// <summary>发布员</summary>
    public const string Publisher = "Publisher";

    /// <summary>政务公开办</summary>
    public const string DisclosureOffice = "DisclosureOffice";

    /// <summary>系统管理员</summary>
    public const string SystemAdministrator = "SystemAdministrator";

    public static IReadOnlyList<string> All { get; } = [Clerk, Reviewer, OfficeHead, Publisher, DisclosureOffice, SystemAdministrator];

    public static string ChineseName(string role) => role switch
    {
        Clerk => "承办人",
        Reviewer => "审核人",
        OfficeHead => "工作机构负责人",
        Publisher => "发布员",
        DisclosureOffice => "政务公开办",
        SystemAdministrator => "系统管理员",
        _ => role,
    };
}
