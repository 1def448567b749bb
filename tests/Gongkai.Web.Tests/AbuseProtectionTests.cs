using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

public sealed partial class AbuseProtectionTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
    {
        ["Gongkai:Abuse:MinimumFormSeconds"] = "2",
        ["Gongkai:Abuse:SignInPerMinute"] = "12",
        ["Gongkai:Abuse:PublicApiPerMinute"] = "5",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_form_sent_back_at_once_is_refused_and_the_same_form_a_moment_later_is_accepted()
    {
        var (token, started) = await FormAsync();
        var fast = await PostAsync(token, started, trap: string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
        Assert.Contains("提交过快", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        _host.Database.Clock.Advance(TimeSpan.FromSeconds(3));
        var human = await PostAsync(token, started, trap: string.Empty);
        Assert.Equal(HttpStatusCode.Redirect, human.StatusCode);
    }

    [Fact]
    public async Task A_filled_trap_field_or_a_forged_time_stamp_is_refused_without_revealing_why_the_password_failed()
    {
        var (token, started) = await FormAsync();
        _host.Database.Clock.Advance(TimeSpan.FromSeconds(3));
        var bot = await PostAsync(token, started, trap: "http://spam.example");
        Assert.Equal(HttpStatusCode.BadRequest, bot.StatusCode);
        Assert.Contains("提交未被接受", await bot.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var forged = await PostAsync(token, "not-a-token", trap: string.Empty);
        Assert.Contains("页面已过期", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trap_field_is_hidden_from_screen_readers_and_out_of_the_tab_order()
    {
        var page = await _host.Client.GetStringAsync("/Account/Login");
        Assert.Matches("<div class=\"trap\" aria-hidden=\"true\">", page);
        Assert.Matches("name=\"website\" tabindex=\"-1\"", page);
    }

    [Fact]
    public async Task Too_many_sign_in_requests_from_one_address_get_429_in_chinese()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 13; i++)
        {
            last = await _host.Client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("请求过于频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task The_public_api_is_rate_limited_per_address_with_problem_details()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 6; i++)
        {
            last = await _host.Client.GetAsync(new Uri("/api/v1/calendar/working-days?start=2024-09-27&days=20", UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType!.MediaType);
    }

    private async Task<(string Antiforgery, string Started)> FormAsync()
    {
        var page = await _host.Client.GetStringAsync("/Account/Login");
        return (Antiforgery().Match(page).Groups[1].Value, Started().Match(page).Groups[1].Value);
    }

    private Task<HttpResponseMessage> PostAsync(string antiforgery, string started, string trap)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin",
            ["password"] = WebHost.DemoPassword,
            ["returnUrl"] = "/Admin",
            ["__RequestVerificationToken"] = antiforgery,
            ["__formStarted"] = started,
            ["website"] = trap,
        });
        return _host.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"__formStarted\" value=\"([^\"]+)\"")]
    private static partial Regex Started();
}
