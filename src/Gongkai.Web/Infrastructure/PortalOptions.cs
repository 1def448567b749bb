using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The public portal's identity as a government website (政府网站发展指引): the <c>&lt;meta&gt;</c> tags of the public
/// pages, the footer's 网站标识码 / ICP备案号 / 公安备案号, the 党政机关 mark, and the absolute base of feeds and the
/// sitemap. Every setting is optional; what is unset is left out of the pages.
/// </summary>
public sealed partial class PortalOptions
{
    public const string SectionName = "Gongkai:Portal";

    /// <summary>SiteName meta tag; when empty, the site's name (<see cref="SiteOptions.Name"/> or the default).</summary>
    public string? SiteName { get; set; }

    /// <summary>SiteDomain meta tag, e.g. <c>www.kdl.gov.cn</c>.</summary>
    public string? SiteDomain { get; set; }

    /// <summary>
    /// 网站标识码 (SiteIDCode), given by the 全国政府网站信息报送系统: ten characters, a four-digit region code and six
    /// digits for local sites (e.g. 1502030001), or <c>bm</c>, two digits and six digits for State Council departments.
    /// </summary>
    public string? SiteIdCode { get; set; }

    /// <summary>The 党政机关网站 identification: the address its mark links to (the mark shows only when set).</summary>
    public string? PartyGovMarkUrl { get; set; }

    /// <summary>
    /// The image of the 党政机关 mark, a path on this site (e.g. <c>/images/dzjg.png</c>: the pages' content security
    /// policy loads images from this site only); when empty, a text link is shown.
    /// </summary>
    public string? PartyGovMarkImageUrl { get; set; }

    /// <summary>ICP备案号, e.g. 蒙ICP备05000000号.</summary>
    public string? IcpNumber { get; set; }

    /// <summary>公安机关备案号, e.g. 蒙公网安备 15020302000001号.</summary>
    public string? PublicSecurityRecord { get; set; }

    /// <summary>
    /// The public address of the portal (e.g. <c>https://www.kdl.gov.cn/gongkai</c>), for absolute links in feeds and
    /// the sitemap; when empty, the request's scheme and host are used.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The sitemaps.org limit of addresses in one sitemap file.</summary>
    public const int MaxSitemapPageSize = 50_000;

    /// <summary>Addresses per sitemap file (beyond it, /sitemap.xml is an index); lowered only in tests.</summary>
    public int SitemapPageSize { get; set; } = MaxSitemapPageSize;

    /// <summary>
    /// Seconds an anonymous visitor's public page (home, catalogue, item, search, reports) is served from memory before it
    /// is rendered again; 0 turns the cache off. Publishing or withdrawing an item empties the cache at once, so this
    /// bounds only how late a scheduled publication appears.
    /// </summary>
    public int CacheSeconds { get; set; } = PortalCache.DefaultSeconds;

    /// <summary>Whether <paramref name="code"/> has the form of a 网站标识码.</summary>
    public static bool IsValidSiteIdCode(string code) => SiteIdCodePattern().IsMatch(code);

    [GeneratedRegex("^(?:[0-9]{10}|bm[0-9]{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex SiteIdCodePattern();
}

/// <summary>Refuses a malformed portal configuration at start-up, with the reason in Chinese and English.</summary>
public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.SiteIdCode) && !PortalOptions.IsValidSiteIdCode(options.SiteIdCode.Trim()))
        {
            failures.Add($"Gongkai:Portal:SiteIdCode「{options.SiteIdCode}」不是有效的网站标识码（应为10位数字，如 1502000001；或 bm 加8位数字，如 bm01000001）。 / Gongkai:Portal:SiteIdCode '{options.SiteIdCode}' is not a valid site identification code (10 digits such as 1502000001, or 'bm' and 8 digits such as bm01000001).");
        }

        foreach (var (key, value) in new[] { ("PublicBaseUrl", options.PublicBaseUrl), ("PartyGovMarkUrl", options.PartyGovMarkUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                failures.Add($"Gongkai:Portal:{key}「{value}」不是有效的网址（应以 http:// 或 https:// 开头）。 / Gongkai:Portal:{key} '{value}' is not an absolute http(s) address.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PartyGovMarkImageUrl) && !(options.PartyGovMarkImageUrl.StartsWith('/') && !options.PartyGovMarkImageUrl.StartsWith("//", StringComparison.Ordinal)))
        {
            failures.Add($"Gongkai:Portal:PartyGovMarkImageUrl「{options.PartyGovMarkImageUrl}」应为本站路径（以 / 开头，如 /images/dzjg.png）。 / Gongkai:Portal:PartyGovMarkImageUrl '{options.PartyGovMarkImageUrl}' must be a path on this site (starting with /).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
