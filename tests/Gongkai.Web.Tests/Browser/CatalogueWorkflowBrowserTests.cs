using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// A catalogue item in a real browser: 区教育局's clerk drafts it with an ID number in the body — submission is refused
/// with the finding beside 正文 — removes it, types a 不规范表述 and sees the warning appear while typing, submits anyway;
/// 初审, 复审, 终审 by three different people, three proofreading rounds, and publication by the district's 政务公开办;
/// the public page shows it with its 索引号.
/// </summary>
public sealed class CatalogueWorkflowBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
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

    /// <summary>Signs in, approves the step the item waits for, and signs out (closes the page).</summary>
    private async Task ApproveAsync(string user, string itemUrl, string expectedStage, string? comment = null)
    {
        var page = await SignInAsync(user);
        await page.GotoAsync(itemUrl);
        if (comment is not null)
        {
            await page.GetByLabel("意见（退回时必填）").FillAsync(comment);
        }

        await page.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stage")).ToContainTextAsync(expectedStage);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_item_is_blocked_fixed_submitted_with_a_live_warning_reviewed_proofread_published_and_public_with_its_index_number()
    {
        var clerk = await SignInAsync("jyj-cb");
        await clerk.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "公开信息" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("empty")).ToBeVisibleAsync();
        await clerk.GetByTestId("new-item").ClickAsync();
        await clerk.GetByLabel("标题（必填）").FillAsync("关于2026年秋季学期义务教育招生入学的通知");
        var body = clerk.GetByLabel("正文（每段一行）");
        await body.FillAsync("各位家长：\n咨询联系人身份证号 " + CataloguePagesTests.IdNumber() + "。");
        await clerk.Locator("#Article20Item").SelectOptionAsync("11");

        // Submission is refused; the finding stands beside 正文.
        await clerk.GetByTestId("save-submit").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("form-error")).ToContainTextAsync("未提交审核");
        var findings = clerk.GetByTestId("findings-Body");
        await Assertions.Expect(findings.Locator("[data-kind='PersonalData'][data-severity='blocking']")).ToBeVisibleAsync();

        // Fixed; a 不规范表述 typed now shows as a warning while typing, and the blocking finding is gone.
        await body.FillAsync("各位家长：\n请按时报名，再接再励。");
        await Assertions.Expect(findings.Locator("[data-kind='NonStandardExpression'][data-severity='warning']")).ToBeVisibleAsync();
        await Assertions.Expect(findings.Locator("[data-severity='blocking']")).ToHaveCountAsync(0);
        await clerk.GetByTestId("save-submit").ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("message")).ToContainTextAsync("1 处提示");
        await Assertions.Expect(clerk.GetByTestId("stage")).ToHaveTextAsync("待初审");
        var itemUrl = clerk.Url;
        await clerk.Context.CloseAsync();

        await ApproveAsync("jyj-sh", itemUrl, "待复审", "语言规范。");
        await ApproveAsync("jyj-fz", itemUrl, "待终审");
        await ApproveAsync("gkb", itemUrl, "第 1 轮");
        await ApproveAsync("jyj-cb", itemUrl, "第 2 轮");
        await ApproveAsync("jyj-cb", itemUrl, "第 3 轮");
        await ApproveAsync("jyj-cb", itemUrl, "待发布");

        // Published by the district's 政务公开办 (the district's 发布员 sees only the district's own items); the demo
        // numbers the bureau's items with its local unit code.
        var office = await SignInAsync("gkb");
        await office.GotoAsync(itemUrl);
        await office.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(office.GetByTestId("stage")).ToHaveTextAsync("已发布");
        var index = (await office.GetByTestId("index-number").InnerTextAsync()).Trim();
        Assert.Matches("^150203-\\d{3}/2026-00001$", index);

        // The public page, for anyone.
        var anonymous = await browser.NewPageAsync();
        await anonymous.GotoAsync(Url("/Xinxi"));
        await anonymous.GetByRole(AriaRole.Link, new() { Name = "关于2026年秋季学期义务教育招生入学的通知" }).ClickAsync();
        await Assertions.Expect(anonymous.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("关于2026年秋季学期义务教育招生入学的通知");
        await Assertions.Expect(anonymous.GetByTestId("index-number")).ToHaveTextAsync(index);
        await Assertions.Expect(anonymous.GetByTestId("body")).ToContainTextAsync("请按时报名，再接再励。");
    }
}
