using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Gongkai.Web.Tests;

/// <summary>The automatic checks page: lists uploaded and downloaded, blocking as set, a text checked and fixed in one click.</summary>
public sealed class CheckPagesTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_office_uploads_its_lists_and_checks_and_fixes_a_text()
    {
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Checks");
        Assert.Contains("系统提供的初始清单", page, StringComparison.Ordinal);
        var agency = Regex.Match(page, "name=\"agency\" value=\"(\\d+)\"").Groups[1].Value;
        var starter = await office.GetByteArrayAsync($"/Admin/Checks?handler=List&agency={agency}&list=expressions");
        Assert.Contains("再接再厉", System.Text.Encoding.UTF8.GetString(starter), StringComparison.Ordinal);

        using (var bad = Form(page, agency, ("sensitiveWords", "词.txt", new byte[] { 0xC4, 0xDA, 0xB2, 0xBF })))
        {
            var refused = await office.PostAsync(new Uri("/Admin/Checks", UriKind.Relative), bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("UTF-8", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var good = Form(page, agency, ("sensitiveWords", "词.txt", "内部资料\n"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Checks", UriKind.Relative), good)).StatusCode);
        }

        page = await office.GetStringAsync("/Admin/Checks");
        Assert.Contains("敏感词：1 个", page, StringComparison.Ordinal);
        var token = WebHost.Antiforgery(page);
        using var check = new FormUrlEncodedContent(new Dictionary<string, string> { ["agency"] = agency, ["text"] = "我们要再接再励，按步就班。本件为内部资料。", ["__RequestVerificationToken"] = token });
        var checkedPage = await (await office.PostAsync(new Uri("/Admin/Checks?handler=Check", UriKind.Relative), check)).Content.ReadAsStringAsync();
        Assert.Contains("有阻止提交的问题", checkedPage, StringComparison.Ordinal);
        Assert.Contains("改为“再接再厉”", checkedPage, StringComparison.Ordinal);
        using var fixAll = new FormUrlEncodedContent(new Dictionary<string, string> { ["agency"] = agency, ["text"] = "我们要再接再励，按步就班。本件为内部资料。", ["fixAll"] = "true", ["__RequestVerificationToken"] = token });
        var fixedPage = await (await office.PostAsync(new Uri("/Admin/Checks?handler=Check", UriKind.Relative), fixAll)).Content.ReadAsStringAsync();
        Assert.Contains("我们要再接再厉，按部就班。本件为内部资料。</textarea>", fixedPage, StringComparison.Ordinal);

        using var clerk = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Checks", UriKind.Relative))).StatusCode);
    }

    private static MultipartFormDataContent Form(string page, string agency, (string Field, string Name, byte[] Bytes) file)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(agency), "agency" },
            { new StringContent(Regex.Match(page, "name=\"expectedVersion\" value=\"(\\d+)\"").Groups[1].Value), "expectedVersion" },
            { new StringContent("true"), "personalDataBlocks" },
            { new StringContent("true"), "sensitiveWordsBlock" },
        };
        var part = new ByteArrayContent(file.Bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(part, file.Field, file.Name);
        return content;
    }
}
