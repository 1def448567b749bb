using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.Web.Tests;

/// <summary>Letters through the pages: draft, adjust, issue, download, the applicant's copy, templates, the 交寄清单.</summary>
public sealed partial class LetterPagesTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
    {
        ["Gongkai:Demo:Applications"] = "false",
        ["Gongkai:Pdf:Chromium"] = ChromiumPdf.Browser ?? "/nonexistent/chromium",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A case at 区教育局 decided 本机关不掌握, registered and decided by the operator; its number and 查询码.</summary>
    private async Task<(long Id, string Number, string Code)> DecidedCaseAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<StaffContext>().SetOperator("测试办理人");
        var db = sp.GetRequiredService<GongkaiDbContext>();
        var education = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        var intake = await sp.GetRequiredService<RegisterApplication>().ExecuteAsync(new ApplicationInput
        {
            AgencyId = education,
            Arrived = Today,
            ApplicantName = "王小明",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13912345678",
            Address = "包头市昆都仑区某某路 8 号",
            PostalCode = "014010",
            Description = "2025 年学区划分方案",
        }, [], null);
        var perform = sp.GetRequiredService<PerformCaseStep>();
        var step = await perform.ExecuteAsync(intake.Application.Id, intake.Application.Version, new AcceptStep());
        await perform.ExecuteAsync(intake.Application.Id, step.Version, new DecideStep(DecisionType.NotHeld, Today, "经检索，本机关未制作该方案。", "包头市教育局"));
        return (intake.Application.Id, intake.Application.CaseNumber, intake.QueryCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static Dictionary<string, string> Hidden(string html, string formMarker)
    {
        var start = html.IndexOf(formMarker, StringComparison.Ordinal);
        Assert.True(start >= 0, "no form " + formMarker);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["__RequestVerificationToken"] = WebHost.Antiforgery(form);
        return fields;
    }

    private static string DocxText(byte[] bytes)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Concat(doc.MainDocumentPart!.Document!.Descendants<W.Text>().Select(t => t.Text));
    }

    [Fact]
    public async Task A_clerk_drafts_adjusts_and_issues_the_reply_once_and_downloads_it_in_every_format()
    {
        var (id, number, code) = await DecidedCaseAsync();
        using var clerk = await _host.SignInAsync("jyj-cb");
        var detail = await clerk.GetStringAsync($"/Admin/Applications/{id}");
        Assert.Contains("拟制并出具", detail, StringComparison.Ordinal);
        Assert.Contains("kind=Reply.NotHeld", detail, StringComparison.Ordinal);

        var draft = await clerk.GetStringAsync($"/Admin/Applications/{id}/Letter?kind=Reply.NotHeld");
        Assert.Contains("系统默认模板", draft, StringComparison.Ordinal);
        var body = WebUtility.HtmlDecode(Regex.Match(draft, "<textarea id=\"body\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        Assert.Contains(number, body, StringComparison.Ordinal);
        Assert.Contains("包头市教育局", body, StringComparison.Ordinal);
        var form = Hidden(draft, "data-testid=\"letter-form\"");

        // Taking the remedies out is refused with the reason; nothing is issued.
        form["body"] = body.Replace("如对本答复不服", "（删去）", StringComparison.Ordinal).Split('\n').Where(l => !l.Contains("行政诉讼", StringComparison.Ordinal)).Aggregate((a, b) => a + "\n" + b);
        var refused = await PostAsync(clerk, $"/Admin/Applications/{id}/Letter", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.True(refusedHtml.Contains("须告知救济途径", StringComparison.Ordinal), Regex.Match(refusedHtml, "letter-error\">[^<]*").Value);

        form["body"] = body + "\n附：检索记录一份。";
        var issued = await PostAsync(clerk, $"/Admin/Applications/{id}/Letter", form);
        var again = await PostAsync(clerk, $"/Admin/Applications/{id}/Letter", form);
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var letter = await QueryAsync(db => db.ApplicationLetters.SingleAsync(l => l.ApplicationId == id));
        Assert.Equal("区教育局信公〔2026〕1号", letter.DocumentNumber);

        detail = await clerk.GetStringAsync($"/Admin/Applications/{id}");
        Assert.Contains("区教育局信公〔2026〕1号", detail, StringComparison.Ordinal);
        var docx = await clerk.GetAsync(new Uri($"/Admin/Applications/{id}?handler=Letter&letter={letter.Id}&format=docx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        var text = DocxText(await docx.Content.ReadAsByteArrayAsync());
        Assert.Contains("附：检索记录一份。", text, StringComparison.Ordinal);
        Assert.Contains("无法提供（本机关不掌握相关政府信息）", text, StringComparison.Ordinal);

        var print = await clerk.GetAsync(new Uri($"/Admin/Applications/{id}?handler=Letter&letter={letter.Id}&format=html", UriKind.Relative));
        Assert.Equal("text/html", print.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", print.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        var pdf = await clerk.GetAsync(new Uri($"/Admin/Applications/{id}?handler=Letter&letter={letter.Id}&format=pdf", UriKind.Relative));
        if (ChromiumPdf.MissingReason is null)
        {
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
            Assert.Contains("apt-get install chromium fonts-wqy-zenhei", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The applicant finds the letter on the tracking page and downloads it with the case number and 查询码.
        var page = await _host.Client.GetStringAsync("/Chaxun");
        var tracked = await PostAsync(_host.Client, "/Chaxun", new Dictionary<string, string>
        {
            ["CaseNumber"] = number,
            ["QueryCode"] = code,
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["__formStarted"] = WebHost.FormStarted(page),
        });
        var status = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"letters\"", status, StringComparison.Ordinal);
        Assert.Contains("区教育局信公〔2026〕1号", status, StringComparison.Ordinal);
        var download = Hidden(status, "action=\"/Chaxun?handler=Letter\"");
        var applicantCopy = await PostAsync(_host.Client, "/Chaxun?handler=Letter", download);
        Assert.Equal(HttpStatusCode.OK, applicantCopy.StatusCode);
        Assert.Contains("附：检索记录一份。", DocxText(await applicantCopy.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        download["QueryCode"] = "ZZZZZZZZ";
        var wrong = await PostAsync(_host.Client, "/Chaxun?handler=Letter", download);
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);

        // A clerk of another unit cannot fetch it.
        using var other = await _host.SignInAsync("zt-cb");
        var foreign = await other.GetAsync(new Uri($"/Admin/Applications/{id}?handler=Letter&letter={letter.Id}&format=docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task The_disclosure_office_edits_a_template_with_checks_and_clerks_may_not()
    {
        using var office = await _host.SignInAsync("gkb");
        var index = await office.GetStringAsync("/Admin/Letters");
        Assert.Contains("系统默认模板", index, StringComparison.Ordinal);
        var editor = await office.GetStringAsync(new Regex("href=\"(/Admin/Letters/Template\\?agency=\\d+&amp;kind=Reply.NotHeld)\"").Match(index).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal));
        Assert.Contains("{救济途径}", editor, StringComparison.Ordinal);
        var form = Hidden(editor, "data-testid=\"template-form\"");
        form["title"] = "政府信息公开申请告知书";
        form["body"] = "{申请人}：{不存在}";
        var bad = await PostAsync(office, "/Admin/Letters/Template", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("未知的占位符：{不存在}", html, StringComparison.Ordinal);
        Assert.Contains("{申请人}：{不存在}", html, StringComparison.Ordinal);

        form["body"] = "{申请人}：\n受理编号 {受理编号}。\n处理结果：{决定}（{法律依据}）。\n{救济途径}";
        var saved = await PostAsync(office, "/Admin/Letters/Template", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("本机关模板", await office.GetStringAsync(saved.Headers.Location!.ToString()), StringComparison.Ordinal);

        using var clerk = await _host.SignInAsync("jyj-cb");
        var forbidden = await clerk.GetAsync(new Uri("/Admin/Letters", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task The_mailing_list_prints_the_day_s_postal_replies_with_their_numbers()
    {
        var (id, number, _) = await DecidedCaseAsync();
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试办理人");
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var version = await db.Applications.Where(a => a.Id == id).Select(a => a.Version).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<PerformCaseStep>().ExecuteAsync(id, version, new ServeStep(Today, ServiceMethod.Postal, TrackingNumber: "1151234567890"));
        }

        using var clerk = await _host.SignInAsync("jyj-cb");
        var agency = await QueryAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.AgencyId).SingleAsync());
        var list = await clerk.GetAsync(new Uri($"/Admin/Applications/Mailing?agency={agency}&date=2026-11-27", UriKind.Relative));
        var html = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("no-store", list.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("1151234567890", html, StringComparison.Ordinal);
        Assert.Contains(number, html, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区某某路 8 号", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"mailing-count\">1 件", html, StringComparison.Ordinal);
        var empty = await clerk.GetStringAsync($"/Admin/Applications/Mailing?agency={agency}&date=2026-11-26");
        Assert.Contains("data-testid=\"mailing-empty\"", empty, StringComparison.Ordinal);
        var bad = await clerk.GetAsync(new Uri($"/Admin/Applications/Mailing?agency={agency}&date=27/11/2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);

        using var other = await _host.SignInAsync("zt-cb");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri($"/Admin/Applications/Mailing?agency={agency}&date=2026-11-27", UriKind.Relative))).StatusCode);
    }

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
