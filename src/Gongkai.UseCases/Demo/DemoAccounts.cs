using Gongkai.Data.Accounts;

namespace Gongkai.UseCases.Demo;

/// <summary>The demo sign-ins, printed when the platform starts on a demo database. Never created outside the demo.</summary>
public static class DemoAccounts
{
    /// <summary>One shared password for the demo accounts (the demo database is for trying the platform, not for real records).</summary>
    public const string Password = "gongkai-demo-2026";

    public static IReadOnlyList<(string UserName, string DisplayName, string[] Roles)> All { get; } =
    [
        ("admin", "系统管理员（演示）", [Data.Accounts.Roles.SystemAdministrator]),
    ];
}
