using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The REST API: a case driven from intake to service with API tokens only; errors, scopes and the OpenAPI document.</summary>
public sealed partial class ApplicationsApiTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Creates a token through the profile page as the person would, and returns a client that uses only it.</summary>
    private async Task<HttpClient> ApiClientAsync(string userName)
    {
        using var browser = await _host.SignInAsync(userName);
        var page = await browser.GetStringAsync("/Admin/Profile");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tokenName"] = "省政务服务平台对接",
            ["validDays"] = "30",
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
        });
        var created = await (await browser.PostAsync(new Uri("/Admin/Profile?handler=CreateToken", UriKind.Relative), form)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(created).Value;
        Assert.StartsWith("gk_", token, StringComparison.Ordinal);
        var client = new HttpClient { BaseAddress = _host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> AgencyAsync(string name)
    {
        await using var db = _host.Database.OpenContext();
        return await db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    private static async Task<JsonElement> StepAsync(HttpClient api, long id, int version, string stepJson, string? key = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/steps") { Content = Json($$"""{"expectedVersion":{{version}},"step":{{stepJson}}}""") };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await api.SendAsync(request);
        var body = await ReadAsync(response);
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task A_case_goes_from_intake_to_service_through_the_api_with_tokens_only()
    {
        using var clerk = await ApiClientAsync("jyj-cb");
        using var head = await ApiClientAsync("jyj-fz");
        var agency = await AgencyAsync("包头市昆都仑区教育局");
        var intake = $$"""
            {"agencyId":{{agency}},"applicantType":"NaturalPerson","applicantName":"周九","idDocumentType":"Passport","idNumber":"E44445555",
             "phone":"13844445555","description":"2026 年校车线路及补贴标准","provisionForm":"Paper","deliveryMethod":"Collect","channel":"InPerson","arrived":"2026-11-02"}
            """;
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(intake) };
        first.Headers.Add("Idempotency-Key", "province-platform-0001");
        var created = await clerk.SendAsync(first);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = await ReadAsync(created);
        var id = app.GetProperty("id").GetInt64();
        Assert.Equal("UnderReview", app.GetProperty("state").GetString());
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", app.GetProperty("queryCode").GetString()!);

        // The platform retries the same submit: the same case, not a second one.
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(intake) };
        retry.Headers.Add("Idempotency-Key", "province-platform-0001");
        var repeated = await clerk.SendAsync(retry);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(id, (await ReadAsync(repeated)).GetProperty("id").GetInt64());

        // The same key from another account is another account's submit: it never finds (or reveals) this case.
        using var colleague = await ApiClientAsync("jyj-sh");
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/v1/applications") { Content = Json(intake) };
        foreign.Headers.Add("Idempotency-Key", "province-platform-0001");
        var other = await colleague.SendAsync(foreign);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.NotEqual(id, (await ReadAsync(other)).GetProperty("id").GetInt64());

        var v = (await StepAsync(clerk, id, 1, """{"step":"accept"}""")).GetProperty("version").GetInt32();
        v = (await StepAsync(clerk, id, v, """{"step":"start-consultation","reason":"ThirdPartyConsultation","party":"某校车运营公司","letterSent":"2026-11-05","letterReceived":"2026-11-06"}""")).GetProperty("version").GetInt32();
        v = (await StepAsync(clerk, id, v, """{"step":"end-consultation","reply":"2026-11-12","opinion":"同意公开"}""")).GetProperty("version").GetInt32();

        // A clerk may not approve an extension; the head may.
        var refused = await StepAsync(clerk, id, v, """{"step":"extend","workingDays":10,"reason":"需调取多个学校资料"}""", expected: HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", refused.GetProperty("code").GetString());
        v = (await StepAsync(head, id, v, """{"step":"extend","workingDays":10,"reason":"需调取多个学校资料"}""")).GetProperty("version").GetInt32();

        // A stale version is refused and explained; the same request key applies once.
        var stale = await StepAsync(head, id, v - 1, """{"step":"decide","decision":"Disclosed","on":"2026-11-26","summary":"予以公开"}""", expected: HttpStatusCode.Conflict);
        Assert.Contains("页面已过期", stale.GetProperty("title").GetString(), StringComparison.Ordinal);
        var decided = await StepAsync(head, id, v, """{"step":"decide","decision":"Disclosed","on":"2026-11-26","summary":"予以公开，提供线路表和补贴标准文件"}""", key: "decide-1");
        var again = await StepAsync(head, id, v, """{"step":"decide","decision":"Disclosed","on":"2026-11-26","summary":"予以公开，提供线路表和补贴标准文件"}""", key: "decide-1");
        Assert.True(again.GetProperty("repeated").GetBoolean());
        v = decided.GetProperty("version").GetInt32();

        // An out-of-order step is a domain error in Chinese.
        var order = await StepAsync(clerk, id, v, """{"step":"accept"}""", expected: HttpStatusCode.BadRequest);
        Assert.Equal("case.invalid_transition", order.GetProperty("code").GetString());
        Assert.Contains("不能转入办理", order.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The reply letter is issued through the API (once for a repeated key) and downloaded as Word.
        var letters = await ReadAsync(await clerk.GetAsync(new Uri($"/api/v1/applications/{id}/letters", UriKind.Relative)));
        Assert.Contains(letters.GetProperty("available").EnumerateArray(), a => a.GetProperty("kind").GetString() == "Reply.Disclosed");
        async Task<HttpResponseMessage> IssueAsync()
        {
            using var issue = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/applications/{id}/letters") { Content = Json($$"""{"expectedVersion":{{v}},"kind":"Reply.Disclosed"}""") };
            issue.Headers.Add("Idempotency-Key", "reply-1");
            return await clerk.SendAsync(issue);
        }

        var letter = await ReadAsync(await IssueAsync());
        Assert.Equal(letter.GetProperty("id").GetInt64(), (await ReadAsync(await IssueAsync())).GetProperty("id").GetInt64());
        Assert.Equal("区教育局信公〔2026〕1号", letter.GetProperty("documentNumber").GetString());
        var docx = await clerk.GetAsync(new Uri($"/api/v1/letters/{letter.GetProperty("id").GetInt64()}/docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.GetAsync(new Uri($"/api/v1/letters/{letter.GetProperty("id").GetInt64()}/exe", UriKind.Relative))).StatusCode);
        v = (await ReadAsync(await clerk.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative)))).GetProperty("version").GetInt32();

        var noNumber = await StepAsync(clerk, id, v, """{"step":"serve","on":"2026-11-27","method":"Postal","evidence":"交邮"}""", expected: HttpStatusCode.BadRequest);
        Assert.Contains("邮件号码", noNumber.GetProperty("title").GetString(), StringComparison.Ordinal);
        await StepAsync(clerk, id, v, """{"step":"serve","on":"2026-11-27","method":"Postal","evidence":"交邮","trackingNumber":"XA123456785CN"}""");
        var done = await ReadAsync(await clerk.GetAsync(new Uri($"/api/v1/applications/{id}", UriKind.Relative)));
        Assert.Equal("Served", done.GetProperty("state").GetString());
        Assert.Equal("granted", done.GetProperty("decision").GetProperty("reportRow").GetString());
        Assert.Equal("Postal", done.GetProperty("serviceMethod").GetString());
        var kinds = done.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["Registered", "AcceptForProcessing", "StartConsultation", "EndConsultation", "Extend", "Decide", "IssueLetter", "Serve"], kinds);
        Assert.Contains(done.GetProperty("deadline").GetProperty("explanation").EnumerateArray(), l => l.GetString()!.Contains("延长 10 个工作日", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_valid_token_the_api_answers_401_and_another_branch_sees_404()
    {
        using var anonymous = new HttpClient { BaseAddress = _host.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "gk_" + new string('A', 40));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);

        // The sign-in cookie is not accepted by the API (no cross-site requests in a staff member's name).
        using var browser = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(new Uri("/api/v1/applications", UriKind.Relative))).StatusCode);

        using var clerk = await ApiClientAsync("jyj-cb");
        var agency = await AgencyAsync("包头市昆都仑区教育局");
        var created = await ReadAsync(await clerk.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), Json($$"""
            {"agencyId":{{agency}},"applicantName":"吴十","idDocumentType":"Passport","idNumber":"E55556666","phone":"13855556666","description":"某文件","channel":"InPerson","arrived":"2026-11-20"}
            """)));
        using var other = await ApiClientAsync("zt-cb");
        var hidden = await other.GetAsync(new Uri($"/api/v1/applications/{created.GetProperty("id").GetInt64()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        // Bad input gets field errors in Chinese.
        var bad = await clerk.PostAsync(new Uri("/api/v1/applications", UriKind.Relative), Json($$"""{"agencyId":{{agency}},"idDocumentType":"ResidentIdCard","idNumber":"110101199003070000","phone":"123","description":""}"""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await ReadAsync(bad)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("IdNumber", out _));
        Assert.True(errors.TryGetProperty("Phone", out _));
        Assert.True(errors.TryGetProperty("Description", out _));
    }

    [Fact]
    public async Task The_openapi_document_lists_every_route()
    {
        using var client = new HttpClient { BaseAddress = _host.Address };
        var doc = await ReadAsync(await client.GetAsync(new Uri("/api/v1/openapi.json", UriKind.Relative)));
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = _host.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/api/v1/", StringComparison.Ordinal) && !r.EndsWith("openapi.json", StringComparison.Ordinal))
            .Select(r => RouteConstraint().Replace(r, "{$1}").TrimEnd('/'))
            .ToHashSet();
        Assert.NotEmpty(routes);
        Assert.All(routes, r => Assert.Contains(r, paths));
        Assert.Contains("/api/v1/applications/{id}/steps", paths);
    }

    [GeneratedRegex("gk_[A-Za-z0-9]{40}")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\{(\w+):\w+\}")]
    private static partial Regex RouteConstraint();
}
