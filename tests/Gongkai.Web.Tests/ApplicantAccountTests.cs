using System.Net;
using Gongkai.Core.Cases;
using Gongkai.Data.Cases;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The optional applicant account: register, sign in, see one's own applications, add an earlier one, never the back office.</summary>
public sealed class ApplicantAccountTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _host.Address };

    private static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string userName, string password, string confirm)
    {
        var page = await client.GetStringAsync("/zhanghu/zhuce");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = userName,
            ["displayName"] = "赵六",
            ["password"] = password,
            ["confirmPassword"] = confirm,
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["__formStarted"] = WebHost.FormStarted(page),
        });
        return await client.PostAsync(new Uri("/zhanghu/zhuce", UriKind.Relative), form);
    }

    private async Task<(string Number, string Code)> ApplyAsync(string? ownerUserId)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>();
        var agency = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        if (ownerUserId is not null)
        {
            scope.ServiceProvider.GetRequiredService<ApplicantContext>().Set(ownerUserId, "赵六");
        }

        var result = await scope.ServiceProvider.GetRequiredService<SubmitApplication>().ExecuteAsync(
            new ApplicationInput
            {
                AgencyId = agency,
                ApplicantName = "赵六",
                IdDocumentType = IdDocumentType.Passport,
                IdNumber = "E11112222",
                Phone = "13811112222",
                Description = "2026 年义务教育招生划片方案",
            },
            [],
            null);
        return (result.Application.CaseNumber, result.QueryCode);
    }

    [Fact]
    public async Task An_applicant_registers_sees_only_their_own_applications_and_adds_an_earlier_one_with_its_query_code()
    {
        using var client = NewClient();
        var registered = await RegisterAsync(client, "13811112222", "applicant-2026", "applicant-2026");
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/zhanghu", registered.Headers.Location!.OriginalString);
        var empty = await client.GetStringAsync("/zhanghu");
        Assert.Contains("您还没有申请", empty, StringComparison.Ordinal);

        string userId;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            userId = await scope.ServiceProvider.GetRequiredService<Gongkai.Data.GongkaiDbContext>().Users.Where(u => u.UserName == "13811112222").Select(u => u.Id).SingleAsync();
        }

        var mine = await ApplyAsync(userId);
        var earlier = await ApplyAsync(null);
        var someoneElses = await ApplyAsync(null);
        var list = await client.GetStringAsync("/zhanghu");
        Assert.Contains(mine.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(earlier.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElses.Number, list, StringComparison.Ordinal);

        var wrong = await LinkAsync(client, earlier.Number, "WRONGCODE");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("受理编号或查询码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var linked = await LinkAsync(client, earlier.Number, earlier.Code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        list = await client.GetStringAsync("/zhanghu");
        Assert.Contains(earlier.Number, list, StringComparison.Ordinal);
        Assert.Contains($"已将申请 {earlier.Number} 加入我的申请", list, StringComparison.Ordinal);
        Assert.DoesNotContain(someoneElses.Number, list, StringComparison.Ordinal);

        // 办理情况 opens the tracking page for one's own application without typing the query code.
        using var track = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["caseNumber"] = mine.Number,
            ["queryCode"] = mine.Code,
            ["__RequestVerificationToken"] = WebHost.Antiforgery(list),
            ["__formStarted"] = WebHost.FormStarted(list),
        });
        var status = await client.PostAsync(new Uri("/Chaxun", UriKind.Relative), track);
        var statusHtml = await status.Content.ReadAsStringAsync();
        Assert.True(status.StatusCode == HttpStatusCode.OK, statusHtml);
        Assert.Contains("2026 年义务教育招生划片方案", statusHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_application_in_one_account_cannot_be_taken_into_another()
    {
        using var first = NewClient();
        await RegisterAsync(first, "first@example.com", "applicant-2026", "applicant-2026");
        var app = await ApplyAsync(null);
        Assert.Equal(HttpStatusCode.Redirect, (await LinkAsync(first, app.Number, app.Code)).StatusCode);

        using var second = NewClient();
        await RegisterAsync(second, "second@example.com", "applicant-2026", "applicant-2026");
        var refused = await LinkAsync(second, app.Number, app.Code);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("该申请已关联到其他账号", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_account_never_reaches_the_back_office_and_signs_in_to_its_own_page()
    {
        using var client = NewClient();
        await RegisterAsync(client, "13822223333", "applicant-2026", "applicant-2026");
        var admin = await client.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, admin.StatusCode);
        Assert.True(admin.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        if (admin.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("Denied", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var fresh = NewClient();
        var signIn = await WebHost.PostSignInAsync(fresh, "13822223333", "applicant-2026");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/zhanghu", signIn.Headers.Location!.OriginalString);

        using var anonymous = NewClient();
        var page = await anonymous.GetAsync(new Uri("/zhanghu", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/Login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_errors_are_explained_in_Chinese_and_a_taken_name_is_refused()
    {
        using var client = NewClient();
        var bad = await RegisterAsync(client, "not-a-phone", "short", "other");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写 11 位手机号码或有效的电子邮箱", html, StringComparison.Ordinal);
        Assert.Contains("两次输入的密码不一致", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await RegisterAsync(client, "13833334444", "applicant-2026", "applicant-2026")).StatusCode);
        using var other = NewClient();
        var taken = await RegisterAsync(other, "13833334444", "applicant-2027", "applicant-2027");
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("该手机号码或电子邮箱已注册", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> LinkAsync(HttpClient client, string number, string code)
    {
        var token = await WebHost.TokenAsync(client, "/zhanghu");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["caseNumber"] = number,
            ["queryCode"] = code,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/zhanghu?handler=Link", UriKind.Relative), form);
    }
}
