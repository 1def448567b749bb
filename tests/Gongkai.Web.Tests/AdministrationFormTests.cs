using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The back-office forms as a browser without JavaScript sends them: errors beside the fields, nothing saved.</summary>
public sealed partial class AdministrationFormTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_new_agency_with_mistakes_comes_back_with_each_error_beside_its_field_and_a_correct_one_is_saved()
    {
        using var client = await _host.SignInAsync("admin");
        var district = await IdAsync("包头市昆都仑区人民政府");
        var bad = await PostFormAsync(client, "/Admin/Agencies/Edit", new()
        {
            ["Name"] = "包头市昆都仑区审计局",
            ["ShortName"] = string.Empty,
            ["Kind"] = "Department",
            ["ParentId"] = district,
            ["CreditCode"] = "11441700007280420X",
            ["OfficeEmail"] = "审计局@",
            ["IndexNumberPattern"] = "{统一社会信用代码}/{YYYY}-{NNNNN}",
            ["CaseNumberPattern"] = "{简称}依申〔{YYYY}〕{NNN}号",
            ["ReportScope"] = "Own",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"ShortName-error\">请填写简称。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"CreditCode-error\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"CreditCode-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"包头市昆都仑区审计局\"", html, StringComparison.Ordinal); // what was typed is kept
        Assert.Equal(0, await CountAsync("包头市昆都仑区审计局"));

        var good = await PostFormAsync(client, "/Admin/Agencies/Edit", new()
        {
            ["Name"] = "包头市昆都仑区审计局",
            ["ShortName"] = "区审计局",
            ["Kind"] = "Department",
            ["ParentId"] = district,
            ["CreditCode"] = "11441700007280420Y",
            ["ReceivesApplications"] = "true",
            ["IndexNumberPattern"] = "{统一社会信用代码}/{YYYY}-{NNNNN}",
            ["CaseNumberPattern"] = "{简称}依申〔{YYYY}〕{NNN}号",
            ["ReportScope"] = "Own",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(1, await CountAsync("包头市昆都仑区审计局"));
        Assert.Contains("已新建“包头市昆都仑区审计局”", await client.GetStringAsync("/Admin/Agencies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_administrators_editing_the_same_agency_the_second_save_is_refused_with_409()
    {
        using var first = await _host.SignInAsync("admin");
        using var second = await _host.SignInAsync("admin");
        var id = await IdAsync("包头市昆都仑区司法局");
        var formA = await ReadFormAsync(first, $"/Admin/Agencies/Edit?id={id}");
        var formB = await ReadFormAsync(second, $"/Admin/Agencies/Edit?id={id}");
        formA["OfficePhone"] = "0472-1111111";
        formB["OfficePhone"] = "0472-2222222";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, $"/Admin/Agencies/Edit?id={id}", formA)).StatusCode);
        var conflict = await PostAsync(second, $"/Admin/Agencies/Edit?id={id}", formB);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("其他人修改", await conflict.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_account_shows_its_generated_password_once_and_can_sign_in_with_it()
    {
        using var client = await _host.SignInAsync("admin");
        var education = await IdAsync("包头市昆都仑区教育局");
        var response = await PostFormAsync(client, "/Admin/Accounts/Edit", new()
        {
            ["userName"] = "jyj-new",
            ["displayName"] = "周新",
            ["mobile"] = "13600000000",
            ["roles"] = "Clerk",
            ["agencyIds"] = education,
        });
        var html = await response.Content.ReadAsStringAsync();
        var password = Regex.Match(html, "初始密码是：<code>([A-Za-z0-9]{16})</code>").Groups[1].Value;
        Assert.NotEmpty(password);
        Assert.Contains("136****0000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("13600000000", html, StringComparison.Ordinal);
        using var newcomer = await _host.SignInAsync("jyj-new", password);
        Assert.Contains("周新", await newcomer.GetStringAsync("/Admin"), StringComparison.Ordinal);
    }

    private async Task<string> IdAsync(string agency)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return (await db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<int> CountAsync(string agency)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Agencies.CountAsync(a => a.Name == agency);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await WebHost.TokenAsync(client, path);
        return await PostAsync(client, path, fields);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The inputs of the page's main form with their current values (as a browser would send them back).</summary>
    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var form = html[html.IndexOf("<form method=\"post\" class=\"form wide\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match m in InputPattern().Matches(form))
        {
            var name = m.Groups["name"].Value;
            if (m.Value.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !m.Value.Contains("checked=", StringComparison.Ordinal))
            {
                continue;
            }

            fields[name] = System.Net.WebUtility.HtmlDecode(ValuePattern().Match(m.Value) is { Success: true } v ? v.Groups[1].Value : string.Empty);
        }

        foreach (Match s in SelectPattern().Matches(form))
        {
            var selected = SelectedPattern().Match(s.Groups["body"].Value);
            fields[s.Groups["name"].Value] = selected.Success ? selected.Groups[1].Value : string.Empty;
        }

        return fields;
    }

    [GeneratedRegex("<input [^>]*?name=\"(?<name>[^\"]+)\"[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("<select [^>]*name=\"(?<name>[^\"]+)\"[^>]*>(?<body>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedPattern();
}
