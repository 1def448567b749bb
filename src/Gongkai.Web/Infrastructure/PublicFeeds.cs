using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Machine-readable public listings: Atom feeds (RFC 4287) of the published items (<c>/Xinxi/feed.atom</c>, optionally
/// <c>?agency=</c>) and reports (<c>/Baogao/feed.atom</c>), the sitemap (sitemaps.org; an index of
/// <c>/sitemap-{n}.xml</c> pages beyond <see cref="PortalOptions.SitemapPageSize"/> addresses) and <c>robots.txt</c>.
/// Links are absolute, from <see cref="PortalOptions.PublicBaseUrl"/> or the request.
/// </summary>
public static class PublicFeeds
{
    public const string XinxiFeedPath = "/Xinxi/feed.atom";
    public const string BaogaoFeedPath = "/Baogao/feed.atom";
    public const string AtomContentType = "application/atom+xml; charset=utf-8";
    public const int FeedSize = 50;

    private const string XmlContentType = "application/xml; charset=utf-8";
    private const string CacheControl = "public, max-age=300";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The public pages listed in the sitemap besides the items and reports.</summary>
    private static readonly string[] StaticPages = ["/", "/Shenqing", "/Chaxun", "/Gongzuori", "/Baogao", "/Xinxi", "/Gongkai", "/Gonggao", "/Zhaocuo"];

    /// <summary>The pages of each agency's 政府信息公开 column.</summary>
    private static readonly string[] ColumnPages = [string.Empty, "/Zhinan", "/Zhidu", "/Fading", "/Baogao"];

    public static IEndpointRouteBuilder MapPublicFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(XinxiFeedPath, XinxiFeedAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet(BaogaoFeedPath, BaogaoFeedAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/sitemap.xml", (HttpContext c, ListPublicCatalogueFeed items, ListPublishedReports reports, UseCases.Portal.ListColumnAgencies columns, AgencyClock clock, IOptions<PortalOptions> portal, CancellationToken ct) => SitemapAsync(c, null, items, reports, columns, clock, portal.Value, ct)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/sitemap-{n:int}.xml", (int n, HttpContext c, ListPublicCatalogueFeed items, ListPublishedReports reports, UseCases.Portal.ListColumnAgencies columns, AgencyClock clock, IOptions<PortalOptions> portal, CancellationToken ct) => SitemapAsync(c, n, items, reports, columns, clock, portal.Value, ct)).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/robots.txt", (HttpContext c, IOptions<PortalOptions> portal) =>
        {
            c.Response.Headers.CacheControl = "public, max-age=86400";
            var text = "User-agent: *\nDisallow: /Admin/\nDisallow: /Account/\nDisallow: /Zhanghu/\nDisallow: /api/\n\nSitemap: " + BaseUrl(c, portal.Value) + "/sitemap.xml\n";
            return Results.Text(text, "text/plain; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The absolute base of the portal's addresses, without a trailing slash.</summary>
    public static string BaseUrl(HttpContext context, PortalOptions portal)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(portal);
        return !string.IsNullOrWhiteSpace(portal.PublicBaseUrl)
            ? portal.PublicBaseUrl.Trim().TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
    }

    private static async Task<IResult> XinxiFeedAsync(HttpContext context, int? agency, ListPublicCatalogueFeed list, AgencyClock clock, SiteState site, IOptions<PortalOptions> portal, CancellationToken ct)
    {
        var entries = await list.ExecuteAsync(agency, FeedSize, ct);
        var root = BaseUrl(context, portal.Value);
        var tag = TagAuthority(context, portal.Value);
        var self = root + XinxiFeedPath + (agency is { } a ? "?agency=" + a.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var feed = Feed(
            site.Name + " · 主动公开的政府信息",
            $"tag:{tag},2026:xinxi" + (agency is { } b ? ":agency:" + b.ToString(CultureInfo.InvariantCulture) : string.Empty),
            self,
            root + "/Xinxi",
            site.Name,
            entries.Count == 0 ? clock.UtcNow : entries.Max(e => e.UpdatedAt),
            clock,
            entries.Select(e => Entry(
                e.Title,
                $"tag:{tag},2026:xinxi:{e.Id.ToString(CultureInfo.InvariantCulture)}",
                root + "/Xinxi/" + e.Id.ToString(CultureInfo.InvariantCulture),
                e.UpdatedAt,
                e.FirstPublishedAt,
                e.Summary,
                string.IsNullOrWhiteSpace(e.PublishingAgency) ? site.Name : e.PublishingAgency,
                clock)));
        return Xml(context, feed, AtomContentType);
    }

    private static async Task<IResult> BaogaoFeedAsync(HttpContext context, ListPublishedReports list, AgencyClock clock, SiteState site, IOptions<PortalOptions> portal, CancellationToken ct)
    {
        var reports = (await list.ExecuteAsync(ct: ct)).OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.Id).Take(FeedSize).ToList();
        var root = BaseUrl(context, portal.Value);
        var tag = TagAuthority(context, portal.Value);
        var feed = Feed(
            site.Name + " · 政府信息公开工作年度报告",
            $"tag:{tag},2026:baogao",
            root + BaogaoFeedPath,
            root + "/Baogao",
            site.Name,
            reports.Count == 0 ? clock.UtcNow : reports.Max(r => StartOfDay(r.PublishedOn, clock)),
            clock,
            reports.Select(r => Entry(
                $"{r.AgencyName}{r.Year.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告" + (r.Corrected ? "（更正）" : string.Empty),
                $"tag:{tag},2026:baogao:{r.Id.ToString(CultureInfo.InvariantCulture)}",
                root + "/Baogao/" + r.Id.ToString(CultureInfo.InvariantCulture),
                StartOfDay(r.PublishedOn, clock),
                null,
                $"{r.AgencyName}{r.Year.ToString(CultureInfo.InvariantCulture)}年度报告，{r.PublishedOn:yyyy年M月d日}发布" + (r.Corrected ? $"（第{r.Edition.ToString(CultureInfo.InvariantCulture)}版，更正后）" : string.Empty) + "。",
                r.AgencyName,
                clock)));
        return Xml(context, feed, AtomContentType);
    }

    private static async Task<IResult> SitemapAsync(HttpContext context, int? page, ListPublicCatalogueFeed items, ListPublishedReports reports, UseCases.Portal.ListColumnAgencies columns, AgencyClock clock, PortalOptions portal, CancellationToken ct)
    {
        var root = BaseUrl(context, portal);
        var urls = new List<(string Loc, string? LastMod)>();
        urls.AddRange(StaticPages.Select(p => (root + (p == "/" ? "/" : p), (string?)null)));
        var agencies = (await columns.ExecuteAsync(ct)).SelectMany(g => g.Units.Select(u => u.Id).Prepend(g.Id));
        urls.AddRange(agencies.SelectMany(id => ColumnPages.Select(p => (root + "/Gongkai/" + id.ToString(CultureInfo.InvariantCulture) + p, (string?)null))));
        urls.AddRange((await items.ExecuteAsync(ct: ct)).OrderBy(e => e.Id).Select(e => (root + "/Xinxi/" + e.Id.ToString(CultureInfo.InvariantCulture), (string?)W3cTime(e.UpdatedAt, clock))));
        urls.AddRange((await reports.ExecuteAsync(ct: ct)).OrderBy(r => r.Id).Select(r => (root + "/Baogao/" + r.Id.ToString(CultureInfo.InvariantCulture), (string?)r.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))));
        var size = Math.Clamp(portal.SitemapPageSize, 1, PortalOptions.MaxSitemapPageSize);
        var pages = Math.Max(1, (urls.Count + size - 1) / size);
        XDocument document;
        if (page is null && pages > 1)
        {
            document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(
                Sitemap + "sitemapindex",
                Enumerable.Range(1, pages).Select(n => new XElement(Sitemap + "sitemap", new XElement(Sitemap + "loc", root + "/sitemap-" + n.ToString(CultureInfo.InvariantCulture) + ".xml")))));
        }
        else
        {
            var n = page ?? 1;
            if (n < 1 || n > pages)
            {
                return Results.NotFound();
            }

            document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(
                Sitemap + "urlset",
                urls.Skip((n - 1) * size).Take(size).Select(u => new XElement(
                    Sitemap + "url",
                    new XElement(Sitemap + "loc", u.Loc),
                    u.LastMod is null ? null : new XElement(Sitemap + "lastmod", u.LastMod)))));
        }

        return Xml(context, document, XmlContentType);
    }

    private static XDocument Feed(string title, string id, string self, string alternate, string author, DateTimeOffset updated, AgencyClock clock, IEnumerable<XElement> entries) =>
        new(new XDeclaration("1.0", "utf-8", null), new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "title", Clean(title)),
            new XElement(Atom + "id", id),
            new XElement(Atom + "updated", W3cTime(updated, clock)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", alternate)),
            new XElement(Atom + "author", new XElement(Atom + "name", Clean(author))),
            entries));

    private static XElement Entry(string title, string id, string link, DateTimeOffset updated, DateTimeOffset? published, string summary, string author, AgencyClock clock) =>
        new(
            Atom + "entry",
            new XElement(Atom + "title", Clean(title)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", link)),
            new XElement(Atom + "id", id),
            new XElement(Atom + "updated", W3cTime(updated, clock)),
            published is { } p ? new XElement(Atom + "published", W3cTime(p, clock)) : null,
            new XElement(Atom + "author", new XElement(Atom + "name", Clean(author))),
            string.IsNullOrWhiteSpace(summary) ? null : new XElement(Atom + "summary", new XAttribute("type", "text"), Clean(summary)));

    /// <summary>ISO 8601 / RFC 3339 in the agencies' time zone, e.g. 2026-03-02T09:30:00+08:00.</summary>
    private static string W3cTime(DateTimeOffset instant, AgencyClock clock) =>
        clock.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset StartOfDay(DateOnly day, AgencyClock clock)
    {
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var offset = clock.ToLocal(noon).Offset;
        return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), offset);
    }

    /// <summary>Leaves out characters XML cannot hold (control characters), so no title breaks the document.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The tag URI authority (RFC 4151): the configured domain, else the host of the base address.</summary>
    private static string TagAuthority(HttpContext context, PortalOptions portal)
    {
        if (!string.IsNullOrWhiteSpace(portal.SiteDomain))
        {
            return portal.SiteDomain.Trim().ToLowerInvariant();
        }

        return Uri.TryCreate(BaseUrl(context, portal), UriKind.Absolute, out var uri) ? uri.Host.ToLowerInvariant() : "localhost";
    }

    private static IResult Xml(HttpContext context, XDocument document, string contentType)
    {
        context.Response.Headers.CacheControl = CacheControl;
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(sb), new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            document.Save(writer);
        }

        return Results.Text(sb.ToString(), contentType, Encoding.UTF8);
    }

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
