using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

/// <summary>
/// The demo agencies with catalogue items written straight into the database: one published with a hostile title and
/// republished, one withdrawn, one never published, one scheduled for tomorrow. The portal is configured with a
/// 网站标识码 and a sitemap page of 5 addresses, so the sitemap is an index.
/// </summary>
public sealed class PortalFeedFixture : IAsyncLifetime
{
    public const string HostileTitle = "关于<script>&amp;</script>招生入学的通知 \u0001";
    public const string WithdrawnTitle = "已撤回的通知";
    public const string DraftTitle = "尚未发布的草稿";
    public const string ScheduledTitle = "明天发布的通知";
    public const string Agency = "包头市昆都仑区教育局";

    public WebHost Host { get; private set; } = null!;

    public int AgencyId { get; private set; }

    public int Published { get; private set; }

    public int Withdrawn { get; private set; }

    public int Draft { get; private set; }

    public int Scheduled { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>
        {
            ["Gongkai:Demo:Applications"] = "false",
            ["Gongkai:Portal:SiteName"] = "昆都仑区人民政府",
            ["Gongkai:Portal:SiteDomain"] = "www.kdl.gov.cn",
            ["Gongkai:Portal:SiteIdCode"] = "1502030001",
            ["Gongkai:Portal:PartyGovMarkUrl"] = "https://bszs.conac.cn/sitename?method=show&id=0001",
            ["Gongkai:Portal:IcpNumber"] = "蒙ICP备05000000号",
            ["Gongkai:Portal:PublicSecurityRecord"] = "蒙公网安备15020302000001号",
            ["Gongkai:Portal:PublicBaseUrl"] = "https://www.kdl.gov.cn/gongkai/",
            ["Gongkai:Portal:SitemapPageSize"] = "5",
        });
        await using var scope = Host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试操作员");
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        AgencyId = await db.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync();
        Published = await AddAsync(db, "旧标题", [("旧标题", Now.AddDays(-3)), (HostileTitle, Now.AddHours(-2))]);
        Withdrawn = await AddAsync(db, WithdrawnTitle, [(WithdrawnTitle, Now.AddDays(-1))], withdrawn: true);
        Draft = await AddAsync(db, DraftTitle, []);
        Scheduled = await AddAsync(db, ScheduledTitle, [(ScheduledTitle, Now.AddDays(1))]);
        await scope.ServiceProvider.GetRequiredService<CatalogueSearchIndexer>().RebuildAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    private Task<int> AddAsync(GongkaiDbContext db, string title, (string Title, DateTimeOffset At)[] versions, bool withdrawn = false) =>
        CatalogueSeed.AddAsync(db, AgencyId, Agency, Now, title, versions, withdrawn);
}

/// <summary>The Atom feeds, the sitemap and robots.txt.</summary>
public sealed class PortalFeedTests(PortalFeedFixture data) : IClassFixture<PortalFeedFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Base = "https://www.kdl.gov.cn/gongkai";

    private HttpClient Client => data.Host.Client;

    private async Task<(HttpResponseMessage Response, XDocument Xml)> GetXmlAsync(string path)
    {
        var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_catalogue_feed_is_atom_with_the_visible_version_of_published_items_only()
    {
        var (response, xml) = await GetXmlAsync("/Xinxi/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.NotNull(response.Headers.CacheControl?.MaxAge);
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        var entry = Assert.Single(xml.Root.Elements(Atom + "entry"));
        Assert.Equal(PortalFeedFixture.HostileTitle.Replace("\u0001", string.Empty, StringComparison.Ordinal), entry.Element(Atom + "title")!.Value);
        Assert.Equal($"{Base}/Xinxi/{data.Published}", entry.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal($"tag:www.kdl.gov.cn,2026:xinxi:{data.Published}", entry.Element(Atom + "id")!.Value);
        Assert.Equal(PortalFeedFixture.Agency, entry.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.StartsWith("概述：关于<script>", entry.Element(Atom + "summary")!.Value, StringComparison.Ordinal);
        var updated = entry.Element(Atom + "updated")!.Value;
        Assert.EndsWith("+08:00", updated, StringComparison.Ordinal);
        Assert.Equal(data.Now.AddHours(-2).ToUnixTimeSeconds(), DateTimeOffset.Parse(updated, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        Assert.Equal(updated, xml.Root.Element(Atom + "updated")!.Value);
        var text = xml.ToString();
        Assert.DoesNotContain(PortalFeedFixture.WithdrawnTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalFeedFixture.DraftTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PortalFeedFixture.ScheduledTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain("旧标题", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_feed_is_filtered_by_agency()
    {
        var (_, mine) = await GetXmlAsync($"/Xinxi/feed.atom?agency={data.AgencyId}");
        Assert.Single(mine.Root!.Elements(Atom + "entry"));
        var (_, other) = await GetXmlAsync($"/Xinxi/feed.atom?agency={data.AgencyId + 1000}");
        Assert.Empty(other.Root!.Elements(Atom + "entry"));
        Assert.NotNull(other.Root.Element(Atom + "updated"));
    }

    [Fact]
    public async Task The_report_feed_is_atom()
    {
        var (response, xml) = await GetXmlAsync("/Baogao/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        Assert.Equal($"{Base}/Baogao", xml.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
    }

    [Fact]
    public async Task The_list_pages_link_their_feeds()
    {
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", await Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", await Client.GetStringAsync("/Baogao"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_beyond_one_page_is_an_index_of_pages_holding_every_public_address()
    {
        var (_, index) = await GetXmlAsync("/sitemap.xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var pages = index.Root.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.True(pages.Count > 2, "the fixture's addresses fill more than two pages of five");
        Assert.Equal($"{Base}/sitemap-1.xml", pages[0]);
        var locs = new List<string>();
        for (var n = 1; n <= pages.Count; n++)
        {
            var (_, page) = await GetXmlAsync($"/sitemap-{n}.xml");
            Assert.Equal(Sitemap + "urlset", page.Root!.Name);
            var urls = page.Root.Elements(Sitemap + "url").ToList();
            Assert.InRange(urls.Count, 1, 5);
            locs.AddRange(urls.Select(u => u.Element(Sitemap + "loc")!.Value));
        }

        Assert.Contains($"{Base}/", locs);
        Assert.Contains($"{Base}/Shenqing", locs);
        Assert.Contains($"{Base}/Xinxi", locs);
        Assert.Contains($"{Base}/Xinxi/{data.Published}", locs);
        Assert.DoesNotContain($"{Base}/Xinxi/{data.Withdrawn}", locs);
        Assert.DoesNotContain($"{Base}/Xinxi/{data.Draft}", locs);
        Assert.DoesNotContain($"{Base}/Xinxi/{data.Scheduled}", locs);
        Assert.Contains($"{Base}/Gongkai/{data.AgencyId}/Zhinan", locs);
        Assert.Contains($"{Base}/Zhaocuo", locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.Equal((locs.Count + 4) / 5, pages.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/sitemap-{pages.Count + 1}.xml", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap()
    {
        var robots = await Client.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {Base}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /Admin/", robots, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_carry_the_government_site_meta_tags_and_the_footer_records()
    {
        var home = await Client.GetStringAsync("/");
        Assert.Contains("<meta name=\"SiteName\" content=\"昆都仑区人民政府\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"SiteDomain\" content=\"www.kdl.gov.cn\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"SiteIDCode\" content=\"1502030001\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnName\" content=\"首页\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ColumnType\" content=\"首页\">", home, StringComparison.Ordinal);
        Assert.DoesNotContain("ArticleTitle", home, StringComparison.Ordinal);
        Assert.Contains("网站标识码：1502030001", home, StringComparison.Ordinal);
        Assert.Contains("蒙ICP备05000000号", home, StringComparison.Ordinal);
        Assert.Contains("蒙公网安备15020302000001号", home, StringComparison.Ordinal);
        Assert.Contains("href=\"https://bszs.conac.cn/sitename?method=show&amp;id=0001\"", home, StringComparison.Ordinal);

        var item = await Client.GetStringAsync($"/Xinxi/{data.Published}");
        Assert.Contains("<meta name=\"ColumnName\" content=\"主动公开的政府信息\">", item, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"ArticleTitle\" content=\"关于&lt;script&gt;&amp;amp;&lt;/script&gt;", item, StringComparison.Ordinal);
        var local = TimeZoneInfo.ConvertTime(data.Now.AddHours(-2), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains($"<meta name=\"PubDate\" content=\"{local:yyyy-MM-dd HH:mm}\">", item, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"ContentSource\" content=\"{PortalFeedFixture.Agency}\">", item, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"Keywords\" content=\"招生 入学\">", item, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"Description\" content=\"概述：关于&lt;script&gt;", item, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"Url\" content=\"{Base}/Xinxi/{data.Published}\">", item, StringComparison.Ordinal);

        Assert.Contains("<meta name=\"ColumnName\" content=\"申请公开\">", await Client.GetStringAsync("/Shenqing"), StringComparison.Ordinal);
        Assert.DoesNotContain("SiteIDCode", await Client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }
}

/// <summary>The portal without the Gongkai:Portal settings, and with a malformed 网站标识码.</summary>
public sealed class PortalSettingsTests
{
    [Fact]
    public async Task Without_settings_the_site_meta_tags_and_records_are_left_out_and_links_use_the_request()
    {
        await using var host = await WebHost.StartAsync(demo: false);
        var home = await host.Client.GetStringAsync("/");
        Assert.Contains("<meta name=\"ColumnName\" content=\"首页\">", home, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"SiteName\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("SiteIDCode", home, StringComparison.Ordinal);
        Assert.DoesNotContain("SiteDomain", home, StringComparison.Ordinal);
        Assert.DoesNotContain("网站标识码", home, StringComparison.Ordinal);
        Assert.DoesNotContain("党政机关", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"site-records\"", home, StringComparison.Ordinal);
        var feed = XDocument.Parse(await host.Client.GetStringAsync("/Xinxi/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.StartsWith(host.Address.GetLeftPart(UriPartial.Authority), feed.Root!.Elements(atom + "link").First().Attribute("href")!.Value, StringComparison.Ordinal);
        var sitemap = XDocument.Parse(await host.Client.GetStringAsync("/sitemap.xml"));
        Assert.Equal("urlset", sitemap.Root!.Name.LocalName);
    }

    [Theory]
    [InlineData("15020300011")]
    [InlineData("150203000A")]
    [InlineData("bm0100001")]
    public async Task A_malformed_site_identification_code_is_refused_at_start_up(string code)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => WebHost.StartAsync(demo: false, settings: new Dictionary<string, string?> { ["Gongkai:Portal:SiteIdCode"] = code }));
        Assert.Contains("网站标识码", error.Message, StringComparison.Ordinal);
        Assert.Contains("SiteIdCode", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1502030001", true)]
    [InlineData("bm04000001", true)]
    [InlineData("1502-30001", false)]
    [InlineData("", false)]
    public void The_site_identification_code_has_ten_characters(string code, bool valid) =>
        Assert.Equal(valid, Gongkai.Web.Infrastructure.PortalOptions.IsValidSiteIdCode(code));
}

/// <summary>The report feed and the sitemap with published reports (the current edition only, no draft).</summary>
public sealed class PublicReportFeedTests(PublishedReportsFixture data) : IClassFixture<PublishedReportsFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_report_feed_lists_the_current_editions_newest_first()
    {
        var feed = XDocument.Parse(await data.Host.Client.GetStringAsync("/Baogao/feed.atom"));
        var links = feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).ToList();
        Assert.Equal(3, links.Count);
        Assert.EndsWith($"/Baogao/{data.EducationSecond}", links[0], StringComparison.Ordinal);
        Assert.DoesNotContain(links, l => l.EndsWith($"/Baogao/{data.EducationFirst}", StringComparison.Ordinal) || l.EndsWith($"/Baogao/{data.Draft}", StringComparison.Ordinal));
        var first = feed.Root.Elements(Atom + "entry").First();
        Assert.Equal("2026-03-02T00:00:00+08:00", first.Element(Atom + "updated")!.Value);
        Assert.Equal(PublishedReportsFixture.Education, first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
    }

    [Fact]
    public async Task The_sitemap_lists_the_published_reports_with_their_dates()
    {
        var sitemap = XDocument.Parse(await data.Host.Client.GetStringAsync("/sitemap.xml"));
        var urls = sitemap.Root!.Elements(Sitemap + "url").ToDictionary(u => u.Element(Sitemap + "loc")!.Value, u => u.Element(Sitemap + "lastmod")?.Value);
        var report = Assert.Single(urls, u => u.Key.EndsWith($"/Baogao/{data.EducationSecond}", StringComparison.Ordinal));
        Assert.Equal("2026-03-02", report.Value);
        Assert.DoesNotContain(urls.Keys, k => k.EndsWith($"/Baogao/{data.Draft}", StringComparison.Ordinal));
    }
}
