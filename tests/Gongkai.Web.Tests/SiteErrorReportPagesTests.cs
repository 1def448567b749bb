using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Data.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// 我为政府网站找错 as a browser without JavaScript uses it: the footer link, the public form and its errors, the ticket
/// and its public status page, and the 政务公开办's list and detail with handling (today is 2026-11-27).
/// </summary>
public sealed partial class SiteErrorReportPagesTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Dictionary<string, string> Valid(string description = "“政府信息公开指南”的链接打不开，显示找不到页面。") => new()
    {
        ["PageUrl"] = "/Xinxi",
        ["Category"] = "BrokenLink",
        ["Description"] = description,
        ["ContactName"] = string.Empty,
        ["Contact"] = string.Empty,
    };

    /// <summary>Posts the form of <paramref name="page"/> (its antiforgery token, time stamp and form key) with <paramref name="fields"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var all = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["__formStarted"] = WebHost.FormStarted(page),
            ["FormKey"] = FormKeyPattern().Match(page).Groups[1].Value,
        };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(new Uri("/Zhaocuo", UriKind.Relative), content);
    }

    private async Task<(string Number, int Id)> SubmitAsync(Dictionary<string, string> fields)
    {
        var response = await PostAsync(_host.Client, await _host.Client.GetStringAsync("/Zhaocuo"), fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        var number = TicketPattern().Match(html).Groups[1].Value;
        var id = await QueryAsync(db => db.SiteErrorReports.Where(r => r.Number == number).Select(r => r.Id).SingleAsync());
        return (number, id);
    }

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    [Fact]
    public async Task The_footer_of_every_public_page_links_to_the_form_with_the_page_filled_in()
    {
        var catalogue = await _host.Client.GetStringAsync("/Xinxi?year=2026");
        Assert.Contains("href=\"/Zhaocuo?page=%2FXinxi%3Fyear%3D2026\" data-testid=\"zhaocuo-link\">我为政府网站找错</a>", catalogue, StringComparison.Ordinal);
        Assert.Contains("href=\"/Zhaocuo?page=%2F\"", await _host.Client.GetStringAsync("/"), StringComparison.Ordinal);

        var form = await _host.Client.GetStringAsync("/Zhaocuo?page=%2FXinxi%3Fyear%3D2026");
        Assert.Contains("id=\"PageUrl\" name=\"PageUrl\" type=\"text\" inputmode=\"url\" maxlength=\"500\" value=\"/Xinxi?year=2026\"", form, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnName\" content=\"我为政府网站找错\">", form, StringComparison.Ordinal);
        Assert.Contains("href=\"/Zhaocuo\" data-testid=\"zhaocuo-link\"", form, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Contact\">联系电话或电子邮箱</label>", form, StringComparison.Ordinal);

        // Only a path on this site or an http(s) address is filled in.
        foreach (var hostile in new[] { "javascript%3Aalert(1)", "%2F%2Fevil.example%2F", "data%3Atext%2Fhtml%2Cx" })
        {
            var page = await _host.Client.GetStringAsync("/Zhaocuo?page=" + hostile);
            Assert.Contains("maxlength=\"500\" value=\"\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"https://www.example.gov.cn/a.html\"", await _host.Client.GetStringAsync("/Zhaocuo?page=https%3A%2F%2Fwww.example.gov.cn%2Fa.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_with_a_linked_summary_and_nothing_is_saved()
    {
        var page = await _host.Client.GetStringAsync("/Zhaocuo");
        var response = await PostAsync(_host.Client, page, new Dictionary<string, string> { ["PageUrl"] = "javascript:alert(1)", ["Description"] = "太短", ["Contact"] = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>错误：我为政府网站找错", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#PageUrl\">页面网址应为本网站的页面路径", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Category-BrokenLink\">请选择错误类型。</a>", html, StringComparison.Ordinal);
        Assert.Contains("错误描述至少 10 个字", html, StringComparison.Ordinal);
        Assert.Contains("联系方式应为手机号码、带区号的固定电话或电子邮箱", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"Description-hint Description-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"error\" id=\"Description-error\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Contact-hint Contact-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">太短</textarea>", html, StringComparison.Ordinal); // kept as typed
        Assert.Contains("value=\"javascript:alert(1)\"", html, StringComparison.Ordinal); // as text in an attribute, not a link

        // The hidden trap field filled in (a script): refused, nothing saved.
        var trapped = new Dictionary<string, string>(Valid()) { ["website"] = "http://spam.example" };
        var refused = await PostAsync(_host.Client, page, trapped);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("data-testid=\"form-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.SiteErrorReports.CountAsync()));
    }

    [Fact]
    public async Task A_double_submit_gives_one_ticket_and_the_status_page_shows_no_personal_data()
    {
        var page = await _host.Client.GetStringAsync("/Zhaocuo");
        var fields = new Dictionary<string, string>(Valid()) { ["ContactName"] = "张先生", ["Contact"] = "13912345678" };
        var first = await (await PostAsync(_host.Client, page, fields)).Content.ReadAsStringAsync();
        var second = await (await PostAsync(_host.Client, page, fields)).Content.ReadAsStringAsync();
        var number = TicketPattern().Match(first).Groups[1].Value;
        Assert.Equal("2026-00001", number);
        Assert.Equal(number, TicketPattern().Match(second).Groups[1].Value);
        Assert.Contains("data-testid=\"zhaocuo-repeated\"", second, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Zhaocuo/{number}\" data-testid=\"status-link\"", first, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.SiteErrorReports.CountAsync()));

        var status = await _host.Client.GetStringAsync($"/Zhaocuo/{number}");
        Assert.Contains("data-testid=\"status\">待处理</strong>", status, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnName\" content=\"我为政府网站找错\">", status, StringComparison.Ordinal);
        foreach (var secret in new[] { "13912345678", "139****5678", "张先生", "指南”的链接打不开" })
        {
            Assert.DoesNotContain(secret, status, StringComparison.Ordinal);
        }

        var unknown = await _host.Client.GetAsync(new Uri("/Zhaocuo/2026-09999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("找不到该工单", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The look-up box goes to the status page; a malformed number is explained.
        var lookUp = await _host.Client.GetAsync(new Uri("/Zhaocuo?number=+2026-00001+", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, lookUp.StatusCode);
        Assert.Equal("/Zhaocuo/2026-00001", lookUp.Headers.Location!.OriginalString);
        var bad = await _host.Client.GetAsync(new Uri("/Zhaocuo?number=%3Cb%3E", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"lookup-error\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;b&gt;\"", badHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_see_hostile_text_encoded_and_the_contact_masked_until_they_ask_which_is_recorded()
    {
        const string Hostile = "<script>alert('找错')</script> 第二段有错别字：“公开”写成了“公看”。";
        var (number, id) = await SubmitAsync(new Dictionary<string, string>(Valid(Hostile)) { ["ContactName"] = "<i>李</i>", ["Contact"] = "reader@example.com" });
        Assert.StartsWith("pd1:", await QueryAsync(db => db.SiteErrorReports.Where(r => r.Id == id).Select(r => r.ContactProtected).SingleAsync()), StringComparison.Ordinal);

        using var office = await _host.SignInAsync("gkb");
        var detail = await office.GetStringAsync($"/Admin/Zhaocuo/{id}");
        Assert.Contains($"网站找错工单 {number}", detail, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;找错&#x27;)&lt;/script&gt;", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", detail, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;李&lt;/i&gt;", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"masked-contact\">r*****@example.com</span>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("reader@example.com", detail, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebHost.Antiforgery(detail) });
        var revealed = await office.PostAsync(new Uri($"/Admin/Zhaocuo/{id}?handler=Reveal", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        Assert.Contains("no-store", revealed.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"revealed-contact\">reader@example.com</span>", await revealed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "查看找错留言人联系方式" && e.Actor == "gkb" && e.EntityId == idText)));
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "提交网站找错留言" && e.EntityType == "网站找错" && e.Operation == "新增")));

        // The 政务公开办 was told, with a link to the ticket.
        var notices = await office.GetStringAsync("/Admin/Notifications");
        Assert.Contains($"收到网站找错留言 {number}", notices, StringComparison.Ordinal);
        Assert.Contains($"/Admin/Zhaocuo/{id}", notices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_counts_and_pages_and_shows_an_empty_state()
    {
        using var office = await _host.SignInAsync("gkb");
        var empty = await office.GetStringAsync("/Admin/Zhaocuo");
        Assert.Contains("data-testid=\"empty-zhaocuo\">还没有收到网站找错留言", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Zhaocuo\" aria-current=\"page\">网站找错</a>", empty, StringComparison.Ordinal);

        for (var i = 0; i < 22; i++)
        {
            await SubmitAsync(new Dictionary<string, string>(Valid($"第 {i + 1} 处错误：栏目标题有错别字。")) { ["Category"] = i < 2 ? "Typo" : "BrokenLink" });
        }

        var first = await office.GetStringAsync("/Admin/Zhaocuo");
        Assert.Contains("共 22 条，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"count-Open\">待处理（22）</a>", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Zhaocuo?p=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.True(first.IndexOf("2026-00022", StringComparison.Ordinal) < first.IndexOf("2026-00021", StringComparison.Ordinal), "newest first");
        Assert.DoesNotContain(">2026-00002<", first, StringComparison.Ordinal);
        var second = await office.GetStringAsync("/Admin/Zhaocuo?p=2");
        Assert.Contains(">2026-00001</a>", second, StringComparison.Ordinal);
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);

        var typos = await office.GetStringAsync("/Admin/Zhaocuo?category=Typo");
        Assert.Contains("共 2 条", typos, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Typo\" selected=\"selected\">", typos, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"empty-zhaocuo\">没有符合条件的留言。", await office.GetStringAsync("/Admin/Zhaocuo?status=Fixed"), StringComparison.Ordinal);
        Assert.Contains("共 22 条", await office.GetStringAsync("/Admin/Zhaocuo?from=2026-11-27&to=2026-11-27"), StringComparison.Ordinal);
        Assert.Contains("没有符合条件的留言。", await office.GetStringAsync("/Admin/Zhaocuo?from=2026-11-28"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"period-error\"", await office.GetStringAsync("/Admin/Zhaocuo?from=2026-12-01&to=2026-11-01"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ticket_is_handled_once_and_a_stale_page_gets_a_clear_409()
    {
        var (number, id) = await SubmitAsync(Valid());
        using var office = await _host.SignInAsync("gkb");
        using var admin = await _host.SignInAsync("admin");
        var officePage = await office.GetStringAsync($"/Admin/Zhaocuo/{id}");
        var adminPage = await admin.GetStringAsync($"/Admin/Zhaocuo/{id}");

        // Nothing chosen and no note: the form comes back with its errors.
        var missing = await HandleAsync(office, id, officePage, string.Empty, " ");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        Assert.Contains("请选择处理结果", missingHtml, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Resolution-hint Resolution-error\"", missingHtml, StringComparison.Ordinal);

        var done = await HandleAsync(office, id, officePage, "Fixed", "已更正链接地址。");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await office.GetStringAsync($"/Admin/Zhaocuo/{id}");
        Assert.Contains($"工单 {number} 已处理：已整改。", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"handle-form\"", after, StringComparison.Ordinal);

        var stale = await HandleAsync(admin, id, adminPage, "NotAnError", "经核实无误。");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains("页面已过期", staleHtml, StringComparison.Ordinal);
        Assert.Contains($"工单 {number} 在您打开页面后已由王芳处理（已整改），本次未保存。", staleHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reload\"", staleHtml, StringComparison.Ordinal);

        var status = await _host.Client.GetStringAsync($"/Zhaocuo/{number}");
        Assert.Contains("data-testid=\"status\">已整改</strong>", status, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"resolution\">已更正链接地址。</p>", status, StringComparison.Ordinal);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "处理网站找错工单" && e.Actor == "gkb")));
    }

    private static async Task<HttpResponseMessage> HandleAsync(HttpClient client, int id, string page, string outcome, string resolution)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["expectedVersion"] = VersionPattern().Match(page).Groups[1].Value,
            ["outcome"] = outcome,
            ["resolution"] = resolution,
        });
        return await client.PostAsync(new Uri($"/Admin/Zhaocuo/{id}?handler=Handle", UriKind.Relative), form);
    }

    [Fact]
    public async Task Only_the_districts_disclosure_office_and_administrator_reach_the_tickets()
    {
        var (_, id) = await SubmitAsync(Valid());
        foreach (var path in new[] { "/Admin/Zhaocuo", $"/Admin/Zhaocuo/{id}" })
        {
            var anonymous = await _host.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        foreach (var user in new[] { "jyj-cb", "fabu", "zt-admin" })
        {
            using var client = await _host.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/Admin/Zhaocuo", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/Admin/Zhaocuo/{id}", UriKind.Relative))).StatusCode);
            Assert.DoesNotContain("href=\"/Admin/Zhaocuo\"", await client.GetStringAsync("/Admin"), StringComparison.Ordinal);
        }

        // A clerk posting the handling form is refused before anything is read.
        using var clerk = await _host.SignInAsync("jyj-cb");
        var token = WebHost.Antiforgery(await clerk.GetStringAsync("/Admin/Profile"));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["expectedVersion"] = "1", ["outcome"] = "Fixed", ["resolution"] = "越权。" });
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync(new Uri($"/Admin/Zhaocuo/{id}?handler=Handle", UriKind.Relative), form)).StatusCode);
        Assert.Equal(SiteErrorStatus.Open, await QueryAsync(db => db.SiteErrorReports.Where(r => r.Id == id).Select(r => r.Status).SingleAsync()));

        using var admin = await _host.SignInAsync("admin");
        Assert.Contains("href=\"/Admin/Zhaocuo\"", await admin.GetStringAsync("/Admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/Admin/Zhaocuo/{id}", UriKind.Relative))).StatusCode);
    }

    [GeneratedRegex("name=\"FormKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormKeyPattern();

    [GeneratedRegex("data-testid=\"ticket-number\">([0-9-]+)<")]
    private static partial Regex TicketPattern();

    [GeneratedRegex("name=\"expectedVersion\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();
}
