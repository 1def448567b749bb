using System.Net;
using System.Text.RegularExpressions;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Portal;
using Gongkai.Data.Publishing;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// The portal's home sections, the 政府信息公开 column (/Gongkai, a column's home, 指南, 制度, 法定主动公开内容, 年度报告)
/// and 网站公告 (public pages and the back office), over the demo agencies. Today is 2026-11-27 10:00 北京时间.
/// </summary>
public sealed partial class PortalPagesTests : IAsyncLifetime
{
    private const string Education = "包头市昆都仑区教育局";

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query) => _host.QueryAsync(query);

    private Task<T> UseCase<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull => _host.AsOperatorAsync(work);

    private Task<int> AgencyAsync(string name) => QueryAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? _host.Client).GetAsync(new Uri(path, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A published item and its version written straight into the tables, then indexed as a bulk load is.</summary>
    private async Task<int> PublishedAsync(int agency, string title, ColumnDirectory directory, int? article20 = null, int daysAgo = 1)
    {
        var id = await QueryAsync(db => CatalogueRows.AddPublishedAsync(db, _host.Database.Clock.GetUtcNow(), agency, title, directory, article20, daysAgo: daysAgo));
        await _host.AsOperatorAsync<CatalogueSearchIndexer, int>(indexer => indexer.RebuildAsync());
        return id;
    }

    private static FormUrlEncodedContent Form(string token, IDictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });

    private static void Has(string html, string text) => Assert.Contains(text, html, StringComparison.Ordinal);

    private static void HasNot(string html, string text) => Assert.DoesNotContain(text, html, StringComparison.Ordinal);

    [Fact]
    public async Task The_home_page_shows_notices_latest_items_key_areas_and_links_every_agency_to_its_column()
    {
        var education = await AgencyAsync(Education);
        var item = await PublishedAsync(education, "2026年秋季学期义务教育招生结果", ColumnDirectory.Statutory, article20: 11);
        var (response, html) = await GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Has(html, "<meta name=\"ColumnName\" content=\"首页\">");
        Has(html, "<li><a href=\"/Gongkai\">政府信息公开</a></li>");

        // 网站公告: the pinned maintenance notice first; not the scheduled or expired ones.
        var notices = Section(html, "home-notices");
        var maintenance = await QueryAsync(db => db.PortalNotices.Where(n => n.Title == DemoNotices.MaintenanceTitle).Select(n => n.Id).SingleAsync());
        Assert.Matches($"<li>\\s*<strong class=\"badge\">置顶</strong>\\s*<a href=\"/Gonggao/{maintenance}\">{DemoNotices.MaintenanceTitle}</a>", notices);
        Has(notices, "关于节假日期间政府信息公开申请受理的说明");
        HasNot(notices, "集中发布的预告");
        HasNot(notices, "征集政府信息公开工作意见建议");
        Has(notices, "<a href=\"/Gonggao\">");

        // 最新公开: title, agency and date, and 更多 → /Xinxi.
        var latest = Section(html, "home-latest");
        Assert.Matches($"<a href=\"/Xinxi/{item}\">2026年秋季学期义务教育招生结果</a></th>\\s*<td>{Education}</td>\\s*<td><time datetime=\"2026-11-26\">2026-11-26</time></td>", latest);
        Has(latest, "<a href=\"/Xinxi\">更多");

        // 重点领域 link to the catalogue by term.
        var area = await QueryAsync(db => db.CatalogueTerms.Where(t => t.Kind == CatalogueTermKind.KeyArea && t.Active).OrderBy(t => t.SortOrder).FirstAsync());
        Has(Section(html, "home-areas"), $"<li><a href=\"/Xinxi?area={area.Id}\">{area.Name}</a></li>");

        // Each agency links to its column.
        var agencies = Section(html, "home-agencies");
        var district = await AgencyAsync(DemoAgencies.DistrictGovernment);
        Has(agencies, $"<a href=\"/Gongkai/{district}\">{DemoAgencies.DistrictGovernment}</a>");
        Has(agencies, $"<li><a href=\"/Gongkai/{education}\">{Education}</a></li>");
        Has(html, "href=\"/Shenqing\" data-testid=\"link-apply\"");
    }

    [Fact]
    public async Task An_empty_portal_says_so_in_each_home_section()
    {
        await using var empty = await WebHost.StartAsync(demo: false);
        var html = await empty.Client.GetStringAsync("/");
        Has(html, "data-testid=\"no-notices\">暂无公告。");
        Has(html, "data-testid=\"no-latest\">暂无已发布的政府信息。");
        Has(html, "尚未建立公开主体");
        var column = await empty.Client.GetStringAsync("/Gongkai");
        Has(column, "data-testid=\"no-agencies\"");
        Has(await empty.Client.GetStringAsync("/Gonggao"), "data-testid=\"no-notices\">暂无公告。");
    }

    [Fact]
    public async Task The_column_lists_every_agency_and_each_column_shows_its_four_directories()
    {
        var (_, list) = await GetAsync("/Gongkai");
        Has(list, "<meta name=\"ColumnName\" content=\"政府信息公开\">");
        var civil = await AgencyAsync("包头市昆都仑区民政局");
        Has(list, $"<li><a href=\"/Gongkai/{civil}\">包头市昆都仑区民政局</a></li>");
        Has(list, "<h3>街道办事处</h3>");

        // An empty column says so in each directory.
        var (response, html) = await GetAsync($"/Gongkai/{civil}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Has(html, "<h1>包头市昆都仑区民政局政府信息公开</h1>");
        Has(html, $"<a href=\"/Gongkai/{civil}/Zhinan\">查看政府信息公开指南</a>");
        Has(Section(html, "dir-rules"), "暂无已发布的政府信息公开制度。");
        Has(Section(html, "dir-statutory"), "暂无已发布的法定主动公开内容。");
        Has(Section(html, "dir-reports"), "暂无已发布的年度报告。");
        Assert.Equal(4, Regex.Matches(html, "<h2 id=\"dir-").Count);

        var education = await AgencyAsync(Education);
        await PublishedAsync(education, "教育局政府信息公开工作制度", ColumnDirectory.Rules, daysAgo: 9);
        for (var i = 1; i <= 21; i++)
        {
            await PublishedAsync(education, $"教育局公开制度第{i}号", ColumnDirectory.Rules, daysAgo: 30 + i);
        }

        await PublishedAsync(education, "2026年部门预算", ColumnDirectory.Statutory, article20: 7, daysAgo: 2);
        await PublishedAsync(education, "2025年部门决算", ColumnDirectory.Statutory, article20: 7, daysAgo: 3);
        var report = await PublishReportAsync(education);

        (_, html) = await GetAsync($"/Gongkai/{education}");
        var rules = Section(html, "dir-rules");
        Has(rules, "教育局政府信息公开工作制度");
        Has(rules, $"<a href=\"/Gongkai/{education}/Zhidu\">全部政府信息公开制度（共 22 条）</a>");
        Assert.Equal(5, Regex.Matches(rules, "<li>").Count);
        Has(Section(html, "dir-statutory"), "2026年部门预算");
        Has(Section(html, "dir-reports"), $"<a href=\"/Baogao/{report}\">{Education}2025年政府信息公开工作年度报告</a>");

        // 制度, 20 to a page.
        (_, html) = await GetAsync($"/Gongkai/{education}/Zhidu");
        Has(html, "<meta name=\"ColumnName\" content=\"政府信息公开制度\">");
        Has(html, "共 22 条");
        Has(html, $"<a href=\"/Gongkai/{education}/Zhidu?page=2\" rel=\"next\">下一页</a>");
        Has(html, $"<a href=\"/Gongkai/{education}/Zhidu\" aria-current=\"page\">政府信息公开制度</a>");
        HasNot(html, "2026年部门预算");
        (_, html) = await GetAsync($"/Gongkai/{education}/Zhidu?page=2");
        Has(html, "教育局公开制度第21号");

        // 法定主动公开内容 by 第二十条 item, each with its count and a link to the filtered catalogue.
        (_, html) = await GetAsync($"/Gongkai/{education}/Fading");
        Has(html, "<meta name=\"ColumnName\" content=\"法定主动公开内容\">");
        Assert.Matches($"<a href=\"/Xinxi\\?agency={education}&amp;article20=7\">（七）财政预算、决算信息</a>\\s*</th>\\s*<td>2 条</td>", html);
        Assert.Matches("（一）行政法规、规章和规范性文件\\s*</th>\\s*<td>0 条</td>", html);
        Has(html, "<th scope=\"row\">社会救助</th><td>0 条</td>");

        // 年度报告.
        (_, html) = await GetAsync($"/Gongkai/{education}/Baogao");
        Has(html, "<meta name=\"ColumnName\" content=\"政府信息公开工作年度报告\">");
        Has(html, $"<a href=\"/Baogao/{report}\">{Education}2025年政府信息公开工作年度报告</a>");
        (_, html) = await GetAsync($"/Gongkai/{civil}/Baogao");
        Has(html, "data-testid=\"no-reports\"");
    }

    [Fact]
    public async Task The_guide_shows_the_contacts_on_record_and_says_what_is_not_filled_in()
    {
        var district = await AgencyAsync(DemoAgencies.DistrictGovernment);
        var (response, html) = await GetAsync($"/Gongkai/{district}/Zhinan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Has(html, "<meta name=\"ColumnName\" content=\"政府信息公开指南\">");
        Has(html, "<h1>包头市昆都仑区人民政府政府信息公开指南</h1>");
        Has(html, "更新日期：<time datetime=\"2026-11-27\">2026年11月27日</time>");
        var contact = Section(html, "guide-contact");
        Assert.Matches("<th scope=\"row\">联系电话</th>\\s*<td>0472-0000000（演示）</td>", contact);
        Assert.Matches("<th scope=\"row\">办公地址</th>\\s*<td>包头市昆都仑区政务服务中心（演示地址）</td>", contact);
        Assert.Matches("<th scope=\"row\">传真</th>\\s*<td class=\"not-filled\">未填写</td>", contact);
        Assert.Matches("<th scope=\"row\">电子邮箱</th>\\s*<td class=\"not-filled\">未填写</td>", contact);
        Has(html, "<li>（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况</li>");
        Has(Section(html, "guide-article21"), "<li>社会救助</li>");
        Has(html, "href=\"/Shenqing\"");
        Has(Section(html, "guide-deadlines"), "自收到申请之日起 20 个工作日内予以答复");
        Has(Section(html, "guide-deadlines"), "最长不超过 20 个工作日");
        Has(Section(html, "guide-fees"), "不收取费用");
        Has(Section(html, "guide-fees"), "国办函〔2020〕109号");
        Has(html, "累计申请 10 件以下（含）的不收费");
        Has(html, "30 页以内（含）的不收费");
        Has(Section(html, "guide-remedies"), "60 日内向包头市人民政府申请行政复议");
        Has(Section(html, "guide-remedies"), "6 个月内向包头市中级人民法院提起行政诉讼");
        HasNot(html, "后台");

        // A unit that does not receive applications sends applicants to its government; its own contacts are not filled in.
        var office = await AgencyAsync("包头市昆都仑区人民政府办公室");
        (_, html) = await GetAsync($"/Gongkai/{office}/Zhinan");
        Has(html, $"请向<a href=\"/Gongkai/{district}/Zhinan\">{DemoAgencies.DistrictGovernment}</a>提出");
        Assert.Matches("<th scope=\"row\">联系电话</th>\\s*<td class=\"not-filled\">未填写</td>", Section(html, "guide-contact"));
        Has(Section(html, "guide-remedies"), "60 日内向包头市人民政府申请行政复议");

        // A department with no remedies settings names no body or court.
        var education = await AgencyAsync(Education);
        (_, html) = await GetAsync($"/Gongkai/{education}/Zhinan");
        Has(Section(html, "guide-remedies"), "依法向行政复议机关申请行政复议");
        Has(Section(html, "guide-remedies"), "向有管辖权的人民法院提起行政诉讼");

        // The township's guide lists its 第二十一条 items.
        var township = await AgencyAsync("包头市昆都仑区昆河镇人民政府");
        (_, html) = await GetAsync($"/Gongkai/{township}/Zhinan");
        Has(Section(html, "guide-article21"), "<li>宅基地使用情况审核</li>");
    }

    [Theory]
    [InlineData("/Gongkai/999999")]
    [InlineData("/Gongkai/999999/Zhinan")]
    [InlineData("/Gongkai/999999/Zhidu")]
    [InlineData("/Gongkai/999999/Fading")]
    [InlineData("/Gongkai/999999/Baogao")]
    [InlineData("/Gonggao/999999")]
    public async Task An_unknown_agency_or_notice_is_a_chinese_404(string path)
    {
        var (response, html) = await GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Has(html, "页面不存在");
    }

    [Fact]
    public async Task An_office_publishes_edits_and_withdraws_a_notice_and_the_public_sees_it_only_while_current()
    {
        using var office = await _host.SignInAsync("gkb");
        var (_, list) = await GetAsync("/Admin/Notices", office);
        Has(list, "<a href=\"/Admin/Notices\" aria-current=\"page\">网站公告</a>");
        Has(list, "待发布");
        Has(list, "已过期");
        var form = await office.GetStringAsync("/Admin/Notices/Edit");
        Has(form, "<label for=\"title\">标题（必填，不超过 100 个字）</label>");
        Has(form, "<label for=\"body\">正文（必填，不超过 2000 个字）</label>");
        Has(form, "value=\"2026-11-27T10:00\"");
        var token = WebHost.Antiforgery(form);

        // Refused input: Chinese messages beside the fields, 400.
        var refused = await office.PostAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative), Form(token, new Dictionary<string, string> { ["title"] = "", ["body"] = "正文", ["publishedAt"] = "2026-12-01T09:00", ["expiresOn"] = "2026-11-30" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Has(refusedHtml, "<p class=\"error\" id=\"Title-error\">请填写公告标题。</p>");
        Has(refusedHtml, "截止日期不能早于发布日期（2026-12-01）。");
        Has(refusedHtml, "aria-invalid=\"true\" aria-describedby=\"expiresOn-hint ExpiresOn-error\"");
        var badDate = await office.PostAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative), Form(token, new Dictionary<string, string> { ["title"] = "标题", ["body"] = "正文", ["publishedAt"] = "明天" }));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Has(await badDate.Content.ReadAsStringAsync(), "发布时间格式不正确");

        // Published now: shown on the home page and /Gonggao; the body is plain text with its line breaks, encoded.
        var created = await office.PostAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative), Form(token, new Dictionary<string, string> { ["title"] = "关于调整现场受理时间的公告", ["body"] = "第一行<script>alert(1)</script>\r\n第二行", ["publishedAt"] = "", ["expiresOn"] = "2026-11-27" }));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Has(await office.GetStringAsync("/Admin/Notices"), "已发布公告“关于调整现场受理时间的公告”。");
        var id = await QueryAsync(db => db.PortalNotices.Where(n => n.Title == "关于调整现场受理时间的公告").Select(n => n.Id).SingleAsync());
        Has(Section(await _host.Client.GetStringAsync("/"), "home-notices"), $"<a href=\"/Gonggao/{id}\">关于调整现场受理时间的公告</a>");
        Has(await _host.Client.GetStringAsync("/Gonggao"), $"<a href=\"/Gonggao/{id}\">关于调整现场受理时间的公告</a>");
        var (detailResponse, detail) = await GetAsync($"/Gonggao/{id}");
        Assert.Equal(HttpStatusCode.OK, detailResponse.StatusCode);
        Has(detail, "<meta name=\"ArticleTitle\" content=\"关于调整现场受理时间的公告\">");
        Has(detail, "<meta name=\"ColumnName\" content=\"网站公告\">");
        Assert.Matches("第一行&lt;script&gt;alert\\(1\\)&lt;/script&gt;\\s*<br>\\s*第二行", detail);
        HasNot(detail, "<script>alert");

        // A stale edit (version 1 after a save made it 2) is refused with 409 and nothing is overwritten.
        var edit = await office.GetStringAsync($"/Admin/Notices/Edit?id={id}");
        Has(edit, "value=\"关于调整现场受理时间的公告\"");
        Has(edit, "name=\"version\" value=\"1\"");
        var saved = await office.PostAsync(new Uri($"/Admin/Notices/Edit?id={id}", UriKind.Relative), Form(token, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "1", ["title"] = "关于调整现场受理时间的公告（更新）", ["body"] = "正文", ["publishedAt"] = "2026-11-27T10:00", ["pinned"] = "true" }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var admin = await _host.SignInAsync("admin");
        var adminToken = await WebHost.TokenAsync(admin, $"/Admin/Notices/Edit?id={id}");
        var stale = await admin.PostAsync(new Uri($"/Admin/Notices/Edit?id={id}", UriKind.Relative), Form(adminToken, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "1", ["title"] = "过期页面的修改", ["body"] = "正文" }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Has(staleHtml, "您看到的页面已过期，本次修改未保存");
        Has(staleHtml, $"<a href=\"/Admin/Notices/Edit?id={id}\">重新打开</a>");
        Has(await _host.Client.GetStringAsync($"/Gonggao/{id}"), "<h1>关于调整现场受理时间的公告（更新）</h1>");

        // Withdrawn: gone from the portal at once, kept in the back office.
        var staleWithdraw = await office.PostAsync(new Uri("/Admin/Notices?handler=Withdraw", UriKind.Relative), Form(token, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "1" }));
        Assert.Equal(HttpStatusCode.Conflict, staleWithdraw.StatusCode);
        var withdrawn = await office.PostAsync(new Uri("/Admin/Notices?handler=Withdraw", UriKind.Relative), Form(token, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "2" }));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri($"/Gonggao/{id}", UriKind.Relative))).StatusCode);
        HasNot(await _host.Client.GetStringAsync("/"), "关于调整现场受理时间的公告");
        HasNot(await _host.Client.GetStringAsync("/Gonggao"), "关于调整现场受理时间的公告");
        list = await office.GetStringAsync("/Admin/Notices");
        Has(list, "公告已撤回，门户网站不再显示。");
        Assert.Matches("关于调整现场受理时间的公告（更新）</th>(.|\\s)*?<td>已撤回</td>", list);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync(new Uri($"/Admin/Notices/Edit?id={id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_expired_or_scheduled_notice_is_not_on_the_portal()
    {
        var (expired, scheduled) = await QueryAsync(async db =>
        {
            var now = _host.Database.Clock.GetUtcNow();
            var e = new PortalNoticeRecord { Title = "昨天截止的公告", Body = "正文", PublishedAt = now.AddDays(-3), ExpiresOn = new DateOnly(2026, 11, 26), CreatedAt = now, UpdatedAt = now, Version = 1 };
            var s = new PortalNoticeRecord { Title = "一小时后发布的公告", Body = "正文", PublishedAt = now.AddHours(1), CreatedAt = now, UpdatedAt = now, Version = 1 };
            db.PortalNotices.AddRange(e, s);
            await db.SaveChangesAsync();
            return (e.Id, s.Id);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri($"/Gonggao/{expired}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync(new Uri($"/Gonggao/{scheduled}", UriKind.Relative))).StatusCode);
        var list = await _host.Client.GetStringAsync("/Gonggao");
        HasNot(list, "昨天截止的公告");
        HasNot(list, "一小时后发布的公告");
        Has(list, DemoNotices.MaintenanceTitle);
    }

    [Fact]
    public async Task Only_the_office_and_administrators_manage_notices()
    {
        using var clerk = await _host.SignInAsync("jyj-cb");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Notices", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative))).StatusCode);
        HasNot(await clerk.GetStringAsync("/Admin"), "/Admin/Notices");
        var token = await WebHost.TokenAsync(clerk, "/Admin/Profile");
        var post = await clerk.PostAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative), Form(token, new Dictionary<string, string> { ["title"] = "承办人的公告", ["body"] = "正文" }));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await QueryAsync(db => db.PortalNotices.AnyAsync(n => n.Title == "承办人的公告")));
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Client.GetAsync(new Uri("/Admin/Notices", UriKind.Relative))).StatusCode);
        using var admin = await _host.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri("/Admin/Notices", UriKind.Relative))).StatusCode);
    }

    /// <summary>The element marked data-testid="<paramref name="testId"/>" up to the end of its section, table or list.</summary>
    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {testId}");
        var tagStart = html.LastIndexOf('<', start);
        var tag = TagName().Match(html, tagStart + 1).Value;
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return html[tagStart..(end + tag.Length + 3)];
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex TagName();

    private async Task<int> PublishReportAsync(int agency)
    {
        var id = await UseCase<OpenAnnualReport, int>(u => u.ExecuteAsync(agency, 2025));
        var v = await QueryAsync(db => db.AnnualReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());
        v = await UseCase<SaveAnnualReportDraft, int>(u => u.ExecuteAsync(id, new ReportText(null, "（一）主动公开情况\n本机关主动公开了招生入学政策。", "（一）存在的主要问题\n政策解读还不够通俗。", "未收取信息处理费。"), v));
        v = await UseCase<SubmitAnnualReport, int>(u => u.ExecuteAsync(id, v));
        v = await UseCase<AcceptAnnualReport, int>(u => u.ExecuteAsync(id, null, v));
        await UseCase<PublishAnnualReport, int>(u => u.ExecuteAsync(id, v, new DateOnly(2026, 1, 20)));
        return id;
    }
}
