using System.Text.Json;
using Microsoft.Playwright;

namespace Gongkai.Web.Tests.Browser;

/// <summary>
/// Every public page, with real data and in its error and empty states, in normal and in 适老化模式: no axe-core
/// violation of WCAG 2.1 A/AA, for an anonymous visitor and for a signed-in applicant. Then the application and
/// tracking forms by keyboard alone, with a visible focus indicator on every stop, and the error messages of both
/// forms tied to their fields and announced.
/// </summary>
public sealed class AccessibilityBrowserTests(AccessibilityFixture site) : IClassFixture<AccessibilityFixture>
{
    /// <summary>
    /// The pages checked, each in both modes. One line a page: a name, a path (with the fixture's placeholders such as
    /// <c>{item}</c> or <c>{agency}</c>), and where needed what a visitor does there first (<see cref="Shows"/> to
    /// wait for the elements that prove the state) or <c>Empty: true</c> for the server without data. For example
    /// <c>new("网站公告", "/Gonggao")</c>, <c>new("公开指南", "/Gongkai/{agency}/Zhinan")</c> or
    /// <c>new("检索：无结果", "/Xinxi?q=不存在的词", Shows("no-results"))</c>.
    /// </summary>
    public static readonly IReadOnlyList<Visit> Visits =
    [
        new("首页", "/"),
        new("政府信息", "/Xinxi", Shows("public-items")),
        new("政府信息：详情（附件、政策解读）", "/Xinxi/{item}", Shows("metadata", "attachments", "interpreted-by", "history")),
        new("政府信息：旧版本", "/Xinxi/{item}/v/1", Shows("old-version")),
        new("政府信息：政策解读", "/Xinxi/{interpretation}", Shows("interprets")),
        new("政府信息：已撤回", "/Xinxi/{withdrawn}", Shows("withdrawn")),
        new("申请公开", "/Shenqing"),
        new("申请公开：空表提交", "/Shenqing", p => Submit(p, "提交申请", "error-summary")),
        new("申请查询", "/Chaxun"),
        new("申请查询：空表提交", "/Chaxun", p => Submit(p, "查询", "error-summary")),
        new("申请查询：已提交的申请", "/Chaxun", (p, s) => Track(p, s.Submitted.Number, s.Submitted.Code, "case-state")),
        new("申请查询：待补正的申请", "/Chaxun", (p, s) => Track(p, s.AwaitingCorrection.Number, s.AwaitingCorrection.Code, "correction-notice")),
        new("申请查询：补正空表提交", "/Chaxun", async (p, s) =>
        {
            await Track(p, s.AwaitingCorrection.Number, s.AwaitingCorrection.Code, "correction-notice");
            await Submit(p, "提交补正材料", "error-summary");
        }),
        new("申请查询：查询码错误", "/Chaxun", (p, s) => Track(p, s.Submitted.Number, "ZZZZZZZZ", "error-summary")),
        new("年度报告", "/Baogao", Shows("report-filters", "report-year")),
        new("年度报告：筛选无结果", "/Baogao?year=2025&agency=999999", Shows("no-match")),
        new("年度报告：正文", "/Baogao/{report}", Shows("report-facts", "downloads")),
        new("政府信息：筛选", "/Xinxi?directory=Statutory&article20=11&year=2026", Shows("catalogue-filters")),
        new("政府信息：筛选无结果", "/Xinxi?year=2019&validity=%E5%BA%9F%E6%AD%A2", Shows("no-items")),
        new("站内搜索", "/Sousuo", Shows("search-prompt")),
        new("站内搜索：有结果", "/Sousuo?q=%E6%8B%9B%E7%94%9F", Shows("search-results")),
        new("站内搜索：无结果", "/Sousuo?q=%E7%81%AB%E6%98%9F%E6%8E%A2%E6%B5%8B", Shows("no-results")),
        new("政府信息公开专栏", "/Gongkai"),
        new("政府信息公开专栏：机构", "/Gongkai/{agency}"),
        new("政府信息公开指南", "/Gongkai/{agency}/Zhinan"),
        new("政府信息公开制度", "/Gongkai/{agency}/Zhidu"),
        new("法定主动公开内容", "/Gongkai/{agency}/Fading"),
        new("专栏：年度报告", "/Gongkai/{agency}/Baogao"),
        new("网站公告", "/Gonggao"),
        new("我为政府网站找错", "/Zhaocuo"),
        new("我为政府网站找错：空表提交", "/Zhaocuo", p => Submit(p, "提交留言", "error-summary")),
        new("我为政府网站找错：工单不存在", "/Zhaocuo/2026-99999", Shows("not-found"), Status: 404),
        new("工作日计算", "/Gongzuori"),
        new("工作日计算：结果", "/Gongzuori?start=2026-09-28&days=20", Shows("calc-result")),
        new("工作日计算：日期错误", "/Gongzuori?start=2026-13-45&days=20", Shows("calc-error")),
        new("工作日计算：天数错误", "/Gongzuori?start=2026-09-28&days=abc", Shows("calc-error")),
        new("登录", "/Account/Login"),
        new("登录：密码错误", "/Account/Login", async p =>
        {
            await p.GetByLabel("用户名").FillAsync("jyj-cb");
            await p.GetByLabel("密码").FillAsync("wrong-password");
            await p.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
            await Assertions.Expect(p.Locator("#login-error")).ToBeVisibleAsync();
        }),
        new("申请人注册", "/zhanghu/zhuce"),
        new("申请人注册：空表提交", "/zhanghu/zhuce", async p =>
        {
            await p.GetByRole(AriaRole.Button, new() { Name = "注册并登录", Exact = true }).ClickAsync();
            await Assertions.Expect(p.Locator("#register-error")).ToBeVisibleAsync();
        }),
        new("我的申请（未登录）", "/zhanghu"),
        new("我的申请（已登录）", "/zhanghu", Shows("my-applications"), Applicant: true),
        new("我的申请：加入申请查询码错误", "/zhanghu", async p =>
        {
            await p.Locator("#caseNumber").FillAsync("2026-99999");
            await p.Locator("#queryCode").FillAsync("ZZZZZZZZ");
            await p.GetByRole(AriaRole.Button, new() { Name = "加入我的申请", Exact = true }).ClickAsync();
            await Assertions.Expect(p.Locator("#link-error")).ToBeVisibleAsync();
        }, Applicant: true),
        new("申请公开（已登录）", "/Shenqing", Applicant: true),
        new("404", "/no-such-page", Status: 404),
        new("出错页", "/Error"),
        new("空库：首页", "/", Empty: true),
        new("空库：政府信息", "/Xinxi", Shows("no-items"), Empty: true),
        new("空库：申请公开", "/Shenqing", Empty: true),
        new("空库：年度报告", "/Baogao", Shows("no-reports"), Empty: true),
        new("空库：站内搜索无结果", "/Sousuo?q=%E5%85%BB%E8%80%81", Shows("no-results"), Empty: true),
        new("空库：网站公告", "/Gonggao", Empty: true),
    ];

    public static TheoryData<string, bool> Pages()
    {
        var data = new TheoryData<string, bool>();
        foreach (var visit in Visits)
        {
            data.Add(visit.Name, false);
            data.Add(visit.Name, true);
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task A_public_page_has_no_wcag_21_aa_violation(string name, bool care)
    {
        var visit = Visits.Single(v => v.Name == name);
        var page = await site.PageAsync(care, visit.Applicant);
        var response = await page.GotoAsync(site.Url(visit.Path, visit.Empty));
        Assert.Equal(visit.Status, response!.Status);
        if (visit.Then is not null)
        {
            await visit.Then(page, site);
        }

        Assert.Equal(care ? "care" : "", await page.EvaluateAsync<string>("() => document.documentElement.className"));
        var what = $"{name}（{(care ? "适老化模式" : "普通模式")}，{page.Url}）";
        await Axe.AssertNoViolationsAsync(page, what);

        // Beyond axe: every control has a name, and every error message in a form is tied to what it is about.
        var unnamed = await page.EvaluateAsync<string[]>(UnnamedControls);
        Assert.True(unnamed.Length == 0, $"{what}: controls without an accessible name: {string.Join(", ", unnamed)}");
        var problems = await page.EvaluateAsync<string[]>(ErrorLinks);
        Assert.True(problems.Length == 0, $"{what}: {string.Join("; ", problems)}");
    }

    [BrowserFact]
    public async Task The_application_form_is_filled_and_sent_by_keyboard_alone_with_visible_focus_throughout()
    {
        var page = await site.Normal.NewPageAsync();
        await page.GotoAsync(site.Url("/Shenqing"));

        // The first Tab reaches the skip link, which moves focus to the main content.
        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        Assert.True(first.Classes.Contains("skip-link", StringComparison.Ordinal), $"first tab stop: {first}");
        AssertVisibleFocus(first);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", (await FocusedAsync(page)).Id);

        await TabToAsync(page, "AgencyId");
        await page.Keyboard.PressAsync("ArrowDown"); // the first agency
        await TabToAsync(page, "Type-InformationDisclosure");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "ApplicantType-NaturalPerson");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "ApplicantName");
        await page.Keyboard.TypeAsync("郑十一");
        await TabToAsync(page, "IdDocumentType");
        await page.Keyboard.PressAsync("ArrowDown"); // 居民身份证
        await TabToAsync(page, "IdNumber");
        await page.Keyboard.TypeAsync("11010519491231002X");
        await TabToAsync(page, "Phone");
        await page.Keyboard.TypeAsync("13866667777");
        await TabToAsync(page, "Description");
        await page.Keyboard.TypeAsync("学校体育场地开放的文件");
        await TabToAsync(page, "ProvisionForm-Paper");
        await page.Keyboard.PressAsync("ArrowDown"); // arrows move the choice within the group…
        Assert.Equal("ProvisionForm-Email", (await FocusedAsync(page)).Id);
        await page.Keyboard.PressAsync("ArrowUp"); // …and back to 纸质
        await TabToAsync(page, "DeliveryMethod-Collect");
        await page.Keyboard.PressAsync("Space");

        // Shift+Tab goes back through the form.
        await page.Keyboard.PressAsync("Shift+Tab");
        var back = await FocusedAsync(page);
        Assert.Equal("ProvisionForm-Paper", back.Id);
        AssertVisibleFocus(back);

        Assert.Equal(
            ["Type-InformationDisclosure", "ApplicantType-NaturalPerson", "ProvisionForm-Paper", "DeliveryMethod-Collect"],
            await page.Locator("input[type=radio]:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.id)"));
        Assert.NotEqual("", await page.Locator("#AgencyId").InputValueAsync());
        Assert.Equal("ResidentIdCard", await page.Locator("#IdDocumentType").InputValueAsync());

        var button = await TabToAsync(page, null, "BUTTON");
        Assert.Equal("提交申请", button.Text);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("receipt")).ToBeVisibleAsync();
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", (await page.GetByTestId("query-code").InnerTextAsync()).Trim());
        await page.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_tracking_form_is_used_by_keyboard_alone_with_visible_focus_throughout(bool care)
    {
        var context = care ? site.Care : site.Normal;
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("/Chaxun"));
        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        Assert.True(first.Classes.Contains("skip-link", StringComparison.Ordinal), $"first tab stop: {first}");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", (await FocusedAsync(page)).Id);

        // A wrong code first: the error summary takes focus (read out at once), and Tab goes on into the form, whose
        // fields kept the number typed.
        await TabToAsync(page, "CaseNumber");
        await page.Keyboard.TypeAsync(site.AwaitingCorrection.Number);
        await TabToAsync(page, "QueryCode");
        await page.Keyboard.TypeAsync("ZZZZZZZZ");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("error-summary")).ToBeFocusedAsync();
        Assert.Equal(site.AwaitingCorrection.Number, await page.Locator("#CaseNumber").InputValueAsync());

        // Then the right code, sent with Enter on the button: the case and its 补正 notice are shown.
        await TabToAsync(page, "QueryCode");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(site.AwaitingCorrection.Code);
        var button = await TabToAsync(page, null, "BUTTON");
        Assert.Equal("查询", button.Text);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("correction-notice")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_tab_stop_of_the_portal_pages_shows_where_the_focus_is(bool care)
    {
        var page = await site.PageAsync(care);
        foreach (var path in new[] { "/", "/Xinxi/{item}", "/Baogao/{report}", "/Gongzuori?start=2026-09-28&days=20", "/Account/Login" })
        {
            await page.GotoAsync(site.Url(path));
            var stops = new List<string>();
            for (var i = 0; i < 150; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                var focused = await FocusedAsync(page);
                if (focused.Tag == "BODY" || (i > 0 && focused.Classes.Contains("skip-link", StringComparison.Ordinal)))
                {
                    break;
                }

                AssertVisibleFocus(focused, path);
                stops.Add(focused.Id.Length > 0 ? "#" + focused.Id : focused.Tag + (focused.Classes.Length > 0 ? "." + focused.Classes : string.Empty));
            }

            Assert.True(stops.Count >= 8, $"{path}: only {stops.Count} tab stops: {string.Join(" → ", stops)}");
            Assert.True(stops[0] == "A.skip-link", $"{path}: the first tab stop is {stops[0]}, not the skip link");
        }
    }

    [BrowserFact]
    public async Task The_check_finds_violations_and_names_them()
    {
        var page = await site.Normal.NewPageAsync();
        await page.SetContentAsync("<html><head><title>t</title></head><body><main><img src=\"a.png\"><input id=\"x\"><a href=\"/\"></a></main></body></html>");
        var violations = string.Join("\n", await Axe.ViolationsAsync(page));
        foreach (var rule in new[] { "html-has-lang", "image-alt", "label", "link-name" })
        {
            Assert.Contains($"- {rule} (", violations, StringComparison.Ordinal);
        }

        Assert.Contains("<img src=\"a.png\">", violations, StringComparison.Ordinal);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task In_care_mode_keyboard_focus_is_visible_on_links_fields_and_buttons()
    {
        var page = await site.Care.NewPageAsync();
        await page.GotoAsync(site.Url("/Chaxun"));
        await page.Keyboard.PressAsync("Tab");
        AssertVisibleFocus(await FocusedAsync(page));
        foreach (var id in new[] { "CaseNumber", "QueryCode" })
        {
            await TabToAsync(page, id);
        }

        await TabToAsync(page, null, "BUTTON");
        await page.CloseAsync();
    }

    [BrowserTheory]
    [InlineData("/Shenqing", "提交申请")]
    [InlineData("/Chaxun", "查询")]
    public async Task Form_fields_are_named_and_their_errors_are_tied_to_them_and_announced(string path, string button)
    {
        var page = await site.Normal.NewPageAsync();
        await page.GotoAsync(site.Url(path));
        var unnamed = await page.EvaluateAsync<string[]>(UnnamedControls);
        Assert.True(unnamed.Length == 0, $"{path}: controls without an accessible name: {string.Join(", ", unnamed)}");

        await Submit(page, button, "error-summary");

        // The error summary is an alert and takes focus, so it is read out at once; each of its links leads to a field.
        var summary = page.GetByTestId("error-summary");
        Assert.Equal("alert", await summary.GetAttributeAsync("role"));
        Assert.Equal("error-summary", (await FocusedAsync(page)).Id);
        var targets = await summary.Locator("a[href^='#']").EvaluateAllAsync<string[]>("els => els.map(a => a.getAttribute('href').slice(1))");
        Assert.NotEmpty(targets);
        foreach (var target in targets)
        {
            Assert.Equal(1, await page.Locator($"[id='{target}']").CountAsync());
        }

        // Each message beside a field is its description, and an invalid field says so.
        var problems = await page.EvaluateAsync<string[]>(ErrorLinks);
        Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
        Assert.True(await page.Locator("[aria-invalid=true]").CountAsync() > 0, $"{path}: no field is marked invalid");

        unnamed = await page.EvaluateAsync<string[]>(UnnamedControls);
        Assert.True(unnamed.Length == 0, $"{path} with errors: controls without an accessible name: {string.Join(", ", unnamed)}");
        await page.CloseAsync();
    }

    // Visible form controls whose name would be empty: no label, no aria-label, no aria-labelledby, no title.
    private const string UnnamedControls = """
        () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
          .filter(e => !e.closest('[aria-hidden=true]'))
          .filter(e => !((e.labels && [...e.labels].some(l => l.textContent.trim())) || e.getAttribute('aria-label')
            || (e.getAttribute('aria-labelledby') || '').split(' ').some(id => document.getElementById(id)?.textContent.trim())
            || e.title || (e.tagName === 'BUTTON' && e.textContent.trim())))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    // Every error message in a form must be referenced by aria-describedby; a control it describes must be aria-invalid.
    private const string ErrorLinks = """
        () => {
          const problems = [];
          for (const error of document.querySelectorAll('form .error')) {
            if (!error.id) { problems.push('an error without id: ' + error.textContent.trim()); continue; }
            const owners = [...document.querySelectorAll('[aria-describedby]')]
              .filter(e => e.getAttribute('aria-describedby').split(' ').includes(error.id));
            if (owners.length === 0) problems.push('#' + error.id + ' describes nothing');
            for (const o of owners) {
              const controls = o.matches('input, select, textarea') ? [o] : [...o.querySelectorAll('input, select, textarea')];
              for (const c of controls) if (c.getAttribute('aria-invalid') !== 'true') problems.push('#' + c.id + ' is not aria-invalid');
            }
          }
          return problems;
        }
        """;

    private const string Focused = """
        () => {
          const e = document.activeElement;
          const s = getComputedStyle(e);
          return JSON.stringify({ tag: e.tagName, id: e.id, classes: e.className || '', text: (e.innerText || '').trim().slice(0, 40),
            outline: s.outlineStyle, outlineWidth: s.outlineWidth, shadow: s.boxShadow });
        }
        """;

    private static async Task<FocusedElement> FocusedAsync(IPage page)
    {
        using var json = JsonDocument.Parse(await page.EvaluateAsync<string>(Focused));
        var r = json.RootElement;
        return new FocusedElement(
            r.GetProperty("tag").GetString()!, r.GetProperty("id").GetString()!, r.GetProperty("classes").GetString()!, r.GetProperty("text").GetString()!,
            r.GetProperty("outline").GetString()!, r.GetProperty("outlineWidth").GetString()!, r.GetProperty("shadow").GetString()!);
    }

    private static void AssertVisibleFocus(FocusedElement e, string? where = null) =>
        Assert.True((e.Outline != "none" && e.OutlineWidth != "0px") || e.Shadow != "none", $"{where}: no visible focus indicator on {e}");

    /// <summary>Presses Tab until the field <paramref name="id"/> (or the first element with the tag) has focus, checking the focus indicator at every stop.</summary>
    private static async Task<FocusedElement> TabToAsync(IPage page, string? id, string? tag = null)
    {
        var seen = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await FocusedAsync(page);
            AssertVisibleFocus(focused);
            seen.Add(focused.Id.Length > 0 ? "#" + focused.Id : focused.Tag);
            if ((id is not null && focused.Id == id) || (id is null && focused.Tag == tag))
            {
                return focused;
            }
        }

        Assert.Fail($"Tab never reached {id ?? tag}: {string.Join(" → ", seen)}");
        return null!;
    }

    /// <summary>Checks that the page shows the elements with these test ids (the first of each).</summary>
    private static Func<IPage, Task> Shows(params string[] testIds) => async page =>
    {
        foreach (var id in testIds)
        {
            await Assertions.Expect(page.GetByTestId(id).First).ToBeVisibleAsync();
        }
    };

    /// <summary>Clicks the button, then waits for the element with test id <paramref name="shows"/>.</summary>
    private static async Task Submit(IPage page, string button, string shows)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId(shows)).ToBeVisibleAsync();
    }

    private static async Task Track(IPage page, string number, string code, string shows)
    {
        await page.GetByLabel("受理编号（必填）").FillAsync(number);
        await page.GetByLabel("查询码（必填）").FillAsync(code);
        await Submit(page, "查询", shows);
    }

    private sealed record FocusedElement(string Tag, string Id, string Classes, string Text, string Outline, string OutlineWidth, string Shadow);
}

/// <summary>
/// One page to check: what a visitor does there first (<see cref="Then"/>), on the seeded or the empty server, as an
/// anonymous visitor or as the signed-in applicant.
/// </summary>
public sealed record Visit(string Name, string Path, Func<IPage, AccessibilityFixture, Task>? Then = null, bool Empty = false, int Status = 200, bool Applicant = false)
{
    public Visit(string Name, string Path, Func<IPage, Task> Then, bool Empty = false, int Status = 200, bool Applicant = false)
        : this(Name, Path, (p, _) => Then(p), Empty, Status, Applicant)
    {
    }
}
