using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The back-office pages for 行政复议 and 行政诉讼, as a browser without JavaScript uses them.</summary>
public sealed partial class ReviewPagesTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = "%PDF-1.7\n答复书"u8.ToArray();

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_case_registered_by_the_applications_case_number_shows_its_periods_history_and_the_link_back()
    {
        var app = await ServedApplicationAsync();
        using var clerk = await _host.SignInAsync("jyj-cb");
        var home = await clerk.GetStringAsync("/Admin");
        Assert.Contains("href=\"/Admin/Reviews\"", home, StringComparison.Ordinal);
        Assert.Contains("还没有登记行政复议或行政诉讼案件", await clerk.GetStringAsync("/Admin/Reviews"), StringComparison.Ordinal);

        // The application's page offers the entry, with its 受理编号 filled in.
        var appPage = await clerk.GetStringAsync($"/Admin/Applications/{app.Id}");
        Assert.Contains("data-testid=\"application-reviews\"", appPage, StringComparison.Ordinal);
        var entry = WebUtility.HtmlDecode(Regex.Match(appPage, "href=\"(/Admin/Reviews/New\\?caseNumber=[^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(entry);
        var form = await clerk.GetStringAsync(entry);
        Assert.Contains($"value=\"{app.CaseNumber}\"", form, StringComparison.Ordinal);

        var fields = RegisterFields(form, app.CaseNumber);
        var once = await PostAsync(clerk, "/Admin/Reviews/New", fields);
        var twice = await PostAsync(clerk, "/Admin/Reviews/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal(once.Headers.Location, twice.Headers.Location);
        Assert.Equal(1, await CountAsync<ReviewCaseRecord>());
        var path = twice.Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("该案件已登记，重复提交未再次登记。", page, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区教育局", Section(page, "facts"), StringComparison.Ordinal); // the answering agency
        Assert.Contains("至 2026-03-23", Section(page, "filing-deadline"), StringComparison.Ordinal); // 60 days from service
        Assert.Contains("收到副本后起算", Section(page, "answer-due"), StringComparison.Ordinal);
        Assert.Contains("登记行政复议：包昆复〔2026〕12号", Section(page, "history"), StringComparison.Ordinal);
        Assert.Contains("张敏", Section(page, "history"), StringComparison.Ordinal);

        var list = await clerk.GetStringAsync("/Admin/Reviews");
        Assert.Contains("包昆复〔2026〕12号", list, StringComparison.Ordinal);
        Assert.Contains($">{app.CaseNumber}</a>", list, StringComparison.Ordinal);
        Assert.Contains(path, await clerk.GetStringAsync($"/Admin/Applications/{app.Id}"), StringComparison.Ordinal);

        // A number that finds nothing is shown beside its field; nothing is registered.
        var bad = RegisterFields(await clerk.GetStringAsync("/Admin/Reviews/New"), "不存在-001");
        var refused = await PostAsync(clerk, "/Admin/Reviews/New", bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("id=\"ApplicationCaseNumber-error\">找不到受理编号为“不存在-001”的申请", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<ReviewCaseRecord>());
    }

    [Fact]
    public async Task The_answer_and_outcome_forms_record_once_and_a_stale_page_is_refused()
    {
        var app = await ServedApplicationAsync();
        using var clerk = await _host.SignInAsync("jyj-cb");
        using var head = await _host.SignInAsync("jyj-fz");
        var path = await RegisterAsync(clerk, app.CaseNumber);
        var opened = await head.GetStringAsync(path); // the head opens the page before the clerk records the answer

        var answer = FormFields(await clerk.GetStringAsync(path), "form-Answer");
        answer["CopyReceived"] = "2026-02-12";
        answer["AnswerFiled"] = "2026-02-24";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, path + "?handler=Answer", answer)).StatusCode);
        var resent = await PostAsync(clerk, path + "?handler=Answer", answer);
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("答复情况已登记，重复提交未再次登记。", page, StringComparison.Ordinal);
        Assert.Contains("2026-02-22", Section(page, "answer-due"), StringComparison.Ordinal);
        Assert.Contains("已超期", Section(page, "answer-due"), StringComparison.Ordinal);
        Assert.Equal(2, await CountAsync<ReviewCaseEventRecord>());

        // A date that is not a date is shown beside its field.
        var invalid = await PostAsync(clerk, path + "?handler=Answer", FormFieldsWith(answer, "CopyReceived", "明天"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("id=\"Answer-CopyReceived-error\">收到副本日期格式不正确", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The head's outcome from the page opened earlier: refused with the concurrency message, nothing saved.
        var stale = FormFields(opened, "form-Outcome");
        stale["Detail"] = nameof(ReviewOutcomeDetail.Upheld);
        stale["Concluded"] = "2026-04-01";
        var conflict = await PostAsync(head, path + "?handler=Outcome", stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("由张敏修改过，您看到的页面已过期，本次操作未保存", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reload\"", html, StringComparison.Ordinal);

        // From the current page it is recorded; the case is then closed to further answers.
        var outcome = FormFields(await head.GetStringAsync(path), "form-Outcome");
        outcome["Detail"] = nameof(ReviewOutcomeDetail.Revoked);
        outcome["Concluded"] = "2026-04-10";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, path + "?handler=Outcome", outcome)).StatusCode);
        var done = await head.GetStringAsync(path);
        Assert.Contains("撤销", Section(done, "outcome"), StringComparison.Ordinal);
        Assert.Contains("结果纠正", Section(done, "outcome"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form-Outcome\"", done, StringComparison.Ordinal);
        Assert.Contains("陈静", Section(done, "history"), StringComparison.Ordinal);
        var late = await PostAsync(head, path + "?handler=Answer", FormFieldsWith(answer, "expectedVersion", "3", "requestKey", "late", "__RequestVerificationToken", WebHost.Antiforgery(done)));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("审结，不能再修改", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync<ReviewCaseEventRecord>());

    }

    [Fact]
    public async Task Documents_upload_and_download_and_another_unit_gets_not_found_or_forbidden()
    {
        var app = await ServedApplicationAsync();
        using var clerk = await _host.SignInAsync("jyj-cb");
        var path = await RegisterAsync(clerk, app.CaseNumber);
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("还没有上传材料。", page, StringComparison.Ordinal);
        var upload = await UploadAsync(clerk, path, page, nameof(ReviewDocumentKind.Answer), "答复书<定稿>.pdf", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        page = await clerk.GetStringAsync(path);
        var documents = Section(page, "documents");
        Assert.Contains("答复书定稿.pdf", documents, StringComparison.Ordinal);
        Assert.Contains(">答复书<", documents, StringComparison.Ordinal);
        var link = WebUtility.HtmlDecode(Regex.Match(page, "<a href=\"([^\"]*handler=Document[^\"]*)\"").Groups[1].Value);
        var download = await clerk.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());

        // A file that is not what its name says is refused beside the field.
        var fake = await UploadAsync(clerk, path, page, nameof(ReviewDocumentKind.Evidence), "证据.pdf", "<html>"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("id=\"Document-File-error\">附件“证据.pdf”的内容与扩展名不符", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<ReviewDocumentRecord>());

        // 沼潭街道's clerk: the case, its document and its forms do not exist; the list is empty.
        using var other = await _host.SignInAsync("zt-cb");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        var token = await WebHost.TokenAsync(other, "/Admin/Reviews");
        var answer = new Dictionary<string, string> { ["expectedVersion"] = "1", ["CopyReceived"] = "2026-02-12", ["__RequestVerificationToken"] = token };
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, path + "?handler=Answer", answer)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, path, await other.GetStringAsync("/Admin/Reviews/New"), nameof(ReviewDocumentKind.Evidence), "证据.pdf", Pdf)).StatusCode);
        Assert.DoesNotContain("包昆复", await other.GetStringAsync("/Admin/Reviews"), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<ReviewDocumentRecord>());

        // Roles without review work (发布员, 系统管理员 alone) are forbidden, and have no menu entry.
        foreach (var user in new[] { "fabu", "admin" })
        {
            using var client = await _host.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/Admin/Reviews", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
            Assert.DoesNotContain("href=\"/Admin/Reviews\"", await client.GetStringAsync("/Admin"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_list_filters_and_pages_and_table_four_links_each_count_to_its_cases()
    {
        var app = await ServedApplicationAsync();
        using var office = await _host.SignInAsync("gkb");
        await RegisterAsync(office, app.CaseNumber);
        for (var i = 1; i <= 21; i++)
        {
            await RegisterAsync(office, null, "LitigationDirect", $"（2026）内0203行初{i}号");
        }

        var first = await office.GetStringAsync("/Admin/Reviews");
        Assert.Contains("共 22 件，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Reviews?p=2\"", first, StringComparison.Ordinal);
        var reviews = await office.GetStringAsync("/Admin/Reviews?kind=AdministrativeReview");
        Assert.Contains("共 1 件", reviews, StringComparison.Ordinal);
        Assert.Contains("没有符合条件的案件。", await office.GetStringAsync("/Admin/Reviews?status=Upheld"), StringComparison.Ordinal);

        // Table 四 for 2026 at the district: one 复议 and 21 direct suits pending at the year's end.
        var table = Section(first, "table4");
        Assert.Contains("（2026 年）", table, StringComparison.Ordinal);
        var direct = Section(first, "table4-litigation_direct");
        Assert.Contains("<a href=\"/Admin/Reviews?kind=LitigationDirect&amp;status=Pending&amp;year=2026\">21</a>", direct, StringComparison.Ordinal);
        var cell = await office.GetStringAsync("/Admin/Reviews?kind=LitigationDirect&status=Pending&year=2026");
        Assert.Contains("共 21 件", cell, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", Section(first, "table4-litigation_after_review"), StringComparison.Ordinal);
        var earlier = Section(await office.GetStringAsync("/Admin/Reviews?year=2025"), "table4-administrative_review");
        Assert.DoesNotContain("<a ", earlier, StringComparison.Ordinal);
    }

    private Task<ApplicationRecord> ServedApplicationAsync() => ServedApplicationAsync(_host);

    /// <summary>An application at 区教育局 decided on 2026-01-20 and served on 2026-01-22 (through the use cases).</summary>
    internal static async Task<ApplicationRecord> ServedApplicationAsync(WebHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await using var scope = host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试");
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        var app = await scope.ServiceProvider.GetRequiredService<RegisterApplication>().ExecuteAsync(new ApplicationInput
        {
            AgencyId = agency,
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "王小明",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13912345678",
            Description = "2024年昆都仑区义务教育阶段学校招生划片范围的文件",
            ProvisionForm = ProvisionForm.Paper,
            DeliveryMethod = DeliveryMethod.Collect,
            Channel = Channel.InPerson,
            Arrived = new DateOnly(2026, 1, 5),
        });
        var perform = scope.ServiceProvider.GetRequiredService<PerformCaseStep>();
        var version = app.Version;
        foreach (CaseStep step in new CaseStep[] { new AcceptStep(), new DecideStep(DecisionType.WithheldProcessInformation, new DateOnly(2026, 1, 20), "不予公开：过程性信息"), new ServeStep(new DateOnly(2026, 1, 22), ServiceMethod.Direct, "申请人签收") })
        {
            version = (await perform.ExecuteAsync(app.Id, version, step)).Version;
        }

        return app;
    }

    /// <summary>Registers through the form: a 复议 on the application, or another kind at the user's own agency.</summary>
    private static async Task<string> RegisterAsync(HttpClient client, string? caseNumber, string kind = "AdministrativeReview", string number = "包昆复〔2026〕12号")
    {
        var form = await client.GetStringAsync("/Admin/Reviews/New");
        var fields = RegisterFields(form, caseNumber, kind, number);
        if (caseNumber is null)
        {
            fields["AgencyId"] = Regex.Match(form, "<select id=\"AgencyId\"[\\s\\S]*?<option value=\"(\\d+)\"").Groups[1].Value;
        }

        var response = await PostAsync(client, "/Admin/Reviews/New", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.OriginalString;
    }

    private static Dictionary<string, string> RegisterFields(string form, string? caseNumber, string kind = "AdministrativeReview", string number = "包昆复〔2026〕12号") => new()
    {
        ["__RequestVerificationToken"] = WebHost.Antiforgery(form),
        ["requestKey"] = HiddenInput().Matches(form).First(m => m.Groups["name"].Value == "requestKey").Groups["value"].Value,
        ["Kind"] = kind,
        ["ApplicationCaseNumber"] = caseNumber ?? string.Empty,
        ["AgencyId"] = string.Empty,
        ["ExternalNumber"] = number,
        ["Body"] = kind == "AdministrativeReview" ? "包头市昆都仑区人民政府" : "包头市昆都仑区人民法院",
        ["Filed"] = "2026-02-10",
    };

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, string page, string kind, string name, byte[] bytes)
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(Guid.NewGuid().ToString("N")), "requestKey" },
            { new StringContent(kind), "Kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        content.Add(file, "File", name);
        return await client.PostAsync(new Uri(path + "?handler=Document", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The hidden fields of one form of a page (version, request key, antiforgery token).</summary>
    private static Dictionary<string, string> FormFields(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no form {testId}");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["__RequestVerificationToken"] = WebHost.Antiforgery(form);
        return fields;
    }

    private static Dictionary<string, string> FormFieldsWith(Dictionary<string, string> fields, params string[] changes)
    {
        var copy = new Dictionary<string, string>(fields);
        for (var i = 0; i < changes.Length; i += 2)
        {
            copy[changes[i]] = changes[i + 1];
        }

        return copy;
    }

    /// <summary>The element with a data-testid, up to the end of its tag (dd, dl, ol, table, tr or section).</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no {testId}");
        var tag = Regex.Match(html[..start], "<([a-z0-9]+)[^<]*$").Groups[1].Value;
        return html[start..html.IndexOf($"</{tag}>", start, StringComparison.Ordinal)];
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<T>().CountAsync();
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
