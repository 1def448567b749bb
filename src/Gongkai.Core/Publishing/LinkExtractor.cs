using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Publishing;

/// <summary>A link in a body: where its text is (the attribute value or the bare URL) and the absolute URL it names.</summary>
public sealed record ExtractedLink(int Start, int Length, string Text, Uri Url);

/// <summary>
/// Finds the links in an item's body, HTML or plain text: the values of href and src attributes (entities such as
/// &amp;amp; decoded; relative ones resolved against a base address when one is given, otherwise left out) and bare
/// http(s) URLs outside tags, which end at the first character that is not allowed in a URL (a space, a quote, an
/// angle bracket, any Chinese character or punctuation), without trailing ASCII punctuation. Only http and https
/// links are returned (mailto:, javascript:, #anchors are not links to check).
/// </summary>
public static partial class LinkExtractor
{
    public static IReadOnlyList<ExtractedLink> Extract(string text, Uri? baseAddress = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (baseAddress is not null && !baseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The base address must be absolute.", nameof(baseAddress));
        }

        var links = new List<ExtractedLink>();
        var tags = Tag().Matches(text).Select(t => (Start: t.Index, End: t.Index + t.Length)).ToList();
        foreach (Match m in Attribute().Matches(text))
        {
            var value = m.Groups["v"];
            var raw = WebUtility.HtmlDecode(value.Value).Trim();
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            Uri? url = null;
            if (Uri.TryCreate(raw, UriKind.Absolute, out var absolute) && !IsRootedFilePath(raw, absolute))
            {
                url = absolute;
            }
            else if (baseAddress is not null && Uri.TryCreate(baseAddress, raw, out var resolved))
            {
                url = resolved;
            }

            if (url is not null && IsHttp(url))
            {
                links.Add(new ExtractedLink(value.Index, value.Length, value.Value, url));
            }
        }

        foreach (Match m in BareUrl().Matches(text))
        {
            if (tags.Any(t => m.Index >= t.Start && m.Index < t.End))
            {
                continue;
            }

            var s = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'');
            if (Uri.TryCreate(WebUtility.HtmlDecode(s), UriKind.Absolute, out var url) && IsHttp(url))
            {
                links.Add(new ExtractedLink(m.Index, s.Length, s, url));
            }
        }

        links.Sort((a, b) => a.Start.CompareTo(b.Start));
        return links;
    }

    private static bool IsHttp(Uri url) => url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps;

    // "/path" parses as an absolute file URI on Unix; in a web page it is relative to the site.
    private static bool IsRootedFilePath(string raw, Uri uri) => uri.IsFile && !raw.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("""<[a-zA-Z][^<>]*?\s(?:href|src)\s*=\s*(?:"(?<v>[^"]*)"|'(?<v>[^']*)'|(?<v>[^\s"'<>`]+))""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Attribute();

    [GeneratedRegex("<[a-zA-Z/!][^<>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    // ASCII only: in Chinese text a URL is usually followed directly by a character (请访问 https://www.gov.cn 查询).
    [GeneratedRegex("""https?://[A-Za-z0-9\-._~:/?#\[\]@!$&*+,;=%()]+""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();
}
