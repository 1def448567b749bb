using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// An annual report in a real browser: 区教育局's clerk drafts its 2025 report (the validator flags a wrong figure while
/// she types), submits it; the district's 政务公开办 returns it with a comment; the clerk sees the comment, corrects
/// and resubmits; the office accepts and publishes it; and it is on the public page.
/// </summary>
public sealed class ReportWorkflowBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Url(string path) => new Uri(_host.Address, path).ToString();

    private async Task<IPage> SignInAsync(string user)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/Account/Login"));
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Admin"));
        return page;
    }

    [BrowserFact]
    public async Task A_report_is_drafted_submitted_returned_with_a_comment_resubmitted_accepted_and_published_on_the_public_page()
    {
        var clerk = await SignInAsync("jyj-cb");
        await clerk.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "年度报告" }).ClickAsync();
        await clerk.GetByLabel("报告年度").SelectOptionAsync("2025");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        var row = clerk.Locator("tr[data-agency='包头市昆都仑区教育局']");
        await Assertions.Expect(row.GetByTestId("status")).ToHaveTextAsync("未编制");
        await Assertions.Expect(row.GetByTestId("late")).ToBeVisibleAsync();
        await row.GetByTestId("open").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("report-status")).ToHaveTextAsync("起草中");
        var reportUrl = clerk.Url;

        // The validator runs while the author types: a figure that disagrees with table 三 is flagged, then cleared.
        var general = clerk.GetByLabel("一、总体情况");
        await Assertions.Expect(general).ToHaveValueAsync(new Regex("新收政府信息公开申请0件"));
        await general.FillAsync("（一）主动公开情况\n区教育局公开招生入学政策。\n（二）依申请公开情况\n2025年新收政府信息公开申请5件。");
        await Assertions.Expect(clerk.GetByTestId("findings").Locator("[data-rule='W3']")).ToBeVisibleAsync();
        await general.FillAsync("（一）主动公开情况\n区教育局公开招生入学政策。\n（二）依申请公开情况\n2025年新收政府信息公开申请0件。");
        await Assertions.Expect(clerk.GetByTestId("findings").Locator("[data-rule='W3']")).ToHaveCountAsync(0);
        await clerk.GetByLabel("五、存在的主要问题及改进情况").FillAsync("（一）存在的主要问题\n政策解读不够通俗。\n（二）改进情况\n增加问答式解读。");
        await clerk.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("message")).ToContainTextAsync("已报送");
        await Assertions.Expect(clerk.GetByTestId("report-status")).ToHaveTextAsync("已报送待审核");
        await Assertions.Expect(clerk.GetByTestId("editor")).ToHaveCountAsync(0);

        // The district's office returns it with a comment.
        var office = await SignInAsync("gkb");
        await office.GotoAsync(reportUrl);
        await office.GetByLabel("退回意见（退回时必填）").FillAsync("请补充上一年度问题的整改情况。");
        await office.GetByTestId("return").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-status")).ToHaveTextAsync("已退回修改");

        // The clerk sees the comment, corrects and resubmits.
        await clerk.GotoAsync(reportUrl);
        await Assertions.Expect(clerk.GetByTestId("return-comment")).ToContainTextAsync("请补充上一年度问题的整改情况。");
        var problems = clerk.GetByLabel("五、存在的主要问题及改进情况");
        await problems.FillAsync(await problems.InputValueAsync() + "\n上年报告指出的问题已整改。");
        await clerk.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("report-status")).ToHaveTextAsync("已报送待审核");

        // Accepted and published; the history tells the whole story.
        await office.GotoAsync(reportUrl);
        await office.GetByTestId("accept").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-status")).ToHaveTextAsync("审核通过待发布");
        await office.GetByTestId("publish-button").ClickAsync();
        await Assertions.Expect(office.GetByTestId("report-status")).ToHaveTextAsync("已发布");
        await Assertions.Expect(office.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(8);
        await Assertions.Expect(office.GetByTestId("history")).ToContainTextAsync("请补充上一年度问题的整改情况。");

        // The public page shows it to anyone.
        await office.GetByTestId("public-link").ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("包头市昆都仑区教育局");
        await Assertions.Expect(office.Locator("article.gk-report")).ToContainTextAsync("上年报告指出的问题已整改。");
        await Assertions.Expect(office.Locator("article.gk-report")).ToContainTextAsync("本年新收政府信息公开申请数量");
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync(Url("/Baogao"));
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Link, new() { Name = "包头市昆都仑区教育局", Exact = false })).ToBeVisibleAsync();
    }
}
