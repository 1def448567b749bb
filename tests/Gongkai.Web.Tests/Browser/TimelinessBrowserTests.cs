using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>The 公开时效 pages in a real browser: from the menu to the monthly list, whose 打印 button works under the site's script policy.</summary>
public sealed class TimelinessBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [BrowserFact]
    public async Task The_office_opens_the_board_then_last_months_list_picks_another_month_and_can_print()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_host.Address, "/Account/Login").ToString());
        await page.GetByLabel("用户名").FillAsync("gkb");
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "公开时效" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "公开时效", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("board")).ToBeVisibleAsync();

        await page.GetByTestId("late-last-month").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2026年10月政府信息超期公开情况" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();

        await page.GetByLabel("月份", new() { Exact = true }).FillAsync("2026-08");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2026年8月政府信息超期公开情况" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
