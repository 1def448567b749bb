using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The staff pages for applications, as a browser without JavaScript uses them.</summary>
public sealed partial class ApplicationPagesTests : IAsyncLifetime
{
    private const string IdNumber = "11010519491231002X";
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_queue_lists_the_cases_of_the_users_own_agencies_and_pages_through_them()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        for (var i = 1; i <= 21; i++)
        {
            var created = await RegisterAsync(clerk, $"申请人{i:00}", channel: i == 1 ? "Email" : "InPerson");
            Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        }

        var first = await clerk.GetStringAsync("/Admin/Applications");
        Assert.Contains("共 21 件，第 1 / 2 页", first, StringComparison.Ordinal);
        Assert.Equal(20, RowCount(first));
        Assert.Contains("href=\"/Admin/Applications?p=2\"", first, StringComparison.Ordinal);
        Assert.Contains("139****5678", first, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", first, StringComparison.Ordinal);

        var second = await clerk.GetStringAsync("/Admin/Applications?p=2");
        Assert.Equal(1, RowCount(second));
        Assert.Contains("上一页", second, StringComparison.Ordinal);

        // The e-mailed one waits for confirmation: its own queue, and no deadline yet.
        var waiting = await clerk.GetStringAsync("/Admin/Applications?queue=AwaitingConfirmation");
        Assert.Equal(1, RowCount(waiting));
        Assert.Contains("申请人01", waiting, StringComparison.Ordinal);
        Assert.Contains("未起算", waiting, StringComparison.Ordinal);

        var found = await clerk.GetStringAsync("/Admin/Applications?q=" + Uri.EscapeDataString("申请人07"));
        Assert.Equal(1, RowCount(found));

        var empty = await clerk.GetStringAsync("/Admin/Applications?queue=Overdue");
        Assert.Contains("没有超过答复期限的申请。", empty, StringComparison.Ordinal);

        // Another branch sees none of them.
        using var other = await _host.SignInAsync("zt-cb");
        var theirs = await other.GetStringAsync("/Admin/Applications");
        Assert.Contains("还没有登记任何申请", theirs, StringComparison.Ordinal);
        Assert.DoesNotMatch("申请人[0-9]{2}", theirs);
    }

    [Fact]
    public async Task Intake_shows_errors_beside_the_fields_and_a_double_submit_registers_one_case()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var bad = await RegisterAsync(clerk, string.Empty, phone: "123");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"ApplicantName-error\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Phone-error\">联系电话应为手机号码", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(null));

        var page = await clerk.GetStringAsync("/Admin/Applications/New");
        var key = Hidden(page, "requestKey");
        Assert.Matches("^[0-9A-F]{32}$", key);
        var once = await PostIntakeAsync(clerk, page, key, "王小明");
        var twice = await PostIntakeAsync(clerk, page, key, "王小明");
        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Equal(once.Headers.Location, twice.Headers.Location);
        Assert.Equal(1, await CountAsync("王小明"));
        var detail = await clerk.GetStringAsync(twice.Headers.Location!.OriginalString);
        Assert.Contains("重复提交未再次登记", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_form_moves_the_case_and_a_stale_page_is_refused_with_the_concurrency_message()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var path = (await RegisterAsync(clerk, "李四")).Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("审查中", page, StringComparison.Ordinal);
        var stale = StepForm(page, "AcceptForProcessing");
        Assert.Equal("1", stale["expectedVersion"]);

        var accepted = await PostAsync(clerk, path + "?handler=Step&step=AcceptForProcessing", stale);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var now = await clerk.GetStringAsync(path);
        Assert.Contains("data-testid=\"state\">办理中", now, StringComparison.Ordinal);
        Assert.Contains("已办理：转入办理", now, StringComparison.Ordinal);

        // A head decides on a page opened before the case moved: refused, explained, nothing saved.
        using var head = await _host.SignInAsync("jyj-fz");
        var decide = new Dictionary<string, string>(stale)
        {
            ["Decision"] = nameof(DecisionType.Disclosed),
            ["On"] = "2026-11-27",
            ["Summary"] = "予以公开。",
            ["requestKey"] = "stale-decide",
            ["__RequestVerificationToken"] = await WebHost.TokenAsync(head, path),
        };
        var conflict = await PostAsync(head, path + "?handler=Step&step=Decide", decide);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains("您看到的页面已过期，本次操作未保存", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{path}\" data-testid=\"reload\"", html, StringComparison.Ordinal);
        var (state, version, decision) = await CaseAsync("李四");
        Assert.Equal((CaseState.Processing, 2, (DecisionType?)null), (state, version, decision));

        // With the page as it is now, the decision is taken.
        decide["expectedVersion"] = "2";
        decide["requestKey"] = "fresh-decide";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(head, path + "?handler=Step&step=Decide", decide)).StatusCode);
        Assert.Equal((CaseState.Decided, 3, (DecisionType?)DecisionType.Disclosed), await CaseAsync("李四"));
        var decided = await head.GetStringAsync(path);
        Assert.Contains("《中华人民共和国政府信息公开条例》第三十六条第二项", decided, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"step-Serve\"", decided, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"correct\"", decided, StringComparison.Ordinal); // the head may correct a closed case
    }

    [Fact]
    public async Task Every_step_form_of_a_whole_procedure_posts_what_its_step_needs()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        using var head = await _host.SignInAsync("jyj-fz");
        var path = (await RegisterAsync(clerk, "吴十", channel: "Email")).Headers.Location!.OriginalString;

        async Task StepAsync(HttpClient who, string step, Dictionary<string, string> fields)
        {
            var form = StepForm(await who.GetStringAsync(path), step);
            foreach (var (k, v) in fields)
            {
                form[k] = v;
            }

            var response = await PostAsync(who, $"{path}?handler=Step&step={step}", form);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{step}: {response.StatusCode} {FormError(await response.Content.ReadAsStringAsync())}");
        }

        await StepAsync(clerk, "ConfirmReceipt", new() { ["Confirmed"] = "2026-11-26", ["Note"] = "电话确认。" });
        await StepAsync(clerk, "AcceptForProcessing", []);
        await StepAsync(clerk, "Assign", new() { ["AgencyId"] = SelectedOption(await clerk.GetStringAsync(path), "Assign-AgencyId") });
        await StepAsync(clerk, "StartConsultation", new() { ["Reason"] = "ThirdPartyConsultation", ["Party"] = "某科技有限公司", ["LetterSent"] = "2026-11-26" });
        var consulting = await clerk.GetStringAsync(path);
        Assert.Contains("某科技有限公司", consulting, StringComparison.Ordinal);
        Assert.Contains("暂停中", consulting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"step-EndConsultation\"", consulting, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"step-RecordPayment\"", consulting, StringComparison.Ordinal); // no fee notice outstanding
        await StepAsync(clerk, "EndConsultation", new() { ["Reply"] = "2026-11-27", ["Opinion"] = "同意公开。" });
        await StepAsync(head, "Extend", new() { ["WorkingDays"] = "10", ["Reason"] = "需要调取档案。" });
        await StepAsync(head, "Decide", new() { ["Decision"] = "NotHeld", ["On"] = "2026-11-27", ["Summary"] = "本机关不掌握。", ["HoldingAgency"] = "包头市昆都仑区民政局" });
        await StepAsync(clerk, "Serve", new() { ["On"] = "2026-11-27", ["Method"] = "Postal", ["TrackingNumber"] = "1151234567890", ["Evidence"] = "交邮回执已存档" });
        await StepAsync(clerk, "Archive", []);

        var archived = await head.GetStringAsync(path);
        Assert.Contains("data-testid=\"state\">已归档", archived, StringComparison.Ordinal);
        Assert.Contains("经工作机构负责人批准延长 10 个工作日。", archived, StringComparison.Ordinal);

        // The extension runs into 2027, whose official calendar the demo has not loaded: the due date is provisional.
        Assert.Contains("<span class=\"badge\">临时</span>", archived, StringComparison.Ordinal);
        Assert.Contains("该截止日为临时结果", archived, StringComparison.Ordinal);
        Assert.Contains("该信息由包头市昆都仑区民政局掌握。", archived, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"steps\"", archived, StringComparison.Ordinal);

        // The head corrects the closed record with a reason; the history says what changed.
        var correct = StepForm(archived, "correct", testId: "correct");
        correct["Decision"] = "NotHeld";
        correct["Decided"] = "2026-11-27";
        correct["DecisionSummary"] = "本机关不掌握。";
        correct["HoldingAgency"] = "包头市昆都仑区民政局";
        correct["Served"] = "2026-11-27";
        correct["ServiceMethod"] = "Postal";
        correct["ServiceEvidence"] = "EMS0987654321";
        correct["Reason"] = "邮件号登记错误。";
        var corrected = await PostAsync(head, path + "?handler=Correct", correct);
        Assert.True(corrected.StatusCode == HttpStatusCode.Redirect, FormError(await corrected.Content.ReadAsStringAsync()));
        var history = await head.GetStringAsync(path);
        Assert.Contains("更正办结记录：送达凭证已更正。理由：邮件号登记错误。", history, StringComparison.Ordinal);
        Assert.Contains("EMS0987654321", history, StringComparison.Ordinal);

        // A clerk may not correct a closed record: no form.
        Assert.DoesNotContain("data-testid=\"correct\"", await clerk.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_order_step_shows_the_Chinese_transition_error_and_changes_nothing()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var path = (await RegisterAsync(clerk, "赵六")).Headers.Location!.OriginalString;
        var form = StepForm(await clerk.GetStringAsync(path), "AcceptForProcessing");
        form["On"] = "2026-11-27";
        form["Method"] = nameof(Data.Cases.ServiceMethod.Direct);
        var response = await PostAsync(clerk, path + "?handler=Step&step=Serve", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("申请当前处于“审查中”状态，不能登记送达。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((CaseState.UnderReview, 1, (DecisionType?)null), await CaseAsync("赵六"));

        // A date that is not a date is shown beside its field.
        form["Confirmed"] = "明天";
        var invalid = await PostAsync(clerk, path + "?handler=Step&step=RequestCorrection", form);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var html = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("id=\"RequestCorrection-Deadline-error\">请填写补正期限。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"RequestCorrection-Sent-error\">请填写告知日期。", html, StringComparison.Ordinal);
        Assert.Equal((CaseState.UnderReview, 1, (DecisionType?)null), await CaseAsync("赵六"));
    }

    [Fact]
    public async Task Attachments_download_as_files_and_another_branchs_case_is_not_found()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var created = await RegisterAsync(clerk, "钱七", attachment: ("证明<材料>.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(path);
        var link = WebUtility.HtmlDecode(AttachmentLink().Match(page).Groups[1].Value);
        Assert.StartsWith(path + "?handler=Attachment&file=", link, StringComparison.Ordinal);

        var download = await clerk.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("证明材料.png", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync());

        // The receipt carries the query code, and is not cached.
        var receipt = await clerk.GetAsync(new Uri(path + "/Receipt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        var code = QueryCode().Match(await receipt.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", code);
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Applications.Where(a => a.ApplicantName == "钱七").Select(a => a.QueryCodeProtected).SingleAsync();
            Assert.Equal(scope.ServiceProvider.GetRequiredService<Data.PersonalData.PersonalDataProtector>().Unprotect(stored), code);
        }

        Assert.Contains("no-store", receipt.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // Another branch: the case, its files, its receipt and its steps do not exist.
        using var other = await _host.SignInAsync("zt-cb");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(new Uri(path + "/Receipt", UriKind.Relative))).StatusCode);
        var form = new Dictionary<string, string>
        {
            ["expectedVersion"] = "1",
            ["__RequestVerificationToken"] = await WebHost.TokenAsync(other, "/Admin/Applications"),
        };
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, path + "?handler=Step&step=AcceptForProcessing", form)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, path + "?handler=Reveal", form)).StatusCode);
        Assert.Equal((CaseState.UnderReview, 1, (DecisionType?)null), await CaseAsync("钱七"));

        // An attachment id of another case is not found under this case either.
        var second = (await RegisterAsync(clerk, "孙八")).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync(new Uri(second + link[link.IndexOf('?', StringComparison.Ordinal)..], UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_clerk_reveals_the_full_contact_once_and_the_view_is_audited()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var path = (await RegisterAsync(clerk, "周九")).Headers.Location!.OriginalString;
        var page = await clerk.GetStringAsync(path);
        Assert.Contains("139****5678", page, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, page, StringComparison.Ordinal);
        var revealed = await PostAsync(clerk, path + "?handler=Reveal", new() { ["__RequestVerificationToken"] = WebHost.Antiforgery(page) });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var html = await revealed.Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"id-number\">{IdNumber}<", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"phone\">13912345678<", html, StringComparison.Ordinal);
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "查看申请人完整身份信息"));

        // 政务公开办 supervises without the full numbers: no button, and a direct post is refused.
        using var office = await _host.SignInAsync("gkb");
        var theirs = await office.GetStringAsync(path);
        Assert.DoesNotContain("handler=Reveal", theirs, StringComparison.Ordinal);
        var refused = await PostAsync(office, path + "?handler=Reveal", new() { ["__RequestVerificationToken"] = WebHost.Antiforgery(theirs) });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(IdNumber, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_catalogue_is_shown_to_administrators_only()
    {
        using var admin = await _host.SignInAsync("admin");
        var html = await admin.GetStringAsync("/Admin/Decisions");
        Assert.Contains("部分公开（区分处理）", html, StringComparison.Ordinal);
        Assert.Contains("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", html, StringComparison.Ordinal);
        Assert.Contains("<code>partially_granted</code>", html, StringComparison.Ordinal);
        Assert.Contains("更正申请（条例第四十一条）的答复不计入表三", html, StringComparison.Ordinal);
        Assert.Equal(DecisionCatalog.All.Count, RowCount(html));

        using var office = await _host.SignInAsync("gkb");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync(new Uri("/Admin/Decisions", UriKind.Relative))).StatusCode);
        using var clerk = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Decisions", UriKind.Relative))).StatusCode);
    }

    /// <summary>Opens the intake form and registers an in-person application (or with the given changes).</summary>
    internal static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string name, string channel = "InPerson", string phone = "13912345678", (string Name, byte[] Bytes)? attachment = null)
    {
        var page = await client.GetStringAsync("/Admin/Applications/New");
        return await PostIntakeAsync(client, page, Hidden(page, "requestKey"), name, channel, phone, attachment);
    }

    /// <summary>Posts the intake form of <paramref name="page"/> as a browser would: its token, its agency choice, the request key.</summary>
    private static async Task<HttpResponseMessage> PostIntakeAsync(HttpClient client, string page, string key, string name, string channel = "InPerson", string phone = "13912345678", (string Name, byte[] Bytes)? attachment = null)
    {
        var agency = SelectedAgency().Match(page).Groups[1].Value;
        Assert.NotEmpty(agency);
        using var content = new MultipartFormDataContent();
        foreach (var (field, value) in new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(page),
            ["requestKey"] = key,
            ["AgencyId"] = agency,
            ["Channel"] = channel,
            ["Arrived"] = "2026-11-26",
            ["Type"] = "InformationDisclosure",
            ["ApplicantType"] = "NaturalPerson",
            ["ApplicantName"] = name,
            ["IdDocumentType"] = "ResidentIdCard",
            ["IdNumber"] = IdNumber,
            ["Phone"] = phone,
            ["Description"] = "2025 年本区义务教育阶段学校招生计划。",
            ["ProvisionForm"] = "Paper",
            ["DeliveryMethod"] = "Collect",
        })
        {
            content.Add(new StringContent(value), field);
        }

        if (attachment is { } a)
        {
            var file = new ByteArrayContent(a.Bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "Attachments", a.Name);
        }

        return await client.PostAsync(new Uri("/Admin/Applications/New", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The hidden fields of one step's form (version, request key, antiforgery token).</summary>
    private static Dictionary<string, string> StepForm(string html, string step, string? testId = null)
    {
        var start = html.IndexOf($"data-testid=\"{testId ?? "step-" + step}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"no form for {step}");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["__RequestVerificationToken"] = WebHost.Antiforgery(form);
        return fields;
    }

    private static string FormError(string html) =>
        html.Contains("data-testid=\"form-error\"", StringComparison.Ordinal)
            ? Regex.Replace(html[html.IndexOf("data-testid=\"form-error\"", StringComparison.Ordinal)..][..600], "\\s+", " ")
            : string.Empty;

    /// <summary>The selected (or else first) option of a select, found by one of its ids.</summary>
    private static string SelectedOption(string html, params string[] ids)
    {
        foreach (var id in ids)
        {
            var at = html.IndexOf($"<select id=\"{id}\"", StringComparison.Ordinal);
            if (at >= 0)
            {
                var select = html[at..html.IndexOf("</select>", at, StringComparison.Ordinal)];
                var selected = Regex.Match(select, "<option value=\"([^\"]+)\" selected=\"selected\"");
                return selected.Success ? selected.Groups[1].Value : Regex.Match(select, "<option value=\"([^\"]+)\"").Groups[1].Value;
            }
        }

        throw new InvalidOperationException("no select " + string.Join(", ", ids));
    }

    private static string Hidden(string html, string name) =>
        HiddenInput().Matches(html).First(m => m.Groups["name"].Value == name).Groups["value"].Value;

    private static int RowCount(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return Regex.Count(body, "<tr>");
    }

    private async Task<int> CountAsync(string? name)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        return await db.Applications.CountAsync(a => name == null || a.ApplicantName == name);
    }

    private async Task<(CaseState State, int Version, DecisionType? Decision)> CaseAsync(string name)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var a = await db.Applications.AsNoTracking().SingleAsync(a => a.ApplicantName == name);
        return (a.State, a.Version, a.Decision);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("<select id=\"AgencyId\"[^>]*>\\s*<option value=\"(\\d+)\" selected=\"selected\"")]
    private static partial Regex SelectedAgency();

    [GeneratedRegex("data-testid=\"query-code\">([^<]*)<")]
    private static partial Regex QueryCode();

    [GeneratedRegex("<a href=\"([^\"]*handler=Attachment[^\"]*)\"")]
    private static partial Regex AttachmentLink();
}
