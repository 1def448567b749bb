using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Files;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// 申请公开 and 申请查询 as a browser without JavaScript uses them: the form posted as multipart with its antiforgery
/// token, human check and form key; the receipt in the response to the post; tracking by number and secret code.
/// </summary>
public sealed partial class ApplicationPortalTests : IAsyncLifetime
{
    private const string Agency = "包头市昆都仑区教育局";
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_home_page_and_the_navigation_link_to_applying_and_tracking()
    {
        var html = await _host.Client.GetStringAsync("/");
        Assert.Contains("<li><a href=\"/Shenqing\">申请公开</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"/Chaxun\">申请查询</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-apply\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"link-track\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_labels_every_input_groups_the_choices_and_offers_only_agencies_that_receive_applications()
    {
        var html = await _host.Client.GetStringAsync("/shenqing");
        foreach (Match input in InputIdPattern().Matches(html))
        {
            var id = input.Groups[1].Value;
            if (id is "website")
            {
                continue; // the human check's trap field has its label inside an aria-hidden block
            }

            Assert.Contains($"<label for=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<legend>申请人类型（必填）</legend>", html, StringComparison.Ordinal);
        Assert.Contains("<legend>获取信息的方式（必填）</legend>", html, StringComparison.Ordinal);
        Assert.Contains("法人或其他组织：科研机构", html, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"政府部门\">", html, StringComparison.Ordinal);
        Assert.Contains($">{Agency}</option>", html, StringComparison.Ordinal);
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var notReceiving = await db.Agencies.Where(a => !a.ReceivesApplications).Select(a => a.Name).ToListAsync();
        Assert.NotEmpty(notReceiving);
        Assert.All(notReceiving, name => Assert.DoesNotContain($">{name}</option>", html, StringComparison.Ordinal));
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        Assert.Contains("type=\"file\" id=\"Attachments\" name=\"Attachments\" multiple", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_shows_the_receipt_with_case_number_and_query_code_in_the_post_response_itself()
    {
        var response = await ApplyAsync(_host.Client, Valid());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        var (number, code) = Receipt(html);
        Assert.Matches("^[23456789A-HJ-NP-Z]{8}$", code);
        Assert.Contains("政府信息公开申请受理回执", html, StringComparison.Ordinal);
        Assert.Contains("双方确认之日为收到申请之日", html, StringComparison.Ordinal);
        Assert.Contains("20 个工作日内予以答复", html, StringComparison.Ordinal);
        Assert.Contains("条例第三十三条", html, StringComparison.Ordinal);
        Assert.Contains("<dd>2026年11月27日（网上申请）</dd>", html, StringComparison.Ordinal);
        Assert.Contains("请使用浏览器的打印功能", html, StringComparison.Ordinal);
        Assert.Contains("<dd>" + Agency + "</dd>", html, StringComparison.Ordinal);

        var record = await QueryAsync(db => db.Applications.SingleAsync(a => a.CaseNumber == number));
        Assert.Equal(CaseState.Registered, record.State);
        Assert.Equal(Channel.Online, record.Channel);
        Assert.Equal(1, await QueryAsync(db => db.ApplicationAttachments.CountAsync(f => f.ApplicationId == record.Id)));

        var css = await _host.Client.GetStringAsync("/css/site.css");
        Assert.Matches(@"@media print \{\s*\.site-header, \.site-footer", css);
    }

    [Fact]
    public async Task Submitting_the_same_form_twice_gives_the_same_case_and_code_and_stores_one_application()
    {
        var page = await _host.Client.GetStringAsync("/Shenqing");
        var first = await PostApplyAsync(_host.Client, page, Valid());
        var second = await PostApplyAsync(_host.Client, page, Valid());
        var a = Receipt(await first.Content.ReadAsStringAsync());
        var secondHtml = await second.Content.ReadAsStringAsync();
        Assert.Equal(a, Receipt(secondHtml));
        Assert.Contains("已经提交过，未重复登记", secondHtml, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Applications.CountAsync()));

        var another = await ApplyAsync(_host.Client, Valid());
        Assert.NotEqual(a.Number, Receipt(await another.Content.ReadAsStringAsync()).Number);
        Assert.Equal(2, await QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Mistakes_come_back_in_chinese_beside_their_fields_with_a_linked_summary_and_the_typed_values_kept()
    {
        var form = Valid();
        form["AgencyId"] = string.Empty;
        form["ApplicantName"] = " ";
        form["Phone"] = "123";
        form["DeliveryMethod"] = "Post";
        form["Address"] = string.Empty;
        form.Remove("ProvisionForm");
        var response = await ApplyAsync(_host.Client, form, [("身份证.pdf", "%PDF-1.7 fine"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>错误：申请政府信息公开", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#AgencyId\">请选择受理机关。</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#ApplicantName\">请填写申请人姓名。</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#ProvisionForm-Paper\">请选择一项。</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Phone-error\">联系电话应为手机号码或带区号的固定电话", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"Phone-hint Phone-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Address-error\">选择邮寄时请填写通信地址。", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"AgencyId-hint AgencyId-error\"", html, StringComparison.Ordinal);

        // What was typed is kept, the choices too; the file must be chosen again, and the user is told so.
        Assert.Contains("value=\"123\"", html, StringComparison.Ordinal);
        Assert.Contains(">请提供 2024 年本区义务教育阶段学校名单。</textarea>", html, StringComparison.Ordinal);
        Assert.Matches("id=\"DeliveryMethod-Post\" name=\"DeliveryMethod\" value=\"Post\" checked", html);
        Assert.Matches("id=\"ApplicantType-NaturalPerson\" name=\"ApplicantType\" value=\"NaturalPerson\" checked", html);
        Assert.Contains("data-testid=\"files-dropped\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"FormKey\" value=\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, StoredFileCount());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_from_a_script_is_refused_and_nothing_is_stored()
    {
        using var content = Multipart(Valid(), []);
        var forged = await _host.Client.PostAsync(new Uri("/Shenqing", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("页面已过期或提交来源不正确", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bot = Valid();
        bot["website"] = "http://spam.example";
        var trapped = await ApplyAsync(_host.Client, bot);
        Assert.Equal(HttpStatusCode.BadRequest, trapped.StatusCode);
        Assert.Contains("提交未被接受", await trapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task Hostile_text_is_stored_verbatim_and_shown_escaped_on_the_tracking_page()
    {
        const string script = "<script>alert(1)</script>";
        const string sql = "'; DROP TABLE applications;--";
        var form = Valid();
        form["ApplicantName"] = script;
        form["Description"] = sql + "\n" + script;
        var (number, code) = Receipt(await (await ApplyAsync(_host.Client, form)).Content.ReadAsStringAsync());

        var record = await QueryAsync(db => db.Applications.SingleAsync(a => a.CaseNumber == number));
        Assert.Equal(script, record.ApplicantName);
        Assert.Equal(sql + "\n" + script, record.Description);

        var html = await (await TrackAsync(_host.Client, number, code)).Content.ReadAsStringAsync();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&#x27;; DROP TABLE applications;--", html, StringComparison.Ordinal);
        Assert.DoesNotContain(script, html, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync(db => db.Applications.CountAsync()));
    }

    [Fact]
    public async Task A_pdf_that_is_really_text_and_a_file_over_ten_megabytes_are_refused_in_chinese_and_nothing_is_stored()
    {
        var fake = await ApplyAsync(_host.Client, Valid(), [("证明.pdf", "just some text, not a PDF"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.BadRequest, fake.StatusCode);
        Assert.Contains("附件“证明.pdf”的内容与扩展名不符（不是有效的 PDF 文件）", await fake.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var big = new byte[(int)AttachmentRules.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var large = await ApplyAsync(_host.Client, Valid(), [("扫描件.pdf", big)]);
        Assert.Equal(HttpStatusCode.BadRequest, large.StatusCode);
        var html = await large.Content.ReadAsStringAsync();
        Assert.Contains("附件“扫描件.pdf”超过 10 MB。", html, StringComparison.Ordinal);
        Assert.Contains("<li><a href=\"#Attachments\">", html, StringComparison.Ordinal);

        var wrongType = await ApplyAsync(_host.Client, Valid(), [("run.exe", "MZ"u8.ToArray())]);
        Assert.Contains("附件“run.exe”的类型不支持", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, await QueryAsync(db => db.ApplicationAttachments.CountAsync()));
        Assert.Equal(0, StoredFileCount());
    }

    [Fact]
    public async Task A_request_body_over_the_page_limit_gets_a_friendly_chinese_answer_not_an_error_page()
    {
        var page = await _host.Client.GetStringAsync("/Shenqing");
        var chunk = new byte[9 * 1024 * 1024];
        "%PDF-"u8.CopyTo(chunk);
        var files = Enumerable.Range(1, 7).Select(i => ($"第{i}页.pdf", chunk)).ToArray();
        var response = await PostApplyAsync(_host.Client, page, Valid(), files);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("提交的内容超过 60 MB，未能接收", html, StringComparison.Ordinal);
        Assert.Contains("name=\"FormKey\"", html, StringComparison.Ordinal); // the form is shown again
        Assert.DoesNotContain("系统出错了", html, StringComparison.Ordinal);

        // Sent in chunks, without a declared length: the form reader's own limit stops it, with the same answer.
        var page2 = await _host.Client.GetStringAsync("/Shenqing");
        var fields = new Dictionary<string, string>(Valid()) { ["AgencyId"] = AgencyOption(page2, Agency), ["FormKey"] = FormKeyPattern().Match(page2).Groups[1].Value };
        using var inner = Multipart(fields, files, page2);
        using var unsized = new UnsizedContent(inner);
        var streamed = await _host.Client.PostAsync(new Uri("/Shenqing", UriKind.Relative), unsized);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Contains("提交的内容超过 60 MB，未能接收", await streamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(0, StoredFileCount());
    }

    [Fact]
    public async Task A_wrong_query_code_is_not_found_and_ten_failures_block_the_case_number_even_with_the_right_code()
    {
        var (number, code) = Receipt(await (await ApplyAsync(_host.Client, Valid())).Content.ReadAsStringAsync());
        var ok = await TrackAsync(_host.Client, number, code.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("no-store", ok.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var okHtml = await ok.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-state\">已登记，待确认<", okHtml, StringComparison.Ordinal);
        Assert.Contains("待受理机关确认", okHtml, StringComparison.Ordinal);

        for (var i = 0; i < 10; i++)
        {
            var wrong = await TrackAsync(_host.Client, number, "ZZZZ2222");
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
            Assert.Contains(TrackApplication.NotFoundMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var blocked = await TrackAsync(_host.Client, number, code);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var blockedHtml = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("查询失败次数过多", blockedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"case-state\"", blockedHtml, StringComparison.Ordinal);

        var unknown = await TrackAsync(_host.Client, "不存在的编号", code);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(TrackApplication.NotFoundMessage, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_tracking_form_names_the_missing_fields()
    {
        var response = await TrackAsync(_host.Client, string.Empty, string.Empty);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<li><a href=\"#CaseNumber\">请填写受理编号。</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"QueryCode-error\">请填写查询码。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_sent_from_the_tracking_page_restarts_the_clock_and_the_case_is_processed()
    {
        var (number, code) = Receipt(await (await ApplyAsync(_host.Client, Valid())).Content.ReadAsStringAsync());
        var today = new DateOnly(2026, 11, 27);
        await AsOperatorAsync(async (db, perform) =>
        {
            var app = await db.Applications.AsNoTracking().SingleAsync(a => a.CaseNumber == number);
            var confirmed = await perform.ExecuteAsync(app.Id, app.Version, new ConfirmReceiptStep(today));
            await perform.ExecuteAsync(app.Id, confirmed.Version, new RequestCorrectionStep(today, new DateOnly(2026, 12, 11), "请写明文件的名称或文号。\n<b>不要</b>只写“有关文件”。"));
        });

        // Five days later (Wednesday 2 December 2026) the applicant looks the case up and answers.
        _host.Database.Clock.Advance(TimeSpan.FromDays(5));
        var status = await (await TrackAsync(_host.Client, number, code)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-state\">待补正<", status, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"correction-notice\"", status, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;不要&lt;/b&gt;", status, StringComparison.Ordinal);
        Assert.Contains("2026年12月11日", status, StringComparison.Ordinal);
        Assert.Contains($"name=\"QueryCode\" value=\"{code}\"", status, StringComparison.Ordinal);

        var empty = await PostCorrectionAsync(status, string.Empty, []);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写补正内容或上传补正材料。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await PostCorrectionAsync(status, "《关于2024年义务教育阶段学校名单的通知》（昆教发〔2024〕12号）", [("通知.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3])]);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var html = await done.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"correction-saved\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"case-state\">办理中<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"due-date\">2026年12月30日<", html, StringComparison.Ordinal);
        Assert.Contains("起算日 2026-12-02", html, StringComparison.Ordinal);
        Assert.Contains("申请人在网上提交补正材料（2026-12-02）", html, StringComparison.Ordinal);
        Assert.Contains("<li>通知.png</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"correction-notice\"", html, StringComparison.Ordinal);

        // The same correction form sent again is applied once.
        var again = await PostCorrectionAsync(status, "《关于2024年义务教育阶段学校名单的通知》（昆教发〔2024〕12号）", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await QueryAsync(db => db.ApplicationEvents.CountAsync(e => e.Kind == CaseEvents.ApplicantCorrected)));
        var record = await QueryAsync(db => db.Applications.SingleAsync(a => a.CaseNumber == number));
        Assert.Equal(CaseState.Processing, record.State);
        Assert.Equal(new DateOnly(2026, 12, 30), record.DueDate);
    }

    [Fact]
    public async Task The_status_page_shows_the_decision_its_legal_basis_the_holding_agency_the_service_and_every_visible_step()
    {
        var (number, code) = Receipt(await (await ApplyAsync(_host.Client, Valid())).Content.ReadAsStringAsync());
        var today = new DateOnly(2026, 11, 27);
        await AsOperatorAsync(async (db, perform) =>
        {
            var app = await db.Applications.AsNoTracking().SingleAsync(a => a.CaseNumber == number);
            var step = await perform.ExecuteAsync(app.Id, app.Version, new ConfirmReceiptStep(today));
            step = await perform.ExecuteAsync(app.Id, step.Version, new AcceptStep());
            var processing = await TrackAsync(_host.Client, number, code);
            Assert.Contains("data-testid=\"due-date\">2026年12月25日<", await processing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            step = await perform.ExecuteAsync(app.Id, step.Version, new DecideStep(DecisionType.NotHeld, today, "经检索，本机关未制作该名单。", "包头市教育局"));
            await perform.ExecuteAsync(app.Id, step.Version, new ServeStep(today, Data.Cases.ServiceMethod.Electronic, "电子邮件已发送"));
        });

        var html = await (await TrackAsync(_host.Client, number, code)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"case-state\">已送达<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"decision\">无法提供（本机关不掌握相关政府信息）<", html, StringComparison.Ordinal);
        Assert.Contains("第三十六条第四项、第五项", html, StringComparison.Ordinal);
        Assert.Contains("<dd>包头市教育局</dd>", html, StringComparison.Ordinal);
        Assert.Contains("经检索，本机关未制作该名单。", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"received\">2026年11月27日<", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"due-date\"", html, StringComparison.Ordinal);
        Assert.Contains("确认收到申请，收到申请之日为 2026-11-27", html, StringComparison.Ordinal);
        Assert.DoesNotContain("测试办理人", html, StringComparison.Ordinal); // staff names are not shown to the applicant
    }

    [Fact]
    public async Task A_correction_with_a_wrong_code_in_its_hidden_field_is_not_found_and_counts_as_a_failed_guess()
    {
        var (number, _) = Receipt(await (await ApplyAsync(_host.Client, Valid())).Content.ReadAsStringAsync());
        var page = await _host.Client.GetStringAsync("/Chaxun");
        var fields = new Dictionary<string, string> { ["CaseNumber"] = number, ["QueryCode"] = "ZZZZ2222", ["Reply"] = "补正", ["FormKey"] = new string('a', 32) };
        using var content = Multipart(fields, [], page);
        var response = await _host.Client.PostAsync(new Uri("/Chaxun?handler=Correct", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(TrackApplication.NotFoundMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.ApplicationEvents.CountAsync(e => e.Kind == CaseEvents.ApplicantCorrected)));
    }

    private static Dictionary<string, string> Valid() => new()
    {
        ["Type"] = "InformationDisclosure",
        ["ApplicantType"] = "NaturalPerson",
        ["ApplicantName"] = "赵小明",
        ["IdDocumentType"] = "ResidentIdCard",
        ["IdNumber"] = "11010519491231002X",
        ["Phone"] = "13912345678",
        ["Email"] = "zhao@example.cn",
        ["Address"] = "包头市昆都仑区钢铁大街 1 号",
        ["PostalCode"] = "014010",
        ["Description"] = "请提供 2024 年本区义务教育阶段学校名单。",
        ["ProvisionForm"] = "Email",
        ["DeliveryMethod"] = "Electronic",
    };

    private async Task<HttpResponseMessage> ApplyAsync(HttpClient client, Dictionary<string, string> fields, (string Name, byte[] Bytes)[]? files = null)
    {
        var page = await client.GetStringAsync("/Shenqing");
        return await PostApplyAsync(client, page, fields, files ?? [("身份证.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2])]);
    }

    private static async Task<HttpResponseMessage> PostApplyAsync(HttpClient client, string page, Dictionary<string, string> fields, (string Name, byte[] Bytes)[]? files = null)
    {
        var all = new Dictionary<string, string>(fields) { ["FormKey"] = FormKeyPattern().Match(page).Groups[1].Value };
        if (!all.ContainsKey("AgencyId"))
        {
            all["AgencyId"] = AgencyOption(page, Agency);
        }

        using var content = Multipart(all, files ?? [], page);
        return await client.PostAsync(new Uri("/Shenqing", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> TrackAsync(HttpClient client, string number, string code)
    {
        var page = await client.GetStringAsync("/Chaxun");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CaseNumber"] = number,
            ["QueryCode"] = code,
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["__formStarted"] = WebHost.FormStarted(page),
        });
        return await client.PostAsync(new Uri("/Chaxun", UriKind.Relative), form);
    }

    /// <summary>Posts the correction form found on a status page, with its hidden fields as the page wrote them.</summary>
    private async Task<HttpResponseMessage> PostCorrectionAsync(string statusPage, string reply, (string Name, byte[] Bytes)[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["CaseNumber"] = HiddenPattern("CaseNumber").Match(statusPage).Groups[1].Value,
            ["QueryCode"] = HiddenPattern("QueryCode").Match(statusPage).Groups[1].Value,
            ["FormKey"] = FormKeyPattern().Match(statusPage).Groups[1].Value,
            ["Reply"] = reply,
        };
        Assert.Contains("action=\"/Chaxun?handler=Correct\"", statusPage, StringComparison.Ordinal);
        using var content = Multipart(fields, files, statusPage);
        return await _host.Client.PostAsync(new Uri("/Chaxun?handler=Correct", UriKind.Relative), content);
    }

    private static MultipartFormDataContent Multipart(Dictionary<string, string> fields, (string Name, byte[] Bytes)[] files, string? page = null)
    {
        var content = new MultipartFormDataContent();
        if (page is not null)
        {
            content.Add(new StringContent(WebHost.Antiforgery(page), Encoding.UTF8), "__RequestVerificationToken");
            content.Add(new StringContent(WebHost.FormStarted(page), Encoding.UTF8), "__formStarted");
        }

        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), key);
        }

        foreach (var (name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Attachments", name);
        }

        return content;
    }

    private static (string Number, string Code) Receipt(string html)
    {
        var number = Regex.Match(html, "data-testid=\"case-number\">([^<]+)<").Groups[1].Value;
        var code = Regex.Match(html, "data-testid=\"query-code\">([^<]+)<").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(number), "no receipt in the page");
        Assert.False(string.IsNullOrEmpty(code), "no query code in the page");
        return (System.Net.WebUtility.HtmlDecode(number), code);
    }

    private static string AgencyOption(string page, string name)
    {
        var id = Regex.Match(page, $"<option value=\"(\\d+)\">{Regex.Escape(name)}</option>").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), $"{name} is not offered");
        return id;
    }

    private static Regex HiddenPattern(string name) => new($"type=\"hidden\" name=\"{name}\" value=\"([^\"]*)\"");

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    private async Task AsOperatorAsync(Func<GongkaiDbContext, PerformCaseStep, Task> work)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试办理人");
        await work(scope.ServiceProvider.GetRequiredService<GongkaiDbContext>(), scope.ServiceProvider.GetRequiredService<PerformCaseStep>());
    }

    /// <summary>Files stored since the demo was loaded (the demo keeps its seal image in the store).</summary>
    private int StoredFileCount()
    {
        var root = ((DiskFileStore)_host.App.Services.GetRequiredService<IFileStore>()).Root;
        var all = Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
        return all - DemoFiles;
    }

    private const int DemoFiles = 1;

    /// <summary>A body sent without a declared length (chunked), as a script might send it.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly HttpContent _inner;

        public UnsizedContent(HttpContent inner)
        {
            _inner = inner;
            Headers.ContentType = inner.Headers.ContentType;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [GeneratedRegex("<input[^>]* id=\"([^\"]+)\"")]
    private static partial Regex InputIdPattern();

    [GeneratedRegex("name=\"FormKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FormKeyPattern();
}
