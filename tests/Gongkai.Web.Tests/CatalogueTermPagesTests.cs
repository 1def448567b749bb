using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>The catalogue's term lists page: a 政务公开办 adds, retires and restores terms; a clerk may not.</summary>
public sealed class CatalogueTermPagesTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_office_adds_retires_and_restores_terms_and_a_clerk_may_not()
    {
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Catalogue/Terms");
        Assert.Contains("养老服务", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Admin/Catalogue/Terms\" aria-current=\"page\">目录词表</a>", page, StringComparison.Ordinal);
        Assert.Contains("有效", page, StringComparison.Ordinal);
        var token = WebHost.Antiforgery(page);

        using var add = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "KeyArea", ["name"] = "  营商环境 ", ["figure"] = "", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Catalogue/Terms?handler=Add", UriKind.Relative), add)).StatusCode);
        page = await office.GetStringAsync("/Admin/Catalogue/Terms");
        Assert.Contains("已在重点领域中加入“营商环境”。", page, StringComparison.Ordinal);

        using var again = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "KeyArea", ["name"] = "营商环境", ["__RequestVerificationToken"] = token });
        var refused = await office.PostAsync(new Uri("/Admin/Catalogue/Terms?handler=Add", UriKind.Relative), again);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("重点领域中已有“营商环境”", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var figure = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "Topic", ["name"] = "营商", ["figure"] = "elderly_care", ["__RequestVerificationToken"] = token });
        var wrong = await office.PostAsync(new Uri("/Admin/Catalogue/Terms?handler=Add", UriKind.Relative), figure);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("只有重点领域", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = Regex.Match(page, "name=\"id\" value=\"(\\d+)\">\\s*<input type=\"hidden\" name=\"active\" value=\"false\">\\s*<button type=\"submit\" class=\"secondary\">停用<span class=\"visually-hidden\">“营商环境”").Groups[1].Value;
        Assert.NotEmpty(id);
        using var retire = new FormUrlEncodedContent(new Dictionary<string, string> { ["id"] = id, ["active"] = "false", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Catalogue/Terms?handler=Active", UriKind.Relative), retire)).StatusCode);
        page = await office.GetStringAsync("/Admin/Catalogue/Terms");
        Assert.Contains("词条已停用", page, StringComparison.Ordinal);
        Assert.Matches("营商环境</th>\\s*<td>—</td>\\s*<td>0 条</td>\\s*<td>已停用</td>", page);

        using var clerk = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Catalogue/Terms", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("/Admin/Catalogue/Terms", await clerk.GetStringAsync("/Admin"), StringComparison.Ordinal);
    }
}
