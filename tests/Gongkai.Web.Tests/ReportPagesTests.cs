using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Gongkai.Data.Reports;
using Gongkai.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The back-office annual report pages, as a browser without JavaScript uses them (plus the editor's live check).</summary>
public sealed partial class ReportPagesTests : IAsyncLifetime
{
    private const string Education = "包头市昆都仑区教育局";
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_clerk_opens_writes_and_submits_a_report_and_stale_or_double_posts_are_explained_or_applied_once()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var board = await clerk.GetStringAsync("/Admin/Reports?year=2025");
        Assert.Contains("2025 年度报告进度", board, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rollup\"", board, StringComparison.Ordinal);
        var open = await PostAsync(clerk, "/Admin/Reports?handler=Open", new() { ["agency"] = (await AgencyAsync(Education)).ToString(System.Globalization.CultureInfo.InvariantCulture), ["year"] = "2025", ["__RequestVerificationToken"] = WebHost.Antiforgery(board) });
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        var path = open.Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("data-testid=\"editor\"", page, StringComparison.Ordinal);
        Assert.Contains("新收政府信息公开申请0件", page, StringComparison.Ordinal);

        // The live check answers for the text as typed, without saving it.
        var fields = FormFields(page, "editor");
        var check = await PostAsync(clerk, path + "?handler=Check", Text(fields, general: "2025年新收政府信息公开申请7件。"));
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var json = await check.Content.ReadAsStringAsync();
        Assert.Contains("\"rule\":\"W3\"", json, StringComparison.Ordinal);
        Assert.Contains("新收政府信息公开申请0件", await clerk.GetStringAsync(path), StringComparison.Ordinal);

        // Saved; the same page posted again is stale, and what was typed is kept.
        var saved = await PostAsync(clerk, path + "?handler=Save", Text(fields, general: "（一）主动公开情况\n公开了招生政策。"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("已保存", await clerk.GetStringAsync(path), StringComparison.Ordinal);
        var stale = await PostAsync(clerk, path + "?handler=Save", Text(fields, general: "迟到的修改<script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stalePage = await stale.Content.ReadAsStringAsync();
        Assert.Contains("页面已过期", stalePage, StringComparison.Ordinal);
        Assert.Contains("迟到的修改&lt;script&gt;", stalePage, StringComparison.Ordinal);

        // Submitting with an empty section is refused; a double submit is applied once.
        fields = FormFields(await clerk.GetStringAsync(path), "editor");
        var empty = await PostAsync(clerk, path + "?handler=Submit", Text(fields, general: "（一）主动公开情况\n公开了招生政策。", problems: " "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("还没有内容", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields = FormFields(await clerk.GetStringAsync(path), "editor");
        var body = Text(fields, general: "（一）主动公开情况\n公开了招生政策。", problems: "（一）存在的主要问题\n无。");
        var first = await PostAsync(clerk, path + "?handler=Submit", body);
        var second = await PostAsync(clerk, path + "?handler=Submit", body);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Contains("重复提交未再次报送", await clerk.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.AnnualReportEvents.CountAsync(e => e.Action == "submitted")));

        // The clerk cannot review; the office's review forms are there for the office.
        Assert.DoesNotContain("data-testid=\"review\"", await clerk.GetStringAsync(path), StringComparison.Ordinal);
        using var office = await _host.SignInAsync("gkb");
        var officePage = await office.GetStringAsync(path);
        Assert.Contains("data-testid=\"review\"", officePage, StringComparison.Ordinal);
        var returned = await PostAsync(office, path + "?handler=Return", FormFields(officePage, "review", "Return"));
        Assert.Equal(HttpStatusCode.BadRequest, returned.StatusCode);
        Assert.Contains("请填写退回意见", await returned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_are_entered_with_field_errors_and_show_in_table_2_and_the_documents_download()
    {
        using var office = await _host.SignInAsync("gkb");
        var district = await AgencyAsync("包头市昆都仑区人民政府");
        var form = await office.GetStringAsync($"/Admin/Reports/Figures?agency={district}&year=2025");
        var fields = FormFields(form, "figures-form");
        fields["AdministrativeLicensing"] = "很多";
        fields["AdministrativeFees"] = "12.5";
        var bad = await PostAsync(office, "/Admin/Reports/Figures", fields);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("须为不小于 0 的整数", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"很多\"", badPage, StringComparison.Ordinal);
        fields["AdministrativeLicensing"] = "61,950";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, "/Admin/Reports/Figures", fields)).StatusCode);

        var board = await office.GetStringAsync("/Admin/Reports?year=2025");
        Assert.Contains("data-testid=\"rollup\"", board, StringComparison.Ordinal);
        var open = await PostAsync(office, "/Admin/Reports?handler=Open", new() { ["agency"] = district.ToString(System.Globalization.CultureInfo.InvariantCulture), ["year"] = "2025", ["__RequestVerificationToken"] = WebHost.Antiforgery(board) });
        var path = open.Headers.Location!.OriginalString;
        var page = await office.GetStringAsync(path);
        Assert.Contains("<dd>61950</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd>12.5</dd>", page, StringComparison.Ordinal);

        var docx = await office.GetAsync(new Uri(path + "?handler=File&format=docx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var read = Gongkai.Reports.Import.ReportFileImporter.Import(await docx.Content.ReadAsByteArrayAsync(), "r.docx");
        Assert.Equal(61950, read.Report.Table2Of2021!.AdministrativeLicensing);
        var html = await office.GetAsync(new Uri(path + "?handler=File&format=html", UriKind.Relative));
        Assert.Contains("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var rollup = await office.GetAsync(new Uri("/Admin/Reports?handler=Rollup&year=2025", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rollup.Content.Headers.ContentType!.MediaType);
        using var clerk = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Reports?handler=Rollup&year=2025", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri(path + "?handler=File&format=exe", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri(path + "/Cell?row=nonsense&column=0", UriKind.Relative))).StatusCode);
        Assert.Contains("没有申请计入这一格", await office.GetStringAsync(path + "/Cell?row=granted&column=6"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisor_imports_a_units_published_report_which_is_checked_and_kept_with_its_original()
    {
        using var office = await _host.SignInAsync("gkb");
        var form = await office.GetStringAsync("/Admin/Reports/Import");
        var kunhe = await AgencyAsync("包头市昆都仑区昆河镇人民政府");
        var seed = await File.ReadAllBytesAsync(Fixtures.PathOf("seeds/kundulun-2024-scraped.txt"));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(form)), "__RequestVerificationToken" },
            { new StringContent(kunhe.ToString(System.Globalization.CultureInfo.InvariantCulture)), "agency" },
            { new StringContent("2024"), "year" },
            { new StringContent("2025-01-20"), "PublishedOn" },
            { new StringContent("import-1"), "requestKey" },
        };
        var file = new ByteArrayContent(seed);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        content.Add(file, "file", "昆都仑区2024年报告.txt");
        var posted = await office.PostAsync(new Uri("/Admin/Reports/Import", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var path = posted.Headers.Location!.OriginalString;
        var page = await office.GetStringAsync(path);
        Assert.Contains("导入的已发布报告", page, StringComparison.Ordinal);
        Assert.Contains("61950", page, StringComparison.Ordinal);
        var original = await office.GetByteArrayAsync(path + "?handler=File&format=original");
        Assert.Equal(seed, original);

        // It is there for supervision, not republished on the portal as if written here.
        var id = path[(path.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri("/Baogao/" + id, UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("昆河镇", await _host.Client.GetStringAsync("/Baogao"), StringComparison.Ordinal);

        using var bad = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(form)), "__RequestVerificationToken" },
            { new StringContent(kunhe.ToString(System.Globalization.CultureInfo.InvariantCulture)), "agency" },
            { new StringContent("2024"), "year" },
            { new ByteArrayContent("这不是年度报告。"u8.ToArray()), "file", "note.txt" },
        };
        var refused = await office.PostAsync(new Uri("/Admin/Reports/Import", UriKind.Relative), bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("未能导入", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.AnnualReports.CountAsync(r => r.Source == AnnualReportSource.Imported)));
    }

    [Fact]
    public async Task Each_table_4_cell_links_to_the_review_cases_it_counts()
    {
        var education = await AgencyAsync(Education);
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Gongkai.UseCases.Accounts.StaffContext>().SetOperator("测试");
            await scope.ServiceProvider.GetRequiredService<Gongkai.UseCases.Cases.RegisterReviewCase>().ExecuteAsync(new Gongkai.UseCases.Cases.ReviewCaseInput
            {
                AgencyId = education,
                Kind = Gongkai.Core.Cases.ReviewKind.AdministrativeReview,
                ExternalNumber = "包昆复〔2025〕7号",
                Body = "包头市昆都仑区人民政府",
                Filed = new DateOnly(2025, 9, 1),
            });
        }

        using var clerk = await _host.SignInAsync("jyj-cb");
        var board = await clerk.GetStringAsync("/Admin/Reports?year=2025");
        var open = await PostAsync(clerk, "/Admin/Reports?handler=Open", new() { ["agency"] = education.ToString(System.Globalization.CultureInfo.InvariantCulture), ["year"] = "2025", ["__RequestVerificationToken"] = WebHost.Antiforgery(board) });
        var page = await clerk.GetStringAsync(open.Headers.Location!.OriginalString);
        var link = WebUtility.HtmlDecode(Regex.Match(page, "href=\"(/Admin/Reviews\\?year=2025&amp;kind=AdministrativeReview&amp;status=Pending[^\"]*)\"").Groups[1].Value);
        Assert.NotEmpty(link);
        Assert.Contains("包昆复〔2025〕7号", await clerk.GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_are_set_by_the_office_with_clear_errors()
    {
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Reports/Deadlines");
        Assert.Contains("尚未设置，全部按法定期限", page, StringComparison.Ordinal);
        var district = (await AgencyAsync("包头市昆都仑区人民政府")).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = WebHost.Antiforgery(page);
        var bad = await PostAsync(office, "/Admin/Reports/Deadlines", new() { ["office"] = district, ["kind"] = "Subdistrict", ["month"] = "2", ["day"] = "30", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("日期不正确", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var good = await PostAsync(office, "/Admin/Reports/Deadlines", new() { ["office"] = district, ["kind"] = "Subdistrict", ["month"] = "1", ["day"] = "20", ["note"] = "区政务公开办通知", ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("区政务公开办通知", await office.GetStringAsync("/Admin/Reports/Deadlines"), StringComparison.Ordinal);
        Assert.Contains("2026年1月20日", await office.GetStringAsync("/Admin/Reports?year=2025"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Text(Dictionary<string, string> fields, string general, string problems = "（一）存在的主要问题\n无。") => new(fields)
    {
        ["Introduction"] = "本报告依据条例编制。",
        ["General"] = general,
        ["Problems"] = problems,
        ["Other"] = "未收取信息处理费。",
    };

    private async Task<int> AgencyAsync(string name) => await QueryAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The hidden and text fields of the form marked <paramref name="testId"/> (or, inside it, the <paramref name="handler"/> form).</summary>
    private static Dictionary<string, string> FormFields(string html, string testId, string? handler = null)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no {testId}");
        if (handler is not null)
        {
            start = html.IndexOf($"handler={handler}", start, StringComparison.Ordinal);
        }

        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = Input().Matches(form).GroupBy(m => m.Groups["name"].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups["value"].Value));
        return fields;
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex Input();
}
