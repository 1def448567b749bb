using System.Net;
using System.Text.Json;

namespace Gongkai.Web.Tests;

public sealed class DemoPortalTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_home_page_of_a_demo_database_shows_the_demo_banner_and_the_demo_agencies()
    {
        var html = await _host.Client.GetStringAsync("/");
        Assert.Contains("data-testid=\"demo-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("演示数据", html, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区人民政府 政府信息公开", html, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区教育局", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_carries_the_banner_including_error_pages_and_the_sign_in_page()
    {
        foreach (var path in new[] { "/Gongzuori", "/Account/Login", "/no-such-page" })
        {
            var response = await _host.Client.GetAsync(new Uri(path, UriKind.Relative));
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"demo-banner\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_a_policy_without_inline_script()
    {
        var response = await _host.Client.GetAsync(new Uri("/", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database_and_the_loaded_calendar_years()
    {
        var response = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", doc.RootElement.GetProperty("status").GetString());
        var years = doc.RootElement.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("calendarYears");
        Assert.Equal(8, years.GetArrayLength());
    }

    [Fact]
    public async Task In_december_a_missing_calendar_for_next_year_makes_the_health_degraded()
    {
        _host.Database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        var response = await _host.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("2027", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_back_office_sends_an_anonymous_visitor_to_the_sign_in_page()
    {
        var response = await _host.Client.GetAsync(new Uri("/Admin/Calendar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_chinese_404_page()
    {
        var response = await _host.Client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_calculator_works_without_javascript_and_explains_bad_input()
    {
        var ok = await _host.Client.GetStringAsync("/Gongzuori?start=2024-09-27&days=20");
        Assert.Contains("data-testid=\"calc-date\">2024-10-30<", ok, StringComparison.Ordinal);
        var bad = await _host.Client.GetStringAsync("/Gongzuori?start=2024-02-30&days=20");
        Assert.Contains("请输入有效的起算日", bad, StringComparison.Ordinal);
        var provisional = await _host.Client.GetStringAsync("/Gongzuori?start=2026-12-18&days=20");
        Assert.Contains("data-testid=\"calc-provisional\"", provisional, StringComparison.Ordinal);
        Assert.Contains("2027", provisional, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_api_answers_in_json_and_errors_are_problem_details_with_a_code()
    {
        using var ok = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/v1/calendar/working-days?start=2024-09-27&days=20"));
        Assert.Equal("2024-10-30", ok.RootElement.GetProperty("date").GetString());
        Assert.False(ok.RootElement.GetProperty("provisional").GetBoolean());

        using var provisional = JsonDocument.Parse(await _host.Client.GetStringAsync("/api/v1/calendar/working-days?start=2026-12-18&days=20"));
        Assert.True(provisional.RootElement.GetProperty("provisional").GetBoolean());
        Assert.Equal(2027, provisional.RootElement.GetProperty("missingYears")[0].GetInt32());

        var bad = await _host.Client.GetAsync(new Uri("/api/v1/calendar/working-days?start=1980-01-01&days=20", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("calendar.out_of_range", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("超出", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);

        var missing = await _host.Client.GetAsync(new Uri("/api/v1/no-such-route", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }
}

public sealed class RealDatabasePortalTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: false);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Without_the_demo_setting_no_demo_data_is_loaded_and_no_banner_is_shown()
    {
        var html = await _host.Client.GetStringAsync("/");
        Assert.DoesNotContain("demo-banner", html, StringComparison.Ordinal);
        Assert.Contains("尚未建立公开主体", html, StringComparison.Ordinal);
        Assert.Contains("政府信息公开平台", html, StringComparison.Ordinal);
    }
}
