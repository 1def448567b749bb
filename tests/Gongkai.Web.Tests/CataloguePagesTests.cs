using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>The catalogue pages (公开信息 in the back office, /Xinxi for the public), as a browser without JavaScript uses them.</summary>
public sealed partial class CataloguePagesTests : IAsyncLifetime
{
    public const string Education = "包头市昆都仑区教育局";

    private WebHost _host = null!;

    // With the portal's output cache on, as in production: publishing and withdrawing must empty it.
    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>(WebHost.DemoWithoutApplications) { ["Gongkai:Portal:CacheSeconds"] = "30" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>A 居民身份证号 with a valid check digit (made up), which the personal-data check blocks by default.</summary>
    public static string IdNumber(string first17 = "15020319800101123")
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    [Fact]
    public async Task The_list_and_editor_render_for_catalogue_staff_and_refuse_others()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var list = await clerk.GetStringAsync("/Admin/Catalogue");
        Assert.Contains("还没有公开信息", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Catalogue\" aria-current=\"page\"", list, StringComparison.Ordinal);
        var editor = await clerk.GetStringAsync("/Admin/Catalogue/New");
        Assert.Contains(Education, editor, StringComparison.Ordinal);
        Assert.Contains("（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况", editor, StringComparison.Ordinal);
        Assert.Contains("社会救助", editor, StringComparison.Ordinal);

        using var reviewer = await _host.SignInAsync("jyj-sh");
        Assert.Contains("data-testid=\"not-author\"", await reviewer.GetStringAsync("/Admin/Catalogue/New"), StringComparison.Ordinal);

        using var admin = await _host.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(new Uri("/Admin/Catalogue", UriKind.Relative))).StatusCode);
        Assert.Contains("暂无已发布的信息", await _host.Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_another_unit_for_a_new_item_refreshes_its_article_21_choices_and_keeps_what_was_typed()
    {
        using var office = await _host.SignInAsync("gkb");
        var editor = await office.GetStringAsync("/Admin/Catalogue/New");
        Assert.Contains("（设区的市级、县级人民政府及其部门）", editor, StringComparison.Ordinal);
        Assert.DoesNotContain(">宅基地使用情况审核</option>", editor, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"refresh-unit\"", editor, StringComparison.Ordinal);
        var township = Regex.Match(editor, "<option value=\"(\\d+)\"[^>]*>(?:&#x3000;)*包头市昆都仑区昆河镇人民政府</option>").Groups[1].Value;
        Assert.NotEqual(string.Empty, township);

        var refreshed = await PostAsync(office, "/Admin/Catalogue/New?handler=Search", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(editor),
            ["AgencyId"] = township,
            ["Title"] = "昆河镇2026年宅基地使用审核结果公示",
            ["Summary"] = "公示审核结果。",
        });
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var page = await refreshed.Content.ReadAsStringAsync();
        Assert.Contains("（乡（镇）人民政府）", page, StringComparison.Ordinal);
        Assert.Contains(">宅基地使用情况审核</option>", page, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{township}\" selected=\"selected\">", page);
        Assert.Contains("value=\"昆河镇2026年宅基地使用审核结果公示\"", page, StringComparison.Ordinal);
        Assert.Contains("公示审核结果。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"error\"", page, StringComparison.Ordinal);
        await using var scope = _host.App.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().CatalogueItems.AnyAsync(i => i.Title.Contains("宅基地")), "refreshing the choices saves nothing");
    }

    [Fact]
    public async Task An_item_is_blocked_by_personal_data_fixed_submitted_with_a_warning_reviewed_proofread_published_revised_and_withdrawn()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var editor = await clerk.GetStringAsync("/Admin/Catalogue/New");
        var agency = Regex.Match(editor, "<option value=\"(\\d+)\"[^>]*>(?:&#x3000;)*包头市昆都仑区教育局</option>").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(editor),
            ["requestKey"] = "new-item-1",
            ["AgencyId"] = agency,
            ["Kind"] = "Information",
            ["Title"] = "关于2026年秋季学期义务教育招生入学的通知",
            ["Summary"] = "公布招生入学的时间和材料。",
            ["Body"] = "各位家长：\n联系人身份证号 " + IdNumber() + "。\n请按时报名。",
            ["Formed"] = "2026-11-20",
            ["Directory"] = "Statutory",
            ["Article20Item"] = "11",
            ["Attribute"] = "Proactive",
        };

        // A missing title is refused beside the field, with what was typed kept.
        var bad = await PostAsync(clerk, "/Admin/Catalogue/New", new(fields) { ["Title"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Title-error\"", badPage, StringComparison.Ordinal);
        Assert.Contains("公布招生入学的时间和材料。", badPage, StringComparison.Ordinal);

        var created = await PostAsync(clerk, "/Admin/Catalogue/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(created.Headers.Location, (await PostAsync(clerk, "/Admin/Catalogue/New", fields)).Headers.Location);
        var edit = created.Headers.Location!.OriginalString;
        var id = Regex.Match(edit, "/Admin/Catalogue/(\\d+)/Edit").Groups[1].Value;
        var path = $"/Admin/Catalogue/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri($"/Xinxi/{id}", UriKind.Relative))).StatusCode);

        // Without JavaScript the findings show beside the field after saving; the live check answers in JSON.
        var saved = await clerk.GetStringAsync(edit);
        Assert.Matches("data-testid=\"findings-Body\"[^>]*>\\s*<ul class=\"findings\">\\s*<li class=\"finding error\" data-kind=\"PersonalData\"", saved);
        var live = await PostAsync(clerk, edit + "?handler=Check", new() { ["__RequestVerificationToken"] = WebHost.Antiforgery(saved), ["Title"] = "再接再励", ["Body"] = "无" });
        using (var json = System.Text.Json.JsonDocument.Parse(await live.Content.ReadAsStringAsync()))
        {
            var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
            Assert.Equal("Title", finding.GetProperty("field").GetString());
            Assert.Equal("再接再厉", finding.GetProperty("suggestion").GetString());
            Assert.False(finding.GetProperty("blocking").GetBoolean());
        }

        // Submission is refused with the blocking finding by field.
        var blocked = await PostAsync(clerk, path + "?handler=Submit", FormFields(await clerk.GetStringAsync(path), "form-Submit"));
        Assert.Equal(HttpStatusCode.BadRequest, blocked.StatusCode);
        var blockedPage = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"blocked-Body\"", blockedPage, StringComparison.Ordinal);
        Assert.Contains("个人信息", blockedPage, StringComparison.Ordinal);

        // One-click fix without JavaScript: the masked form replaces the number in the form (not saved).
        var form = EditorFields(saved);
        var start = Regex.Match(saved, "name=\"fix\" value=\"Body:(\\d+)\"").Groups[1].Value;
        var fixedPage = await (await PostAsync(clerk, edit + "?handler=Fix", new(form) { ["fix"] = "Body:" + start })).Content.ReadAsStringAsync();
        Assert.Contains("尚未保存", fixedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber(), fixedPage, StringComparison.Ordinal);

        // Fixed, with a 不规范表述 (a warning): submission passes and records the warning for the reviewers.
        form["Body"] = "各位家长：\n请按时报名，再接再励。";
        var submitted = await PostAsync(clerk, edit + "?handler=Submit", form);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var detail = await clerk.GetStringAsync(path);
        Assert.Contains("1 处提示", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"submitted-check\"", detail, StringComparison.Ordinal);
        Assert.Contains("待初审", detail, StringComparison.Ordinal);

        // 初审 by the reviewer; the same reviewer may not also do 复审 (the note says so, and a post is refused).
        await StepAsync("jyj-sh", path, "approve", "语言规范。");
        using var reviewer = await _host.SignInAsync("jyj-sh");
        var second = await reviewer.GetStringAsync(path);
        Assert.Contains("data-testid=\"separation-note\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"form-Review\"", second, StringComparison.Ordinal);
        var refused = await PostAsync(reviewer, path + "?handler=Review", new() { ["__RequestVerificationToken"] = WebHost.Antiforgery(second), ["expectedVersion"] = await ItemVersionAsync(id), ["requestKey"] = "sep", ["atStage"] = "SecondReview", ["decision"] = "approve" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("同一人不能承担", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await StepAsync("jyj-fz", path, "approve", null);

        // 终审: a return needs a comment; a stale page is refused with 409; a double submit acts once.
        using var office = await _host.SignInAsync("gkb");
        var final = await office.GetStringAsync(path);
        var finalForm = FormFields(final, "form-Review");
        var noComment = await PostAsync(office, path + "?handler=Review", new(finalForm) { ["decision"] = "return" });
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Contains("退回时请写明需要修改的地方", await noComment.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Review", new(finalForm) { ["decision"] = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Review", new(finalForm) { ["decision"] = "approve" })).StatusCode);
        var stale = await PostAsync(office, path + "?handler=Review", new(finalForm) { ["decision"] = "approve", ["requestKey"] = "another", ["atStage"] = "Proofreading" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("页面已过期", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("第 1 轮，共 3 轮", await office.GetStringAsync(path), StringComparison.Ordinal);

        for (var round = 1; round <= 3; round++)
        {
            await StepAsync("jyj-cb", path, "approve", round == 3 ? "已校对。" : null);
        }

        // 发布: numbered by 统一社会信用代码 (the national pattern) but without one, the 索引号 cannot be made and the publisher is told so.
        await SetCreditCodeAsync(null);
        var ready = await office.GetStringAsync(path);
        Assert.Contains("待发布", ready, StringComparison.Ordinal);
        var noCode = await PostAsync(office, path + "?handler=Publish", new(FormFields(ready, "form-Publish")) { ["when"] = "now" });
        Assert.Equal(HttpStatusCode.BadRequest, noCode.StatusCode);
        Assert.Contains("尚未填写统一社会信用代码", await noCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await SetCreditCodeAsync("11150203MB0000000X");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Publish", new(FormFields(ready, "form-Publish")) { ["when"] = "now" })).StatusCode);
        var published = await office.GetStringAsync(path);
        var index = Regex.Match(published, "data-testid=\"index-number\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("11150203MB0000000X/2026-", index, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(published, "<tr data-kind=\"approved\"").Count);
        Assert.Single(Regex.Matches(published, "<tr data-kind=\"published\""));

        var sheet = await office.GetStringAsync(path + "/Print");
        foreach (var text in new[] { "初审", "复审", "终审", "第 3 轮校对", "刘洋", "陈静", "王芳", "张敏", "语言规范。" })
        {
            Assert.Contains(text, sheet, StringComparison.Ordinal);
        }

        var publicPage = await _host.Client.GetStringAsync($"/Xinxi/{id}");
        Assert.Contains(index, publicPage, StringComparison.Ordinal);
        Assert.Contains("<p>请按时报名，再接再励。</p>", publicPage, StringComparison.Ordinal);
        Assert.Contains("（十一）扶贫、教育", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("修订记录", publicPage, StringComparison.Ordinal);
        Assert.Contains("关于2026年秋季学期义务教育招生入学的通知", await _host.Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);

        // Published through the workflow, the item is found by the site search at once (the index commits with it).
        Assert.Contains($"href=\"/Xinxi/{id}\"", await _host.Client.GetStringAsync("/Sousuo?q=" + Uri.EscapeDataString("义务教育 招生")), StringComparison.Ordinal);

        // 修订: a new version goes through the steps again; the public page shows the 修订记录 and keeps the first version.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, path + "?handler=Revise", new(FormFields(await clerk.GetStringAsync(path), "form-Revise")) { ["comment"] = "更正报名时间。" })).StatusCode);
        var revising = await clerk.GetStringAsync(edit);
        var revised = EditorFields(revising);
        revised["Body"] = "各位家长：\n请于12月1日前报名，再接再厉。";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, edit + "?handler=Submit", revised)).StatusCode);
        Assert.Contains("<p>请按时报名，再接再励。</p>", await _host.Client.GetStringAsync($"/Xinxi/{id}"), StringComparison.Ordinal);
        await StepAsync("jyj-sh", path, "approve", null);
        await StepAsync("jyj-fz", path, "approve", null);
        await StepAsync("gkb", path, "approve", null);
        for (var round = 1; round <= 3; round++)
        {
            await StepAsync("jyj-cb", path, "approve", null);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Publish", new(FormFields(await office.GetStringAsync(path), "form-Publish")) { ["when"] = "now" })).StatusCode);
        var second2 = await _host.Client.GetStringAsync($"/Xinxi/{id}");
        Assert.Contains("修订记录", second2, StringComparison.Ordinal);
        Assert.Contains("更正报名时间。", second2, StringComparison.Ordinal);
        Assert.Contains("请于12月1日前报名", second2, StringComparison.Ordinal);
        Assert.Contains(index, second2, StringComparison.Ordinal);
        var first = await _host.Client.GetStringAsync($"/Xinxi/{id}/v/1");
        Assert.Contains("data-testid=\"old-version\"", first, StringComparison.Ordinal);
        Assert.Contains("请按时报名", first, StringComparison.Ordinal);

        // 撤回: the address shows the reason instead of the text.
        var withdrawForm = FormFields(await office.GetStringAsync(path), "form-Withdraw");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(office, path + "?handler=Withdraw", new(withdrawForm) { ["comment"] = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(office, path + "?handler=Withdraw", new(withdrawForm) { ["comment"] = "招生政策调整，另行发布。" })).StatusCode);
        var tombstone = await _host.Client.GetStringAsync($"/Xinxi/{id}");
        Assert.Contains("该信息已撤回", tombstone, StringComparison.Ordinal);
        Assert.Contains("招生政策调整，另行发布。", tombstone, StringComparison.Ordinal);
        Assert.Contains(index, tombstone, StringComparison.Ordinal);
        Assert.DoesNotContain("请于12月1日前报名", tombstone, StringComparison.Ordinal);
        Assert.Contains("暂无已发布的信息", await _host.Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_settings_keep_the_proofreading_rounds_a_submission_then_needs()
    {
        using var office = await _host.SignInAsync("gkb");
        var checks = await office.GetStringAsync("/Admin/Checks");
        var agency = Regex.Match(checks, "<option value=\"(\\d+)\" selected").Groups[1].Value;
        using (var content = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(checks)), "__RequestVerificationToken" },
            { new StringContent(agency), "agency" },
            { new StringContent(Regex.Match(checks, "name=\"expectedVersion\" value=\"(\\d+)\"").Groups[1].Value), "expectedVersion" },
            { new StringContent("true"), "personalDataBlocks" },
            { new StringContent("4"), "proofreadingRounds" },
            { new StringContent("true"), "printReviewerNames" },
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Checks", UriKind.Relative), content)).StatusCode);
        }

        var saved = await office.GetStringAsync("/Admin/Checks?agency=" + agency);
        Assert.Contains("name=\"proofreadingRounds\" type=\"number\" min=\"3\" max=\"9\" value=\"4\"", saved, StringComparison.Ordinal);
        Assert.Matches("id=\"printReviewerNames\"[^>]*checked", saved);

        // The district's own item: drafted and submitted by the office, reviewed by others, four rounds, published tomorrow.
        var editor = await office.GetStringAsync("/Admin/Catalogue/New?agency=" + agency);
        var created = await PostAsync(office, "/Admin/Catalogue/New?handler=Submit", new()
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(editor),
            ["requestKey"] = "district-1",
            ["AgencyId"] = agency,
            ["Kind"] = "Information",
            ["Title"] = "昆都仑区2026年第四季度重点工作安排",
            ["Body"] = "一、做好冬季供暖保障。",
            ["Formed"] = "2026-11-25",
            ["Directory"] = "Statutory",
            ["Article20Item"] = "3",
            ["Attribute"] = "Proactive",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var id = path[(path.LastIndexOf('/') + 1)..];
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var item = await db.CatalogueItems.SingleAsync(i => i.Id == int.Parse(id, CultureInfo.InvariantCulture));
            Assert.Equal(4, item.ProofreadingRounds);
            var district = await db.Agencies.SingleAsync(a => a.Id == item.AgencyId);
            district.CreditCode = "11150203MB1111111X";
            await db.SaveChangesAsync();
        }

        // The district's 发布员 does 初审 and the office 复审; the office may not then also do 终审.
        await StepAsync("fabu", path, "approve", null);
        await StepAsync("gkb", path, "approve", null);
        Assert.Contains("data-testid=\"separation-note\"", await office.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheduled_publication_is_hidden_until_its_time()
    {
        using var office = await _host.SignInAsync("gkb");
        await SetCreditCodeAsync("11150203MB0000000X");
        var editor = await office.GetStringAsync("/Admin/Catalogue/New");
        var agency = Regex.Match(editor, "<option value=\"(\\d+)\"[^>]*>(?:&#x3000;)*包头市昆都仑区教育局</option>").Groups[1].Value;
        Assert.NotEmpty(agency);
        var created = await PostAsync(office, "/Admin/Catalogue/New?handler=Submit", new()
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(editor),
            ["requestKey"] = "scheduled-1",
            ["AgencyId"] = agency,
            ["Title"] = "寒假安全提示",
            ["Body"] = "注意防火。",
            ["Formed"] = "2026-11-26",
            ["Directory"] = "Statutory",
            ["Article20Item"] = "11",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var id = path[(path.LastIndexOf('/') + 1)..];
        await StepAsync("jyj-sh", path, "approve", null);
        await StepAsync("jyj-fz", path, "approve", null);
        await StepAsync("gkb", path, "approve", null);
        for (var round = 1; round <= 3; round++)
        {
            await StepAsync("jyj-cb", path, "approve", null);
        }

        var ready = await office.GetStringAsync(path);
        var badTime = await PostAsync(office, path + "?handler=Publish", new(FormFields(ready, "form-Publish")) { ["when"] = "at", ["at"] = "明天" });
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.Contains("id=\"Publish-at-error\"", await badTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var scheduled = await PostAsync(office, path + "?handler=Publish", new(FormFields(ready, "form-Publish")) { ["when"] = "at", ["at"] = "2026-11-28T09:00" });
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains("已定于 2026-11-28 09:00 发布", await office.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri($"/Xinxi/{id}", UriKind.Relative))).StatusCode);
        _host.Database.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Contains("寒假安全提示", await _host.Client.GetStringAsync($"/Xinxi/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answered_disclosed_application_is_proposed_for_proactive_disclosure_once_and_the_item_links_back()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var created = await ApplicationPagesTests.RegisterAsync(clerk, "转主动公开测试");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var appPath = created.Headers.Location!.OriginalString;
        Assert.DoesNotContain("data-testid=\"form-Propose\"", await clerk.GetStringAsync(appPath), StringComparison.Ordinal);

        // Answered and served with 予以公开 (set directly: the steps themselves are tested with the case pages).
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var appId = long.Parse(appPath[(appPath.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
            var app = await db.Applications.SingleAsync(a => a.Id == appId);
            app.Decision = Gongkai.Core.Cases.DecisionType.Disclosed;
            app.Decided = new DateOnly(2026, 11, 20);
            app.Served = new DateOnly(2026, 11, 23);
            app.DecisionSummary = "提供2026年学区划分方案。";
            await db.SaveChangesAsync();
        }

        var page = await clerk.GetStringAsync(appPath);
        var form = FormFields(page, "form-Propose");
        var bad = await PostAsync(clerk, appPath + "?handler=Propose", new(form) { ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"Propose-reason-error\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var proposed = await PostAsync(clerk, appPath + "?handler=Propose", new(form) { ["reason"] = "多人申请相同信息。" });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var itemPath = proposed.Headers.Location!.OriginalString;
        Assert.StartsWith("/Admin/Catalogue/", itemPath, StringComparison.Ordinal);
        var item = await clerk.GetStringAsync(itemPath);
        Assert.Contains("data-testid=\"source-application\"><a href=\"" + appPath + "\"", item, StringComparison.Ordinal);
        Assert.Contains("多人申请相同信息。", item, StringComparison.Ordinal);
        Assert.Contains("提供2026年学区划分方案。", item, StringComparison.Ordinal);

        var after = await clerk.GetStringAsync(appPath);
        Assert.DoesNotContain("data-testid=\"form-Propose\"", after, StringComparison.Ordinal);
        Assert.Contains("<a href=\"" + itemPath + "\" data-testid=\"proposed-link\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_takes_attachments_and_an_interpretation_links_to_the_document_it_explains_both_ways()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        var editor = await clerk.GetStringAsync("/Admin/Catalogue/New");
        var agency = Regex.Match(editor, "<option value=\"(\\d+)\"[^>]*>(?:&#x3000;)*包头市昆都仑区教育局</option>").Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(editor),
            ["requestKey"] = "doc-1",
            ["AgencyId"] = agency,
            ["Title"] = "昆都仑区学前教育资助办法",
            ["Body"] = "第一条 为资助学前教育，制定本办法。",
            ["Formed"] = "2026-11-20",
            ["Directory"] = "Statutory",
            ["Article20Item"] = "1",
        };
        var docEdit = (await PostAsync(clerk, "/Admin/Catalogue/New", fields)).Headers.Location!.OriginalString;
        var docId = Regex.Match(docEdit, "/(\\d+)/Edit").Groups[1].Value;

        // Attachments: a PDF is added and listed; removing it takes it off again; a text file is refused beside the field.
        var page = await clerk.GetStringAsync(docEdit);
        using (var upload = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(page, "name=\"expectedVersion\" value=\"(\\d+)\"").Groups[1].Value), "expectedVersion" },
            { new ByteArrayContent("%PDF-1.4\n%测试\n"u8.ToArray()), "file", "资助申请表.pdf" },
        })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await clerk.PostAsync(new Uri(docEdit + "?handler=Attach", UriKind.Relative), upload)).StatusCode);
        }

        page = await clerk.GetStringAsync(docEdit);
        Assert.Contains("资助申请表.pdf", page, StringComparison.Ordinal);
        using (var text = new MultipartFormDataContent
        {
            { new StringContent(WebHost.Antiforgery(page)), "__RequestVerificationToken" },
            { new StringContent(Regex.Match(page, "name=\"expectedVersion\" value=\"(\\d+)\"").Groups[1].Value), "expectedVersion" },
            { new ByteArrayContent("纯文本"u8.ToArray()), "file", "说明.txt" },
        })
        {
            var refused = await clerk.PostAsync(new Uri(docEdit + "?handler=Attach", UriKind.Relative), text);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("id=\"File-error\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var download = await clerk.GetAsync(new Uri(Regex.Match(page, "href=\"(/Admin/Catalogue/\\d+\\?handler=File&amp;attachmentId=\\d+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var remove = Regex.Match(page, "action=\"[^\"]*handler=RemoveAttachment\"[^>]*>(?<form>.*?)</form>", RegexOptions.Singleline).Groups["form"].Value;
        var removeFields = Hidden().Matches(remove).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        removeFields["__RequestVerificationToken"] = WebHost.Antiforgery(page);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(clerk, docEdit + "?handler=RemoveAttachment", removeFields)).StatusCode);
        Assert.Contains("还没有附件", await clerk.GetStringAsync(docEdit), StringComparison.Ordinal);

        // A 政策解读 found by searching for the document's title, linked to it.
        var newPage = await clerk.GetStringAsync("/Admin/Catalogue/New");
        var interpretation = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebHost.Antiforgery(newPage),
            ["requestKey"] = "interpretation-1",
            ["Kind"] = "Interpretation",
            ["Title"] = "《昆都仑区学前教育资助办法》政策解读",
            ["Body"] = "一、出台背景。",
            ["documentSearch"] = "学前教育资助",
        };
        var search = await (await PostAsync(clerk, "/Admin/Catalogue/New?handler=Search", interpretation)).Content.ReadAsStringAsync();
        Assert.Contains($"id=\"Interprets-{docId}\"", search, StringComparison.Ordinal);
        Assert.Contains("value=\"《昆都仑区学前教育资助办法》政策解读\"", search, StringComparison.Ordinal);
        var missing = await PostAsync(clerk, "/Admin/Catalogue/New", interpretation);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("政策解读须关联所解读的政策文件", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        interpretation["Interprets"] = docId;
        var created = await PostAsync(clerk, "/Admin/Catalogue/New", interpretation);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var interpretationId = Regex.Match(created.Headers.Location!.OriginalString, "/(\\d+)/Edit").Groups[1].Value;
        Assert.Contains($"<a href=\"/Admin/Catalogue/{docId}\">昆都仑区学前教育资助办法</a>", await clerk.GetStringAsync($"/Admin/Catalogue/{interpretationId}"), StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Admin/Catalogue/{interpretationId}\">《昆都仑区学前教育资助办法》政策解读</a>", await clerk.GetStringAsync($"/Admin/Catalogue/{docId}"), StringComparison.Ordinal);
        Assert.Contains("政策解读", await clerk.GetStringAsync("/Admin/Catalogue?q=" + Uri.EscapeDataString("政策解读")), StringComparison.Ordinal);
        Assert.Contains("没有符合条件的信息", await clerk.GetStringAsync("/Admin/Catalogue?state=overdue"), StringComparison.Ordinal);
    }

    /// <summary>Signs <paramref name="user"/> in and approves (or returns) the step the item waits for.</summary>
    private async Task StepAsync(string user, string path, string decision, string? comment)
    {
        using var client = await _host.SignInAsync(user);
        var page = await client.GetStringAsync(path);
        var fields = FormFields(page, "form-Review");
        fields["decision"] = decision;
        fields["comment"] = comment ?? string.Empty;
        var response = await PostAsync(client, path + "?handler=Review", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} {decision}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Gives the bureau the national 索引号 pattern ({统一社会信用代码}/{YYYY}-{NNNNN}) and this code (or none).</summary>
    private async Task SetCreditCodeAsync(string? code)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Name == Education);
        agency.CreditCode = code;
        agency.IndexNumberPattern = Gongkai.Data.Agencies.AgencyRecord.DefaultIndexNumberPattern;
        await db.SaveChangesAsync();
    }

    private async Task<string> ItemVersionAsync(string id)
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var version = await db.CatalogueItems.Where(i => i.Id == int.Parse(id, CultureInfo.InvariantCulture)).Select(i => i.Version).SingleAsync();
        return version.ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    /// <summary>The editor's fields as shown (inputs, selected options, checked boxes, textareas).</summary>
    private static Dictionary<string, string> EditorFields(string html)
    {
        var start = html.IndexOf("data-testid=\"editor\"", StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = WebHost.Antiforgery(html) };
        foreach (Match m in Regex.Matches(form, "<input [^>]*>"))
        {
            var tag = m.Value;
            var name = Regex.Match(tag, "name=\"([^\"]+)\"").Groups[1].Value;
            var value = WebUtility.HtmlDecode(Regex.Match(tag, "value=\"([^\"]*)\"").Groups[1].Value);
            var type = Regex.Match(tag, "type=\"([^\"]+)\"").Groups[1].Value;
            if (name.Length == 0 || name == "__RequestVerificationToken" || ((type is "checkbox" or "radio") && !tag.Contains("checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields[name] = value;
        }

        foreach (Match m in Regex.Matches(form, "<select id=\"[^\"]+\" name=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline))
        {
            var selected = Regex.Match(m.Groups["options"].Value, "<option value=\"([^\"]*)\" selected");
            fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(selected.Success ? selected.Groups[1].Value : Regex.Match(m.Groups["options"].Value, "<option value=\"([^\"]*)\"").Groups[1].Value);
        }

        foreach (Match m in Regex.Matches(form, "<textarea id=\"[^\"]+\" name=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline))
        {
            fields[m.Groups["name"].Value] = WebUtility.HtmlDecode(m.Groups["text"].Value);
        }

        return fields;
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
