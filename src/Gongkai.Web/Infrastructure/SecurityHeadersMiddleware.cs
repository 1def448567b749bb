namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Security headers on every response. The content security policy allows no inline script or style: pages load
/// their CSS and JS from /css and /js only. The one exception is a letter shown for printing, which sets its own
/// policy: nothing loaded, nothing run, its inline style allowed (<see cref="LetterPolicy"/>).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string LetterPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            // A page that set its own, stricter policy keeps it (a printable letter: no script, no loads, inline styles only).
            if (string.IsNullOrEmpty(h.ContentSecurityPolicy))
            {
                h.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
