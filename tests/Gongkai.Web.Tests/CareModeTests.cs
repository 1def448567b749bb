using System.Net;

namespace Gongkai.Web.Tests;

/// <summary>The 适老化模式 switch over HTTP: a cookie, a redirect back to a local page only, the class on &lt;html&gt;.</summary>
public sealed class CareModeTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Care_mode_is_switched_by_a_link_remembered_in_a_cookie_and_only_goes_back_to_a_local_page()
    {
        var before = await _host.Client.GetStringAsync("/Xinxi");
        Assert.DoesNotContain("class=\"care\"", before, StringComparison.Ordinal);
        Assert.Contains("href=\"/Shiluohua?on=1&amp;returnUrl=%2FXinxi\"", before, StringComparison.Ordinal);
        Assert.Contains(">适老化模式</a>", before, StringComparison.Ordinal);

        var on = await _host.Client.GetAsync(new Uri("/Shiluohua?on=1&returnUrl=%2FXinxi", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.Equal("/Xinxi", on.Headers.Location?.OriginalString);
        var cookie = Assert.Single(on.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("gongkai-care=1;", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        var after = await _host.Client.GetStringAsync("/Gongzuori");
        Assert.Contains("<html lang=\"zh-CN\" class=\"care\">", after, StringComparison.Ordinal);
        Assert.Contains(">退出适老化模式</a>", after, StringComparison.Ordinal);
        Assert.Contains("href=\"/Shiluohua?on=0&amp;returnUrl=%2FGongzuori\"", after, StringComparison.Ordinal);

        foreach (var evil in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "evil", "/Shiluohua?on=1" })
        {
            var response = await _host.Client.GetAsync(new Uri($"/Shiluohua?on=1&returnUrl={Uri.EscapeDataString(evil)}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.OriginalString);
        }

        var off = await _host.Client.GetAsync(new Uri("/Shiluohua?on=0&returnUrl=%2FBaogao", UriKind.Relative));
        Assert.Equal("/Baogao", off.Headers.Location?.OriginalString);
        Assert.StartsWith("gongkai-care=;", Assert.Single(off.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        var normal = await _host.Client.GetStringAsync("/Baogao");
        Assert.DoesNotContain("class=\"care\"", normal, StringComparison.Ordinal);
        Assert.Contains(">适老化模式</a>", normal, StringComparison.Ordinal);
    }
}
