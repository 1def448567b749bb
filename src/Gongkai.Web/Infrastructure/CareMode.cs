namespace Gongkai.Web.Infrastructure;

/// <summary>
/// 适老化模式 (care mode) of the public pages: extra-large text, high contrast, a simpler layout. Switched by a plain
/// link to <c>/Shiluohua</c> (no JavaScript) and remembered for a year in an essential cookie; the layout then puts
/// the class <see cref="HtmlClass"/> on <c>&lt;html&gt;</c> and site.css does the rest.
/// </summary>
public static class CareMode
{
    public const string CookieName = "gongkai-care";

    public const string HtmlClass = "care";

    public const string SwitchPath = "/Shiluohua";

    public static bool IsOn(HttpRequest request) => request.Cookies.TryGetValue(CookieName, out var value) && value == "1";

    /// <summary>Turns the mode on (a one-year cookie) or off (the cookie deleted).</summary>
    public static void Set(HttpContext context, bool on)
    {
        var options = new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
        };
        if (on)
        {
            options.MaxAge = TimeSpan.FromDays(365);
            context.Response.Cookies.Append(CookieName, "1", options);
        }
        else
        {
            context.Response.Cookies.Delete(CookieName, options);
        }
    }

    /// <summary>The address of the switch from the page at <paramref name="request"/>, back to that page.</summary>
    public static string SwitchUrl(HttpRequest request, bool on) =>
        $"{SwitchPath}?on={(on ? "1" : "0")}&returnUrl={Uri.EscapeDataString(request.PathBase + request.Path + request.QueryString)}";

    /// <summary>A local path to go back to; anything else (another site, <c>//host</c>, <c>/\host</c>) becomes the home page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl)
        && !url.StartsWith(SwitchPath, StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";
}
