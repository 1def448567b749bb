using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>The normative-document register pages, as a browser without JavaScript uses them.</summary>
public sealed partial class RegisterPagesTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_document_is_registered_with_clear_errors_found_by_the_day_it_was_in_force_and_repealed()
    {
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Register");
        Assert.Contains("登记簿中还没有文件", page, StringComparison.Ordinal);
        var district = Regex.Match(page, "<option value=\"(\\d+)\"[^>]*>包头市昆都仑区人民政府</option>").Groups[1].Value;
        var token = WebHost.Antiforgery(page);
        var bad = await PostAsync(office, "/Admin/Register", new() { ["agency"] = district, ["kind"] = "NormativeDocument", ["Title"] = "", ["DocumentNumber"] = "昆政发〔2024〕2号", ["Issued"] = "2024-13-01", ["__RequestVerificationToken"] = token, ["requestKey"] = "a" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("印发日期", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"昆政发〔2024〕2号\"", badPage, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["agency"] = district, ["kind"] = "NormativeDocument", ["Title"] = "关于印发《昆都仑区城市道路挖掘管理办法》的通知", ["DocumentNumber"] = "昆政发〔2024〕2号", ["Issued"] = "2024-06-20", ["__RequestVerificationToken"] = token, ["requestKey"] = "b" };
        var first = await PostAsync(office, "/Admin/Register", fields);
        var second = await PostAsync(office, "/Admin/Register", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var path = first.Headers.Location!.OriginalString;
        var detail = await office.GetStringAsync(path);
        Assert.Contains("未废止", detail, StringComparison.Ordinal);

        Assert.Contains("昆政发〔2024〕2号", await office.GetStringAsync("/Admin/Register?inForceOn=2024-12-31"), StringComparison.Ordinal);
        Assert.Contains("没有符合条件的文件", await office.GetStringAsync("/Admin/Register?inForceOn=2024-06-19"), StringComparison.Ordinal);

        var form = FormFields(detail, "form-Repeal");
        form["On"] = "2025-04-10";
        form["repealedBy"] = "昆政发〔2025〕4号";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Repeal", form)).StatusCode);
        var stale = await PostAsync(office, path + "?handler=Amend", new(form) { ["note"] = "修改第三条", ["On"] = "2025-01-01", ["requestKey"] = "another-form" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var repealed = await office.GetStringAsync(path);
        Assert.Contains("2025-04-10 废止（昆政发〔2025〕4号）", repealed, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的文件", await office.GetStringAsync("/Admin/Register?inForceOn=2025-04-10"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static Dictionary<string, string> FormFields(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no {testId}");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = Hidden().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["__RequestVerificationToken"] = WebHost.Antiforgery(html);
        return fields;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Hidden();
}
