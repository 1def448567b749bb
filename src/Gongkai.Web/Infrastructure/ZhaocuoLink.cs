using Gongkai.UseCases.Portal;

namespace Gongkai.Web.Infrastructure;

/// <summary>The footer's "我为政府网站找错" link, carrying the page it is clicked on (path and query) as <c>?page=</c>.</summary>
public static class ZhaocuoLink
{
    public const string Path = "/Zhaocuo";

    public static string For(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase))
        {
            return Path;
        }

        var page = request.PathBase.Add(request.Path).Value + request.QueryString.Value;
        return string.IsNullOrEmpty(page) || SiteErrorReportRules.NormalisePageUrl(page) is null
            ? Path
            : Path + QueryString.Create("page", page).ToUriComponent();
    }
}
