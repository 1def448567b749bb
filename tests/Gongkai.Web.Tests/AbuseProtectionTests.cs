using System.Net;

namespace Gongkai.Web.Tests;

public sealed class AbuseProtectionTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
    {
        ["Gongkai:Abuse:MinimumFormSeconds"] = "2",
        ["Gongkai:Abuse:SignInPerMinute"] = "40",
        ["Gongkai:Abuse:PublicApiPerMinute"] = "5",
        ["Gongkai:Abuse:PublicFormPerMinute"] = "6",
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
        for (var i = 0; i < 41; i++)
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

    [Fact]
    public async Task The_public_application_and_tracking_pages_share_a_limit_per_address_answered_in_chinese()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri("/Shenqing", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _host.Client.GetAsync(new Uri("/Chaxun", UriKind.Relative))).StatusCode);
        }

        var last = await _host.Client.GetAsync(new Uri("/Chaxun", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("请求过于频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_site_error_form_refuses_a_form_sent_back_at_once_and_shares_the_public_form_limit()
    {
        var page = await _host.Client.GetStringAsync("/Zhaocuo");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PageUrl"] = "/Xinxi",
            ["Category"] = "Typo",
            ["Description"] = "栏目名称“政府信息”写成了“政府新息”。",
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["__formStarted"] = WebHost.FormStarted(page),
            ["website"] = string.Empty,
        });
        var fast = await _host.Client.PostAsync(new Uri("/Zhaocuo", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, fast.StatusCode);
        Assert.Contains("提交过快", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Two requests so far; the status page counts toward the same limit of six a minute.
        for (var i = 0; i < 4; i++)
        {
            await _host.Client.GetAsync(new Uri("/Zhaocuo/2026-00001", UriKind.Relative));
        }

        var last = await _host.Client.GetAsync(new Uri("/Zhaocuo", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("请求过于频繁", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guessing_the_password_of_a_name_that_does_not_exist_is_blocked_per_name_too()
    {
        _host.Database.Clock.Advance(TimeSpan.FromSeconds(3));
        HttpResponseMessage? last = null;
        for (var i = 0; i < 11; i++)
        {
            var (token, started) = await FormAsync();
            _host.Database.Clock.Advance(TimeSpan.FromSeconds(3));
            last = await PostAsync(token, started, trap: string.Empty, userName: "no-such-user");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("登录失败次数过多", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(string Antiforgery, string Started)> FormAsync()
    {
        var page = await _host.Client.GetStringAsync("/Account/Login");
        return (WebHost.Antiforgery(page), WebHost.FormStarted(page));
    }

    private Task<HttpResponseMessage> PostAsync(string antiforgery, string started, string trap, string userName = "admin")
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["password"] = WebHost.DemoPassword,
            ["returnUrl"] = "/Admin",
            ["__RequestVerificationToken"] = antiforgery,
            ["__formStarted"] = started,
            ["website"] = trap,
        });
        return _host.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
    }
}

public sealed class TargetThrottleTests
{
    [Fact]
    public void A_target_is_blocked_after_ten_failures_within_fifteen_minutes_and_released_after()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        var throttle = new Gongkai.Web.Infrastructure.TargetThrottle(clock);
        for (var i = 0; i < 9; i++)
        {
            throttle.RecordFailure("sign-in:NOBODY");
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.False(throttle.IsBlocked("sign-in:NOBODY"));
        throttle.RecordFailure("sign-in:NOBODY");
        Assert.True(throttle.IsBlocked("sign-in:NOBODY"));
        Assert.False(throttle.IsBlocked("sign-in:SOMEONE-ELSE"));
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.False(throttle.IsBlocked("sign-in:NOBODY"));
    }

    [Fact]
    public void A_success_clears_the_failures_of_its_target()
    {
        var throttle = new Gongkai.Web.Infrastructure.TargetThrottle(TimeProvider.System);
        for (var i = 0; i < 10; i++)
        {
            throttle.RecordFailure("sign-in:A");
        }

        throttle.RecordSuccess("sign-in:A");
        Assert.False(throttle.IsBlocked("sign-in:A"));
    }
}
