using System.Net;
using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Gongkai.Web.Tests;

/// <summary>A database with a few published items, indexed as a bulk load would be.</summary>
public sealed class SearchPagesFixture : IAsyncLifetime
{
    public const string Agency = "包头市昆都仑区民政局";

    public WebHost Host { get; private set; } = null!;

    public int AgencyId { get; private set; }

    public int Allowance { get; private set; }

    public int Centre { get; private set; }

    public async Task InitializeAsync()
    {
        Host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);
        await using var scope = Host.App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试操作员");
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        AgencyId = await db.Agencies.Where(a => a.Name == Agency).Select(a => a.Id).SingleAsync();
        for (var n = 1; n <= 22; n++)
        {
            await CatalogueSeed.AddAsync(db, AgencyId, Agency, now, $"招生工作通知（第{n}批）", [($"招生工作通知（第{n}批）", now.AddDays(-30 + n))], body: "做好招生工作。");
        }

        Allowance = await CatalogueSeed.AddAsync(db, AgencyId, Agency, now, "关于提高城乡低保标准的通知", [("关于提高城乡低保标准的通知", now.AddDays(-2))], body: "自2027年1月起，城乡低保标准每人每月提高50元。");
        Centre = await CatalogueSeed.AddAsync(db, AgencyId, Agency, now, "昆都仑区养老服务中心建设项目公示", [("昆都仑区养老服务中心建设项目公示", now.AddDays(-1))], body: "区养老服务中心建设项目已完成立项，现予公示。");
        await scope.ServiceProvider.GetRequiredService<CatalogueSearchIndexer>().RebuildAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>站内搜索 and the catalogue's filters as a browser without JavaScript uses them.</summary>
public sealed class SearchPagesTests(SearchPagesFixture data) : IClassFixture<SearchPagesFixture>
{
    private Task<string> GetAsync(string path) => data.Host.Client.GetStringAsync(path);

    [Fact]
    public async Task Words_are_found_and_highlighted()
    {
        var html = await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("养老"));
        Assert.Contains("找到 1 条与“养老”相关的信息", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/Xinxi/{data.Centre}\">昆都仑区<mark>养老</mark>服务中心建设项目公示</a>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"snippet\">概述：昆都仑区<mark>养老</mark>服务中心建设项目公示</p>", html, StringComparison.Ordinal);
        Assert.Contains("· 索引号 TEST-2026-", html, StringComparison.Ordinal);

        var compound = await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("城乡低保"));
        Assert.Contains($"href=\"/Xinxi/{data.Allowance}\"", compound, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/Xinxi/{data.Centre}\"", compound, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_words_no_results_and_hostile_text_have_their_own_answers()
    {
        Assert.Contains("data-testid=\"search-prompt\"", await GetAsync("/Sousuo"), StringComparison.Ordinal);
        var none = await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("火星探测"));
        Assert.Contains("没有找到与“火星探测”相关的信息", none, StringComparison.Ordinal);
        Assert.Contains("href=\"/Shenqing\"", none, StringComparison.Ordinal);
        Assert.Contains("<title>搜索“火星探测”：没有结果", none, StringComparison.Ordinal);

        var hostile = await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.DoesNotContain("<script>alert(1)", hostile, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hostile, StringComparison.Ordinal);

        Assert.Contains("没有可以搜索的文字", await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("！？……")), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"query-cut\"", await GetAsync("/Sousuo?q=" + new string('养', 150)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_page_with_their_words_sort_and_filters_kept()
    {
        // Every seeded item has 招生 among its keywords, so all 24 match.
        var first = await GetAsync("/Sousuo?q=" + Uri.EscapeDataString("招生") + "&sort=date&agency=" + data.AgencyId);
        Assert.Contains("找到 24 条", first, StringComparison.Ordinal);
        Assert.Contains("按发布时间排列", first, StringComparison.Ordinal);
        Assert.Contains("工作通知（第22批）", first, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Sousuo?q=%E6%8B%9B%E7%94%9F&amp;agency={data.AgencyId}&amp;sort=date&amp;page=2\"", first, StringComparison.Ordinal);
        var second = await GetAsync($"/Sousuo?q=%E6%8B%9B%E7%94%9F&agency={data.AgencyId}&sort=date&page=2");
        Assert.Contains("工作通知（第1批）", second, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\"", second, StringComparison.Ordinal);
        Assert.DoesNotContain("工作通知（第22批）", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_filters_and_says_what_it_ignored()
    {
        var all = await GetAsync("/Xinxi");
        Assert.Contains("共 24 条", all, StringComparison.Ordinal);
        Assert.Contains("关于提高城乡低保标准的通知", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/Xinxi?page=2\"", all, StringComparison.Ordinal);

        Assert.Contains("共 24 条", await GetAsync($"/Xinxi?agency={data.AgencyId}&year=2026&directory=Statutory"), StringComparison.Ordinal);
        Assert.Contains("没有符合筛选条件的信息", await GetAsync("/Xinxi?year=2019"), StringComparison.Ordinal);
        Assert.Contains("没有符合筛选条件的信息", await GetAsync("/Xinxi?directory=Guide"), StringComparison.Ordinal);

        var odd = await GetAsync("/Xinxi?year=abc&directory=7&article20=99");
        Assert.Contains("以下筛选条件无法识别，已忽略：目录、条例第二十条事项、年度", odd, StringComparison.Ordinal);
        Assert.Contains("共 24 条", odd, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await data.Host.Client.GetAsync(new Uri("/Xinxi?page=999999999999", UriKind.Relative))).StatusCode);
    }
}
