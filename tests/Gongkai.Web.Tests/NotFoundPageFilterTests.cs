using System.Net;
using System.Net.Http.Headers;

namespace Gongkai.Web.Tests;

/// <summary>
/// A record that does not exist, looked up by a page handler that no longer catches the use case's not_found itself:
/// the global page filter answers it with the Chinese 404 page, as <c>return NotFound();</c> did — for a page, a file
/// download and a posted form, and for a browser (which asks for HTML) as for a client that sends no Accept header.
/// </summary>
public sealed class NotFoundPageFilterTests : IAsyncLifetime
{
    private const string UnknownId = "999999";

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/Gonggao/" + UnknownId)]
    [InlineData("/Gongkai/" + UnknownId)]
    [InlineData("/Xinxi/" + UnknownId)]
    [InlineData("/Xinxi/" + UnknownId + "/fujian/1")]
    [InlineData("/Baogao/" + UnknownId + "/docx")]
    public async Task A_get_for_an_unknown_public_record_is_the_404_page(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        AcceptHtml(request);
        await AssertNotFoundPageAsync(await _host.Client.SendAsync(request));

        // Without an Accept header too (not the ProblemDetails an escaping exception would give such a client).
        await AssertNotFoundPageAsync(await _host.Client.GetAsync(new Uri(path, UriKind.Relative)));
    }

    [Fact]
    public async Task A_staff_download_of_an_unknown_case_is_the_404_page()
    {
        var client = await _host.SignInAsync("jyj-sh");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/Admin/Applications/{UnknownId}?handler=Attachment&file=1", UriKind.Relative));
        AcceptHtml(request);
        await AssertNotFoundPageAsync(await client.SendAsync(request));
    }

    [Fact]
    public async Task A_post_for_an_unknown_notice_is_the_404_page()
    {
        var client = await _host.SignInAsync("gkb");
        var token = await WebHost.TokenAsync(client, "/Admin/Notices/Edit");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Admin/Notices?handler=Withdraw", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id"] = UnknownId,
                ["version"] = "1",
                ["__RequestVerificationToken"] = token,
            }),
        };
        AcceptHtml(request);
        await AssertNotFoundPageAsync(await client.SendAsync(request));
    }

    [Fact]
    public async Task A_post_to_edit_an_unknown_notice_is_the_404_page_and_not_the_form_with_an_error()
    {
        var client = await _host.SignInAsync("gkb");
        var token = await WebHost.TokenAsync(client, "/Admin/Notices/Edit");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/Admin/Notices/Edit?id={UnknownId}", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["version"] = "1",
                ["title"] = "通知",
                ["body"] = "正文",
                ["__RequestVerificationToken"] = token,
            }),
        };
        AcceptHtml(request);
        await AssertNotFoundPageAsync(await client.SendAsync(request));
    }

    private static void AcceptHtml(HttpRequestMessage request) =>
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

    private static async Task AssertNotFoundPageAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("页面不存在", body, StringComparison.Ordinal);
        }
    }
}
