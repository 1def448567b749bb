using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// The whole procedure in a real browser: an applicant applies online; a clerk confirms receipt and asks for a
/// correction; the applicant corrects on the tracking page; the case is consulted, extended and decided; the applicant
/// sees the outcome.
/// </summary>
public sealed class ApplicationLifecycleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private string Url(string path) => new Uri(_host.Address, path).ToString();

    private async Task<IPage> StaffAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(Url("/Account/Login"));
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(WebHost.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Admin"));
        return page;
    }

    private static async Task StepAsync(IPage page, string step, Func<ILocator, Task>? fill = null)
    {
        var form = page.GetByTestId("step-" + step);
        if (fill is not null)
        {
            await fill(form);
        }

        await form.GetByRole(AriaRole.Button).Last.ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-error")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task An_online_application_goes_through_correction_consultation_extension_and_decision_and_the_applicant_sees_the_outcome()
    {
        // The applicant applies on the portal, without an account.
        var applicant = await browser.NewPageAsync();
        await applicant.GotoAsync(Url("/"));
        await applicant.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "申请公开" }).ClickAsync();
        await applicant.GetByLabel("受理机关（必填）").SelectOptionAsync(new SelectOptionValue { Label = "包头市昆都仑区教育局" });
        await applicant.GetByLabel("政府信息公开申请（条例第二十七条）").CheckAsync();
        await applicant.GetByLabel("自然人（公民）").CheckAsync();
        await applicant.GetByLabel("姓名或单位名称（必填）").FillAsync("郑十一");
        await applicant.GetByLabel("身份证明种类（必填）").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
        await applicant.GetByLabel("证件号码（必填）").FillAsync("11010519491231002X");
        await applicant.GetByLabel("联系电话（必填）").FillAsync("13866667777");
        await applicant.GetByLabel("所需信息的名称、文号或者便于查询的特征性描述（必填）").FillAsync("学校体育场地开放的文件");
        await applicant.GetByLabel("纸质", new() { Exact = true }).CheckAsync();
        await applicant.GetByLabel("自行领取").CheckAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await applicant.WaitForLoadStateAsync();
        Assert.True(await applicant.GetByTestId("receipt").CountAsync() == 1, await applicant.Locator("main").InnerTextAsync());
        var number = (await applicant.GetByTestId("case-number").InnerTextAsync()).Trim();
        var code = (await applicant.GetByTestId("query-code").InnerTextAsync()).Trim();
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", code);

        // The clerk finds it waiting for confirmation, confirms receipt and asks for a correction.
        var clerk = await StaffAsync("jyj-cb");
        await clerk.GotoAsync(Url("/Admin/Applications?queue=AwaitingConfirmation"));
        await clerk.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await StepAsync(clerk, "ConfirmReceipt");
        await Assertions.Expect(clerk.GetByTestId("state")).ToContainTextAsync("审查中");
        await StepAsync(clerk, "RequestCorrection", async f =>
        {
            await f.GetByLabel("补正期限（必填）").FillAsync("2026-12-11");
            await f.GetByLabel("需要补正的事项（一次性告知，并给予指导和释明）（必填）").FillAsync("请写明所需文件的名称或发文年份，以及涉及的学校。");
        });
        await Assertions.Expect(clerk.GetByTestId("state")).ToContainTextAsync("待补正");

        // The applicant sees what is asked and corrects on the tracking page.
        await applicant.GotoAsync(Url("/Chaxun"));
        await applicant.GetByLabel("受理编号（必填）").FillAsync(number);
        await applicant.GetByLabel("查询码（必填）").FillAsync(code);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("case-state")).ToHaveTextAsync("待补正");
        await Assertions.Expect(applicant.GetByText("请写明所需文件的名称或发文年份")).ToBeVisibleAsync();
        await applicant.GetByLabel("补正内容").FillAsync("2025 年区教育局关于中小学体育场地向社会开放的通知，涉及全区公办中小学。");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "提交补正材料" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("correction-saved")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByTestId("case-state")).ToHaveTextAsync("办理中");

        // The clerk consults a third party and records the reply.
        await clerk.ReloadAsync();
        await Assertions.Expect(clerk.GetByTestId("state")).ToContainTextAsync("办理中");
        await StepAsync(clerk, "StartConsultation", async f =>
        {
            await f.GetByLabel("第三方（条例第三十二条）").CheckAsync();
            await f.GetByLabel("被征求意见方（必填）").FillAsync("某体育场馆运营公司");
        });
        await Assertions.Expect(clerk.GetByTestId("consultations")).ToContainTextAsync("某体育场馆运营公司");
        await StepAsync(clerk, "EndConsultation", f => f.GetByLabel("对方意见").FillAsync("同意公开"));

        // The head of the office extends the deadline and decides.
        var head = await StaffAsync("jyj-fz");
        await head.GotoAsync(clerk.Url);
        await StepAsync(head, "Extend", async f =>
        {
            await f.GetByLabel("延长的工作日数（1–20）（必填）").FillAsync("10");
            await f.GetByLabel("延期理由（必填）").FillAsync("涉及多所学校，需汇总核实。");
        });
        await Assertions.Expect(head.GetByTestId("deadline")).ToContainTextAsync("延长 10 个工作日");
        await StepAsync(head, "Decide", async f =>
        {
            await f.GetByLabel("答复类型（必填）").SelectOptionAsync(new SelectOptionValue { Label = "予以公开" });
            await f.GetByLabel("答复内容摘要（必填）").FillAsync("予以公开，提供《关于中小学体育场地向社会开放的通知》。");
        });
        await Assertions.Expect(head.GetByTestId("decision")).ToContainTextAsync("予以公开");

        // The clerk drafts the reply letter from the template, issues it under the next 文号, then serves it.
        await clerk.ReloadAsync();
        await clerk.GetByTestId("letters").GetByRole(AriaRole.Row).Filter(new() { HasText = "答复书" }).GetByRole(AriaRole.Link, new() { Name = "拟制并出具" }).ClickAsync();
        await Assertions.Expect(clerk.GetByLabel("正文（每行一段，可在出具前修改）")).ToContainTextAsync(number);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "出具答复书（予以公开）" }).ClickAsync();
        await Assertions.Expect(clerk.GetByTestId("message")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("区教育局信公〔2026〕[0-9]+号"));
        await Assertions.Expect(clerk.GetByTestId("letters")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("区教育局信公〔2026〕[0-9]+号"));
        await StepAsync(clerk, "Serve");
        await Assertions.Expect(clerk.GetByTestId("state")).ToContainTextAsync("已送达");
        await Assertions.Expect(clerk.GetByTestId("history")).ToContainTextAsync("申请人在网上提交补正材料");

        // The applicant sees the outcome.
        await applicant.GotoAsync(Url("/Chaxun"));
        await applicant.GetByLabel("受理编号（必填）").FillAsync(number);
        await applicant.GetByLabel("查询码（必填）").FillAsync(code);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(applicant.GetByTestId("case-state")).ToHaveTextAsync("已送达");
        await Assertions.Expect(applicant.GetByText("予以公开，提供《关于中小学体育场地向社会开放的通知》。")).ToBeVisibleAsync();
        await Assertions.Expect(applicant.GetByText("《中华人民共和国政府信息公开条例》第三十六条第二项", new() { Exact = true })).ToBeVisibleAsync();

        // …and downloads the reply letter in Word.
        await Assertions.Expect(applicant.GetByTestId("letters")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("区教育局信公〔2026〕[0-9]+号"));
        var download = await applicant.RunAndWaitForDownloadAsync(() => applicant.GetByTestId("letters").GetByRole(AriaRole.Button, new() { Name = "下载政府信息公开申请答复书（Word）" }).ClickAsync());
        Assert.EndsWith("政府信息公开申请答复书.docx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
