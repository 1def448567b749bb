using System.Net;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.Web.Tests;

public sealed class AccountSecurityTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task With_two_factor_on_a_password_alone_does_not_sign_in_and_the_authenticator_code_does()
    {
        string key;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<GongkaiUser>>();
            var user = (await users.FindByNameAsync("jyj-fz"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = _host.Address };
        var first = await WebHost.PostSignInAsync(client, "jyj-fz", WebHost.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/Account/LoginWith2fa", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/Admin", UriKind.Relative))).StatusCode);

        var page = await client.GetStringAsync(first.Headers.Location.OriginalString);
        using var wrong = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "000000", ["returnUrl"] = "/Admin", ["__RequestVerificationToken"] = WebHost.Antiforgery(page) });
        var refused = await client.PostAsync(new Uri("/Account/LoginWith2fa", UriKind.Relative), wrong);
        Assert.Contains("验证码不正确", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var right = new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = Gongkai.TestSupport.Totp.Now(key), ["returnUrl"] = "/Admin", ["__RequestVerificationToken"] = WebHost.Antiforgery(page) });
        var accepted = await client.PostAsync(new Uri("/Account/LoginWith2fa", UriKind.Relative), right);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_audit_history_exports_to_a_workbook_that_reads_back()
    {
        // The demo was loaded by the system (no agency): its entries are for system administrators only.
        var admin = await ExportAsync("admin");
        Assert.Equal(19, admin.Count); // the demo's 19 agencies, each created once
        Assert.All(admin, r => Assert.Equal("机构", r["对象"]));
        Assert.All(admin, r => Assert.Equal("新增", r["类型"]));
        Assert.All(admin, r => Assert.Equal("载入演示数据", r["操作"]));
        Assert.Empty(await ExportAsync("gkb"));
    }

    private async Task<List<IDictionary<string, object>>> ExportAsync(string userName)
    {
        using var client = await _host.SignInAsync(userName);
        var response = await client.GetAsync(new Uri("/Admin/Audit?handler=Export&type=%E6%9C%BA%E6%9E%84", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().Where(r => r.Values.Any(v => v is not null)).ToList();
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_in()
    {
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var staff = scope.ServiceProvider.GetRequiredService<StaffContext>();
            staff.SetOperator("测试");
            var id = await db.Users.Where(u => u.UserName == "jyj-sh").Select(u => u.Id).SingleAsync();
            var current = await scope.ServiceProvider.GetRequiredService<GetAccount>().ExecuteAsync(id);
            await scope.ServiceProvider.GetRequiredService<UpdateAccount>().ExecuteAsync(id, new AccountInput(current.UserName, current.DisplayName, current.Roles, current.AgencyIds), locked: true, current.ConcurrencyStamp);
        }

        await Assert.ThrowsAsync<InvalidOperationException>(() => _host.SignInAsync("jyj-sh"));
    }
}
