using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

public sealed class CalendarAdministrationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [BrowserFact]
    public async Task An_administrator_loads_next_year_then_reloads_it_and_the_calculator_stops_being_provisional()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(_host.Address, "/Admin/Calendar").ToString());

        // Sent to sign in, then back to the calendar page.
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("demo-banner")).ToBeVisibleAsync();
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "工作日历", Level = 1 })).ToBeVisibleAsync();

        // Before: 2027 is not loaded, so a period running into it is provisional.
        await page.GetByLabel("起算日（如收到申请之日）").FillAsync("2026-12-18");
        await page.GetByLabel("工作日数").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calc-provisional")).ToContainTextAsync("2027");
        await Assertions.Expect(page.GetByTestId("calc-date")).ToHaveTextAsync("2027-01-15");

        // A malformed file is refused with a clear message and nothing is loaded.
        await page.GetByLabel("日历文件").SetInputFilesAsync(new FilePayload { Name = "2027.json", MimeType = "application/json", Buffer = "{\"year\": 2027, \"days\": []}"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("缺少 papers");
        await Assertions.Expect(page.GetByRole(AriaRole.Rowheader, new() { Name = "2027" })).ToHaveCountAsync(0);

        // Load the year.
        await page.GetByLabel("日历文件").SetInputFilesAsync(new FilePayload { Name = "2027.json", MimeType = "application/json", Buffer = Year2027(withMakeUpDay: false) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("首次导入 2027 年日历");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "第 1 版" }).Filter(new() { HasText = "2027.json" })).ToHaveCountAsync(1);

        // Reload it mid-year with a change: revision 2, and the history says what changed.
        await page.GetByLabel("日历文件").SetInputFilesAsync(new FilePayload { Name = "2027-第二次通知.json", MimeType = "application/json", Buffer = Year2027(withMakeUpDay: true) });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-message")).ToContainTextAsync("新增 2027-01-09 调休上班（元旦）");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "第 2 版" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "重新导入" }).Filter(new() { HasText = "李建国" })).ToHaveCountAsync(1);

        // After: the same question has a final answer on the loaded calendar.
        await page.GetByLabel("起算日（如收到申请之日）").FillAsync("2026-12-18");
        await page.GetByLabel("工作日数").FillAsync("20");
        await page.GetByRole(AriaRole.Button, new() { Name = "计算" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("calc-provisional")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("calc-date")).ToHaveTextAsync("2027-01-15");
    }

    [BrowserFact]
    public async Task The_skip_link_is_the_first_stop_of_the_keyboard_and_focus_is_visible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(_host.Address.ToString());
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        await Assertions.Expect(focused).ToHaveTextAsync("跳到主要内容");
        var outline = await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth");
        Assert.StartsWith("solid 3px", outline, StringComparison.Ordinal);
        var left = await focused.EvaluateAsync<double>("e => e.getBoundingClientRect().left");
        Assert.True(left >= 0, "the focused skip link is on screen");

        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    private static byte[] Year2027(bool withMakeUpDay) => System.Text.Encoding.UTF8.GetBytes(
        "{\"year\": 2027, \"papers\": [\"https://example.invalid/2027\"], \"days\": [" +
        "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}" +
        (withMakeUpDay ? ", {\"name\": \"元旦\", \"date\": \"2027-01-09\", \"isOffDay\": false}" : string.Empty) +
        "]}");
}
