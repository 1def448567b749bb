using Gongkai.Data.Accounts;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo sign-ins, one or more per role in several units, printed when the platform starts on a demo database.
/// Never created outside the demo.
/// </summary>
public static class DemoAccounts
{
    /// <summary>One shared password for the demo accounts (the demo database is for trying the platform, not for real records).</summary>
    public const string Password = "gongkai-demo-2026";

    public sealed record DemoAccount(string UserName, string DisplayName, string[] Roles, string[] Agencies);

    public static IReadOnlyList<DemoAccount> All { get; } =
    [
        new("admin", "李建国", [Roles.SystemAdministrator], [DemoAgencies.DistrictGovernment]),
        new("gkb", "王芳", [Roles.DisclosureOffice], [DemoAgencies.DistrictGovernment]),
        new("fabu", "赵磊", [Roles.Publisher], [DemoAgencies.DistrictGovernment]),
        new("jyj-cb", "张敏", [Roles.Clerk], ["包头市昆都仑区教育局"]),
        new("jyj-sh", "刘洋", [Roles.Reviewer], ["包头市昆都仑区教育局"]),
        new("jyj-fz", "陈静", [Roles.OfficeHead], ["包头市昆都仑区教育局"]),
        new("mzj-cb", "杨帆", [Roles.Clerk], ["包头市昆都仑区民政局", "包头市昆都仑区卫生健康委员会"]),
        new("zt-cb", "高娜", [Roles.Clerk, Roles.Publisher], ["包头市昆都仑区沼潭街道办事处"]),
        new("zt-admin", "孙伟", [Roles.SystemAdministrator, Roles.Reviewer], ["包头市昆都仑区沼潭街道办事处"]),
    ];

    public static string RoleNames(DemoAccount account) => string.Join("、", (account ?? throw new ArgumentNullException(nameof(account))).Roles.Select(Roles.ChineseName));
}
