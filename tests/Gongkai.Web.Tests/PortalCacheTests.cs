using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Gongkai.Web.Tests;

/// <summary>The public pages' output cache: per address and 适老化 setting, anonymous only, emptied by publication.</summary>
public sealed class PortalCacheTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: new Dictionary<string, string?>(WebHost.DemoWithoutApplications) { ["Gongkai:Portal:CacheSeconds"] = "30" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Public_pages_are_served_from_the_cache_per_care_setting_until_a_publication_empties_it()
    {
        var first = await _host.Client.GetAsync(new Uri("/Xinxi", UriKind.Relative));
        Assert.Contains("暂无已发布的信息", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("Age"));
        var again = await _host.Client.GetAsync(new Uri("/Xinxi", UriKind.Relative));
        Assert.True(again.Headers.Contains("Age"), "the second request is served from the cache");

        // A signed-in user's pages are neither served from nor put into the cache.
        var staff = await _host.SignInAsync("gkb");
        await staff.GetAsync(new Uri("/Xinxi?kind=Information", UriKind.Relative));
        Assert.False((await staff.GetAsync(new Uri("/Xinxi", UriKind.Relative))).Headers.Contains("Age"));
        Assert.False((await _host.Client.GetAsync(new Uri("/Xinxi?kind=Information", UriKind.Relative))).Headers.Contains("Age"));

        // An item written behind the portal's back is not seen while the page is cached.
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试操作员");
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var agency = await db.Agencies.OrderBy(a => a.Id).FirstAsync();
            await CatalogueSeed.AddAsync(db, agency.Id, agency.Name, now, "缓存测试通知", [("缓存测试通知", now.AddMinutes(-5))]);
            await scope.ServiceProvider.GetRequiredService<CatalogueSearchIndexer>().RebuildAsync();
        }

        Assert.DoesNotContain("缓存测试通知", await _host.Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);

        // Another address (a query) and the 适老化 setting are cached separately.
        Assert.Contains("缓存测试通知", await _host.Client.GetStringAsync("/Xinxi?year=2026"), StringComparison.Ordinal);
        using var care = new HttpClient { BaseAddress = _host.Address };
        care.DefaultRequestHeaders.Add("Cookie", "gongkai-care=1");
        var carePage = await care.GetStringAsync("/Xinxi");
        Assert.Contains("class=\"care\"", carePage, StringComparison.Ordinal);
        Assert.Contains("缓存测试通知", carePage, StringComparison.Ordinal);

        // What the publishing pages call after a publication or withdrawal.
        await _host.App.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>().EvictByTagAsync(Gongkai.Web.Infrastructure.PortalCache.Tag, default);
        Assert.Contains("缓存测试通知", await _host.Client.GetStringAsync("/Xinxi"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_or_withdrawing_a_notice_empties_the_cache()
    {
        Assert.DoesNotContain("缓存公告测试", await _host.Client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.True((await _host.Client.GetAsync(new Uri("/", UriKind.Relative))).Headers.Contains("Age"), "the home page is cached");

        using var office = await _host.SignInAsync("gkb");
        var token = await WebHost.TokenAsync(office, "/Admin/Notices/Edit");
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["title"] = "缓存公告测试", ["body"] = "正文", ["publishedAt"] = string.Empty }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Notices/Edit", UriKind.Relative), form)).StatusCode);
        }

        Assert.Contains("缓存公告测试", await _host.Client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.True((await _host.Client.GetAsync(new Uri("/", UriKind.Relative))).Headers.Contains("Age"), "cached again");

        int id;
        await using (var scope = _host.App.Services.CreateAsyncScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().PortalNotices.Where(n => n.Title == "缓存公告测试").Select(n => n.Id).SingleAsync();
        }

        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["version"] = "1" }))
        {
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await office.PostAsync(new Uri("/Admin/Notices?handler=Withdraw", UriKind.Relative), form)).StatusCode);
        }

        Assert.DoesNotContain("缓存公告测试", await _host.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
