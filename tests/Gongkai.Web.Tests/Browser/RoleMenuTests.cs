using Gongkai.UseCases.Demo;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>Each demo role signs in in a real browser and sees its own menus and only its own records.</summary>
public sealed class RoleMenuTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [BrowserFact]
    public async Task Every_demo_role_sees_only_its_menus_and_its_records()
    {
        foreach (var account in DemoAccounts.All)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(new Uri(_host.Address, "/Account/Login").ToString());
            await page.GetByLabel("用户名").FillAsync(account.UserName);
            await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync(account.DisplayName);

            var nav = page.GetByTestId("admin-nav");
            var admin = account.Roles.Contains(Data.Accounts.Roles.SystemAdministrator);
            var supervisor = admin || account.Roles.Contains(Data.Accounts.Roles.DisclosureOffice);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "个人设置" })).ToBeVisibleAsync();
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "机构管理" })).ToHaveCountAsync(supervisor ? 1 : 0);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "操作记录" })).ToHaveCountAsync(supervisor ? 1 : 0);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "账号管理" })).ToHaveCountAsync(admin ? 1 : 0);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "工作日历" })).ToHaveCountAsync(admin ? 1 : 0);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "答复类型" })).ToHaveCountAsync(supervisor ? 1 : 0);
            var handlesCases = account.Roles.Any(r => Infrastructure.Policies.CaseHandlerRoles.Contains(r));
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "申请办理" })).ToHaveCountAsync(handlesCases ? 1 : 0);
            var handlesReviews = account.Roles.Any(r => Infrastructure.Policies.ReviewHandlerRoles.Contains(r));
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "行政复议和诉讼" })).ToHaveCountAsync(handlesReviews ? 1 : 0);
            await Assertions.Expect(nav.GetByRole(AriaRole.Link, new() { Name = "公开时效" })).ToHaveCountAsync(1);

            if (supervisor)
            {
                await nav.GetByRole(AriaRole.Link, new() { Name = "机构管理" }).ClickAsync();
                var rows = page.GetByTestId("agency-table").Locator("tbody tr");
                var expected = account.Agencies.Contains(DemoAgencies.DistrictGovernment) ? 1 + DemoAgencies.Units.Count : account.Agencies.Length;
                await Assertions.Expect(rows).ToHaveCountAsync(expected);
                foreach (var agency in account.Agencies)
                {
                    await Assertions.Expect(page.GetByTestId("agency-table").GetByRole(AriaRole.Rowheader, new() { Name = agency, Exact = true })).ToHaveCountAsync(1);
                }
            }
            else
            {
                // Typing the address of a page the role lacks gives the Chinese 没有权限 page.
                await page.GotoAsync(new Uri(_host.Address, "/Admin/Agencies").ToString());
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "没有权限" })).ToBeVisibleAsync();
            }

            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task A_clerk_of_two_agencies_switches_the_agency_acted_for()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_host.Address, "/Account/Login").ToString());
        await page.GetByLabel("用户名").FillAsync("mzj-cb");
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var switcher = page.GetByLabel("当前机构");
        await Assertions.Expect(switcher).ToHaveValueAsync(await switcher.Locator("option", new() { HasText = "区民政局" }).GetAttributeAsync("value") ?? string.Empty);
        await switcher.SelectOptionAsync(new SelectOptionValue { Label = "区卫健委" });
        await page.GetByRole(AriaRole.Button, new() { Name = "切换" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("当前机构").Locator("option:checked")).ToHaveTextAsync("区卫健委");
    }
}
