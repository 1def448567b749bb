using System.Net;

namespace Gongkai.Web.Tests;

public sealed class SignInTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_wrong_password_is_refused_in_chinese_and_five_lock_the_account()
    {
        for (var i = 0; i < 4; i++)
        {
            var html = await PostLoginAsync("admin", "wrong-password-1");
            Assert.Contains("用户名或密码不正确", html, StringComparison.Ordinal);
        }

        var locked = await PostLoginAsync("admin", "wrong-password-1");
        Assert.Contains("账号已被暂时锁定", locked, StringComparison.Ordinal);
        var evenRight = await PostLoginAsync("admin", WebHost.DemoPassword);
        Assert.Contains("账号已被暂时锁定", evenRight, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = WebHost.DemoPassword });
        var response = await _host.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_demo_administrator_signs_in_and_reaches_the_calendar_page()
    {
        var response = await PostLoginResponseAsync("admin", WebHost.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await _host.Client.GetStringAsync("/Admin/Calendar");
        Assert.Contains("已导入的年份", html, StringComparison.Ordinal);
        Assert.Contains("内置数据（holiday-cn）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_address_outside_the_site_is_ignored()
    {
        var response = await PostLoginResponseAsync("admin", WebHost.DemoPassword, "https://evil.example/");
        Assert.Equal("/Admin", response.Headers.Location!.OriginalString);
    }

    private async Task<string> PostLoginAsync(string user, string password) =>
        await (await PostLoginResponseAsync(user, password)).Content.ReadAsStringAsync();

    private Task<HttpResponseMessage> PostLoginResponseAsync(string user, string password, string returnUrl = "/Admin") =>
        WebHost.PostSignInAsync(_host.Client, user, password, returnUrl);
}
