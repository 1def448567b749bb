using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// A 行政复议 in a real browser: from the application's page a clerk registers it, records the 答复, uploads the
/// 答复书 and the outcome, and finds it counted in table 四 on the list.
/// </summary>
public sealed class ReviewCaseBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Url(string path) => new Uri(_host.Address, path).ToString();

    [BrowserFact]
    public async Task A_clerk_registers_a_review_from_the_application_records_answer_document_and_outcome_and_sees_table_four()
    {
        var app = await ReviewPagesTests.ServedApplicationAsync(_host);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/Account/Login"));
        await page.GetByLabel("用户名").FillAsync("jyj-cb");
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Admin"));

        await page.GotoAsync(Url($"/Admin/Applications/{app.Id}"));
        await page.GetByTestId("application-reviews").GetByRole(AriaRole.Link, new() { Name = "登记复议/诉讼" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("所涉申请的受理编号")).ToHaveValueAsync(app.CaseNumber);
        await page.GetByLabel("行政复议", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("案号（必填）").FillAsync("包昆复〔2026〕12号");
        await page.GetByLabel("复议机关或人民法院（必填）").FillAsync("包头市昆都仑区人民政府");
        await page.GetByLabel("申请复议或立案日期（必填）").FillAsync("2026-02-10");
        await page.GetByLabel("收到复议申请书副本或起诉状副本的日期").FillAsync("2026-02-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("message")).ToContainTextAsync("已登记行政复议");
        await Assertions.Expect(page.GetByTestId("answer-due")).ToContainTextAsync("2026-02-22");
        await Assertions.Expect(page.GetByTestId("answer-due")).ToContainTextAsync("已超期");

        var answer = page.GetByTestId("form-Answer");
        await answer.GetByLabel("提出书面答复的日期").FillAsync("2026-02-20");
        await answer.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("answer-filed")).ToContainTextAsync("2026-02-20");
        await Assertions.Expect(page.GetByTestId("answer-due")).Not.ToContainTextAsync("已超期");

        var upload = page.GetByTestId("form-Document");
        await upload.GetByLabel("材料类型（必填）").SelectOptionAsync(new SelectOptionValue { Label = "答复书" });
        await upload.GetByLabel("文件（必填）").SetInputFilesAsync(new FilePayload { Name = "答复书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n答复书"u8.ToArray() });
        await upload.GetByRole(AriaRole.Button, new() { Name = "上传", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("documents")).ToContainTextAsync("答复书.pdf");

        var outcome = page.GetByTestId("form-Outcome");
        await outcome.GetByLabel("结果（必填）").SelectOptionAsync(new SelectOptionValue { Label = "撤销（结果纠正）" });
        await outcome.GetByLabel("复议决定日期（必填）").FillAsync("2026-04-10");
        await outcome.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.GetByTestId("outcome")).ToContainTextAsync("撤销");
        await Assertions.Expect(page.GetByTestId("history").Locator("li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("form-Outcome")).ToHaveCountAsync(0);

        await page.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "行政复议和诉讼" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-table")).ToContainTextAsync("包昆复〔2026〕12号");
        var row = page.GetByTestId("table4-administrative_review");
        await row.GetByRole(AriaRole.Link, new() { Name = "1" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByLabel("结果")).ToHaveValueAsync("Corrected");
    }
}
