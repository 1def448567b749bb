using System.Net;
using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.Web.Tests;

/// <summary>The 公开时效 board and the monthly 超期公开 list, as a browser without JavaScript uses them (today is 2026-11-27).</summary>
public sealed class TimelinessPagesTests : IAsyncLifetime
{
    private const string LateTitle = "关于公布2026年秋季学期中小学收费标准的通知";
    private const string WaitingTitle = "关于2026年义务教育招生入学工作的实施意见";

    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true, settings: WebHost.DemoWithoutApplications);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The education bureau: one version published three working days late in October, one item still in review and overdue, one due on Monday.</summary>
    private async Task<int> ArrangeAsync()
    {
        await using var scope = _host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var education = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        var now = _host.Database.Clock.GetUtcNow();
        CatalogueItemRecord Item(string title, DateOnly formed, DateOnly due, ItemStage stage, int published, string? index) => new()
        {
            AgencyId = education,
            Title = title,
            Formed = formed,
            DueOn = due,
            Stage = stage,
            PublishedRevision = published,
            IndexNumber = index,
            CreatedAt = now,
            CreatedBy = "测试",
            UpdatedAt = now,
            UpdatedBy = "测试",
            Version = 1,
        };
        var late = Item(LateTitle, new DateOnly(2026, 9, 18), new DateOnly(2026, 10, 22), ItemStage.Published, 1, "JYJ-2026-0007");
        var waiting = Item(WaitingTitle, new DateOnly(2026, 9, 25), new DateOnly(2026, 10, 29), ItemStage.FirstReview, 0, null);
        var soon = Item("关于2026年寒假中小学安全工作的通知", new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 30), ItemStage.SecondReview, 0, null);
        db.CatalogueItems.AddRange(late, waiting, soon);
        await db.SaveChangesAsync();
        db.CatalogueRevisions.Add(new CatalogueRevisionRecord
        {
            ItemId = late.Id,
            Revision = 1,
            Title = LateTitle,
            DueOn = late.DueOn,
            PublishedOn = new DateOnly(2026, 10, 27),
            PublishedAt = new DateTimeOffset(2026, 10, 27, 2, 0, 0, TimeSpan.Zero),
            PublishedBy = "测试",
        });
        await db.SaveChangesAsync();
        return education;
    }

    [Fact]
    public async Task The_board_shows_each_units_overdue_items_with_a_link_to_them_and_a_department_sees_only_itself()
    {
        var education = await ArrangeAsync();
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Catalogue/Timeliness");
        Assert.Contains("公开时效", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Catalogue?agency={education}&amp;state=overdue\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/Admin/Catalogue?agency={education}&amp;state=duesoon\"", page, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区沼潭街道办事处", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"totals\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Catalogue/Timeliness/Late?month=2026-10\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/Admin/Catalogue/Timeliness\" aria-current=\"page\"", page, StringComparison.Ordinal);

        using var clerk = await _host.SignInAsync("zt-cb");
        var own = await clerk.GetStringAsync("/Admin/Catalogue/Timeliness");
        Assert.Contains("data-agency=\"包头市昆都仑区沼潭街道办事处\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("包头市昆都仑区教育局", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_list_groups_late_items_by_unit_prints_and_downloads_as_a_workbook()
    {
        await ArrangeAsync();
        using var office = await _host.SignInAsync("gkb");
        var page = await office.GetStringAsync("/Admin/Catalogue/Timeliness/Late?month=2026-10");
        Assert.Contains("2026年10月政府信息超期公开情况", page, StringComparison.Ordinal);
        Assert.Contains(LateTitle, page, StringComparison.Ordinal);
        Assert.Contains(WaitingTitle, page, StringComparison.Ordinal);
        Assert.Contains("JYJ-2026-0007", page, StringComparison.Ordinal);
        Assert.Contains("包头市昆都仑区教育局（超期公开 1 条，超期未公开 1 条）", page, StringComparison.Ordinal);
        Assert.Contains("data-print hidden", page, StringComparison.Ordinal);
        Assert.Contains("/js/print.js", page, StringComparison.Ordinal);

        // Without a month: last month.
        Assert.Contains("2026年10月", await office.GetStringAsync("/Admin/Catalogue/Timeliness/Late"), StringComparison.Ordinal);

        var file = await office.GetAsync(new Uri("/Admin/Catalogue/Timeliness/Late?handler=Xlsx&month=2026-10", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(ExportLateItems.ContentType, file.Content.Headers.ContentType!.MediaType);
        Assert.Contains("2026-10.xlsx", file.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        using var xlsx = new MemoryStream(await file.Content.ReadAsByteArrayAsync());
        var rows = xlsx.Query(useHeaderRow: true, sheetName: LateListWorkbook.EntriesSheet).Cast<IDictionary<string, object?>>().ToList();
        var late = rows.Single(r => (string?)r["标题"] == LateTitle);
        Assert.Equal(("包头市昆都仑区教育局", "超期公开", "2026-10-22", "2026-10-27"), ((string?)late["单位"], (string?)late["类别"], (string?)late["公开期限"], (string?)late["公开日期"]));
        Assert.Equal(3, Convert.ToInt32(late["超期工作日"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => (string?)r["标题"] == WaitingTitle && (string?)r["类别"] == "超期未公开");
    }

    [Fact]
    public async Task An_empty_month_says_so_and_a_bad_month_is_refused_in_chinese()
    {
        await ArrangeAsync();
        using var office = await _host.SignInAsync("gkb");
        var empty = await office.GetStringAsync("/Admin/Catalogue/Timeliness/Late?month=2026-08");
        Assert.Contains("本月没有超期公开的信息。", empty, StringComparison.Ordinal);

        var bad = await office.GetAsync(new Uri("/Admin/Catalogue/Timeliness/Late?month=2026-13", UriKind.Relative));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请按“2026-10”的格式填写年月。", badPage, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-13\"", badPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await office.GetAsync(new Uri("/Admin/Catalogue/Timeliness/Late?handler=Xlsx&month=2027-01", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("/Admin/Catalogue/Timeliness")]
    [InlineData("/Admin/Catalogue/Timeliness/Late?month=2026-10")]
    [InlineData("/Admin/Catalogue/Timeliness/Late?handler=Xlsx&month=2026-10")]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string path)
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _host.Address };
        var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
