using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The public pages' output cache: anonymous GET requests of the portal's read-only pages are rendered once per
/// address and 适老化 setting and served from memory for <see cref="PortalOptions.CacheSeconds"/>. Signed-in users,
/// responses that set a cookie, and pages with forms that post (they carry an antiforgery token) are never cached.
/// Publishing and withdrawal of items, and saving or withdrawing a 网站公告, evict every cached page
/// (<see cref="EvictAsync"/>).
/// </summary>
public static class PortalCache
{
    public const string Policy = "portal";

    public const string Tag = "portal";

    public const int DefaultSeconds = 30;

    public static IServiceCollection AddPortalCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetSection(PortalOptions.SectionName).GetValue(nameof(PortalOptions.CacheSeconds), DefaultSeconds);
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 256L * 1024 * 1024;
            o.AddPolicy(Policy, b =>
            {
                if (seconds <= 0)
                {
                    b.NoCache();
                    return;
                }

                b.Expire(TimeSpan.FromSeconds(seconds))
                    .SetVaryByQuery("*")
                    .VaryByValue(c => new KeyValuePair<string, string>("care", CareMode.IsOn(c.Request) ? "1" : "0"))
                    .Tag(Tag);
            });
        });
        return services;
    }

    /// <summary>Drops every cached public page (after a publication or withdrawal).</summary>
    public static Task EvictAsync(HttpContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var store = context.RequestServices.GetService<IOutputCacheStore>();
        return store is null ? Task.CompletedTask : store.EvictByTagAsync(Tag, ct).AsTask();
    }
}
