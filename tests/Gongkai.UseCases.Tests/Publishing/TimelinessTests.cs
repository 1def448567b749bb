using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>
/// 公开时效 (条例第二十六条): the board per unit and the monthly 超期公开 list, on items and published versions written
/// straight into the tables with known dates on the official 2025–2026 calendars (国庆 weeks, their 调休 Saturdays and
/// Sundays), scoped to what each user may see. Today is 2026-11-27 (a Friday).
/// </summary>
public abstract class TimelinessTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Office = "gkb";

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private Task<DateOnly> DueAsync(DateOnly formed) =>
        InScopeAsync(async sp => (await sp.GetRequiredService<CalendarProvider>().GetAsync(sp.GetRequiredService<Data.GongkaiDbContext>())).AddWorkingDays(formed, PublicationTimeliness.StatutoryWorkingDays).Date);

    private async Task<int> UnitAsync(string name) =>
        await UseCase<CreateAgency, int>(async u => await u.ExecuteAsync(new AgencyInput { Name = name, ShortName = name[^4..], Kind = AgencyKind.Department, ParentId = await AgencyIdAsync(DemoAgencies.DistrictGovernment) }));

    /// <summary>An item formed (or, for a revision, changed) on a day, in a stage, with the versions published so far (each with its own deadline).</summary>
    private async Task<int> ItemAsync(
        int agency,
        string title,
        DateOnly formed,
        ItemStage stage,
        (DateOnly Due, DateOnly On)[]? published = null,
        DateOnly? changed = null,
        DisclosureAttribute attribute = DisclosureAttribute.Proactive,
        string? index = null)
    {
        published ??= [];
        var due = await DueAsync(changed ?? formed);
        var working = changed is null ? 1 : published.Length + 1;
        if (stage is ItemStage.Published or ItemStage.Withdrawn && published.Length > 0)
        {
            working = published.Length;
        }

        return await QueryAsync(async db =>
        {
            var now = Database.Clock.GetUtcNow();
            var item = new CatalogueItemRecord
            {
                AgencyId = agency,
                Title = title,
                Formed = formed,
                Changed = changed,
                DueOn = due,
                Stage = stage,
                Attribute = attribute,
                Revision = working,
                PublishedRevision = published.Length,
                IndexNumber = index,
                PublishingAgency = "测试",
                CreatedAt = now,
                CreatedBy = "测试",
                UpdatedAt = now,
                UpdatedBy = "测试",
                Version = 1,
            };
            db.CatalogueItems.Add(item);
            await db.SaveChangesAsync();
            for (var r = 0; r < published.Length; r++)
            {
                var on = published[r].On;
                db.CatalogueRevisions.Add(new CatalogueRevisionRecord
                {
                    ItemId = item.Id,
                    Revision = r + 1,
                    Title = title,
                    DueOn = published[r].Due,
                    PublishedOn = on,
                    PublishedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime(),
                    PublishedBy = "测试",
                });
            }

            await db.SaveChangesAsync();
            return item.Id;
        });
    }

    private sealed record World(int X, int Y, int Education, int A, int B, int C, int D, int E, int H, int K, int L, int M, int N);

    private async Task<World> ArrangeAsync()
    {
        var x = await UnitAsync("包头市昆都仑区时效测试甲局");
        var y = await UnitAsync("包头市昆都仑区时效测试乙局");
        var education = await AgencyIdAsync("包头市昆都仑区教育局");

        // 2026-09-18 + 20 working days: the 9-20 make-up Sunday counts, 中秋 9-25 and 国庆 10-01…07 do not, the 10-10 make-up Saturday does.
        var a = await ItemAsync(x, "甲：国庆前形成、超期 3 个工作日公开", D(2026, 9, 18), ItemStage.Published, [(D(2026, 10, 22), D(2026, 10, 27))], index: "X-2026-0001");
        var b = await ItemAsync(x, "甲：按时公开", D(2026, 9, 30), ItemStage.Published, [(D(2026, 11, 3), D(2026, 10, 30))], index: "X-2026-0002");
        var c = await ItemAsync(x, "甲：初审中已超期", D(2026, 9, 25), ItemStage.FirstReview);
        var d = await ItemAsync(x, "甲：十月超期、十一月才公开", D(2026, 9, 10), ItemStage.Published, [(D(2026, 10, 14), D(2026, 11, 5))], index: "X-2026-0003");
        var e = await ItemAsync(x, "甲：即将到期", D(2026, 11, 2), ItemStage.SecondReview);
        await ItemAsync(x, "甲：草稿", D(2026, 11, 20), ItemStage.Draft);
        await ItemAsync(x, "甲：依申请公开的不计", D(2026, 9, 10), ItemStage.Draft, attribute: DisclosureAttribute.OnRequest);
        await ItemAsync(x, "甲：已撤回的不计", D(2026, 9, 10), ItemStage.Withdrawn);

        var h = await ItemAsync(y, "乙：修订版超期公开", D(2026, 3, 2), ItemStage.Published, [(D(2026, 3, 30), D(2026, 3, 20)), (D(2026, 11, 5), D(2026, 11, 20))], changed: D(2026, 10, 9), index: "Y-2026-0001");
        var k = await ItemAsync(y, "乙：2025 年国庆后超期公开", D(2025, 9, 26), ItemStage.Published, [(D(2025, 10, 30), D(2025, 11, 3))], index: "Y-2025-0001");
        var l = await ItemAsync(y, "乙：待发布已超期", D(2026, 10, 28), ItemStage.ReadyToPublish);
        var m = await ItemAsync(y, "乙：修订中", D(2026, 6, 1), ItemStage.Draft, [(await DueAsync(D(2026, 6, 1)), D(2026, 6, 10))], changed: D(2026, 11, 20), index: "Y-2026-0002");

        await ItemAsync(y, "乙：定时发布（12 月 1 日），尚未公开", D(2026, 11, 2), ItemStage.Published, [(D(2026, 11, 30), D(2026, 12, 1))], index: "Y-2026-0003");

        var n = await ItemAsync(education, "教育局：草稿已超期", D(2026, 9, 25), ItemStage.Draft);
        return new World(x, y, education, a, b, c, d, e, h, k, l, m, n);
    }

    [ProviderFact]
    public async Task Deadlines_follow_the_official_calendar_with_its_make_up_days_and_holiday_weeks()
    {
        Assert.Equal(D(2026, 10, 22), await DueAsync(D(2026, 9, 18)));
        Assert.Equal(D(2025, 10, 30), await DueAsync(D(2025, 9, 26)));
        Assert.Equal(D(2026, 11, 5), await DueAsync(D(2026, 10, 9)));
    }

    [ProviderFact]
    public async Task The_board_counts_waiting_overdue_due_soon_and_this_years_versions_per_unit_worst_first()
    {
        var w = await ArrangeAsync();
        var board = await AsStaff<GetTimelinessBoard, TimelinessBoard>(Office, u => u.ExecuteAsync());
        Assert.Equal(D(2026, 11, 27), board.Today);
        Assert.Equal(D(2026, 12, 4), board.DueSoonUntil);
        Assert.Null(board.ProvisionalWarning);

        var x = board.Rows.Single(r => r.AgencyId == w.X);
        Assert.Equal((3, 1, 1, 1, 1, 2), (x.Waiting, x.Overdue, x.DueSoon, x.Open, x.OnTime, x.Late));
        Assert.Equal(0.6667m, x.LateRate);

        // A revision counts on its own: version 1 on time, version 2 late; the 2025 version is not this year's; a
        // version set to publish next week still waits (due soon).
        var y = board.Rows.Single(r => r.AgencyId == w.Y);
        Assert.Equal((3, 1, 1, 1, 2, 1), (y.Waiting, y.Overdue, y.DueSoon, y.Open, y.OnTime, y.Late));

        var education = board.Rows.Single(r => r.AgencyId == w.Education);
        Assert.True(education.Overdue >= 1);

        // Worst first: the most overdue, then the highest late rate; units with nothing come last.
        var ids = board.Rows.Select(r => r.AgencyId).ToList();
        Assert.True(ids.IndexOf(w.X) < ids.IndexOf(w.Y));
        Assert.True(ids.IndexOf(w.Y) < ids.IndexOf(ids.First(id => board.Rows.Single(r => r.AgencyId == id) is { Waiting: 0, Published: 0 })));
        Assert.Equal(board.Rows.Sum(r => r.Overdue), board.Totals.Overdue);
        Assert.Equal(board.Rows.Sum(r => r.Late), board.Totals.Late);
        Assert.Equal("合计", board.Totals.AgencyName);

        // A department sees only itself; another branch sees none of the district's units.
        var own = await AsStaff<GetTimelinessBoard, TimelinessBoard>("jyj-cb", u => u.ExecuteAsync());
        Assert.Equal([w.Education], own.Rows.Select(r => r.AgencyId));
        var street = await AsStaff<GetTimelinessBoard, TimelinessBoard>("zt-cb", u => u.ExecuteAsync());
        Assert.DoesNotContain(street.Rows, r => r.AgencyId == w.X || r.AgencyId == w.Education);
        Assert.Equal(0, street.Totals.Overdue);
    }

    [ProviderFact]
    public async Task The_monthly_list_has_the_versions_published_late_in_the_month_and_the_items_overdue_at_its_end()
    {
        var w = await ArrangeAsync();
        var october = await AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync("2026-10"));
        Assert.Equal((D(2026, 10, 1), D(2026, 10, 31), D(2026, 10, 31)), (october.First, october.Last, october.AsOf));
        Assert.Equal("2026年10月", october.MonthName);
        Assert.Null(october.ProvisionalWarning);

        var x = october.Units.Single(u => u.AgencyId == w.X);
        Assert.Equal((1, 2), (x.PublishedLate, x.Overdue));
        var a = x.Entries.Single(e => e.ItemId == w.A);
        Assert.Equal((LateEntryKind.PublishedLate, D(2026, 9, 18), D(2026, 10, 22), (DateOnly?)D(2026, 10, 27), 3, "X-2026-0001", "成文日期"), (a.Kind, a.FormedOrChanged!.Value, a.DueOn, a.PublishedOn, a.WorkingDaysLate, a.IndexNumber, a.DateLabel));

        // Overdue at the month's end: still in review (one working day, Friday 10-30), and one published only in November.
        var c = x.Entries.Single(e => e.ItemId == w.C);
        Assert.Equal((LateEntryKind.Overdue, (DateOnly?)null, 1, (string?)null), (c.Kind, c.PublishedOn, c.WorkingDaysLate, c.IndexNumber));
        var d = x.Entries.Single(e => e.ItemId == w.D);
        Assert.Equal((LateEntryKind.Overdue, 12, (DateOnly?)null, (DateOnly?)D(2026, 11, 5)), (d.Kind, d.WorkingDaysLate, d.PublishedOn, d.PublishedLater));
        Assert.DoesNotContain(x.Entries, e => e.ItemId == w.B);

        Assert.DoesNotContain(october.Units, u => u.AgencyId == w.Y);
        Assert.Contains(october.Units.Single(u => u.AgencyId == w.Education).Entries, e => e.ItemId == w.N);
        var tree = (await AsStaff<ListAgencies, IReadOnlyList<AgencyNode>>(Office, u => u.ExecuteAsync())).Select(n => n.Id).ToList();
        Assert.Equal(tree.Where(october.Units.Select(u => u.AgencyId).Contains), october.Units.Select(u => u.AgencyId));

        // November, counted at today: D is now late-published (16 working days), the revision of Y late by 11 with its 变更日期.
        var november = await AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync("2026-11"));
        Assert.Equal(D(2026, 11, 27), november.AsOf);
        var xn = november.Units.Single(u => u.AgencyId == w.X);
        Assert.Equal(16, xn.Entries.Single(e => e.ItemId == w.D && e.Kind == LateEntryKind.PublishedLate).WorkingDaysLate);
        Assert.Equal(21, xn.Entries.Single(e => e.ItemId == w.C).WorkingDaysLate);
        Assert.DoesNotContain(xn.Entries, e => e.ItemId == w.E);
        var yn = november.Units.Single(u => u.AgencyId == w.Y);
        var h = yn.Entries.Single(e => e.ItemId == w.H);
        Assert.Equal((2, LateEntryKind.PublishedLate, D(2026, 10, 9), "变更日期", 11), (h.Revision, h.Kind, h.FormedOrChanged!.Value, h.DateLabel, h.WorkingDaysLate));
        Assert.Equal((LateEntryKind.Overdue, 2), yn.Entries.Single(e => e.ItemId == w.L) is var l ? (l.Kind, l.WorkingDaysLate) : default);
        Assert.DoesNotContain(yn.Entries, e => e.ItemId == w.M);

        // A past year across its 国庆 week.
        var k = (await AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync("2025-11"))).Units.Single(u => u.AgencyId == w.Y).Entries.Single();
        Assert.Equal((w.K, 2), (k.ItemId, k.WorkingDaysLate));
        var k10 = (await AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync("2025-10"))).Units.Single(u => u.AgencyId == w.Y).Entries.Single();
        Assert.Equal((w.K, LateEntryKind.Overdue, 1), (k10.ItemId, k10.Kind, k10.WorkingDaysLate));

        // Scope: the education bureau's clerk sees only its own unit.
        var own = await AsStaff<ListLateItems, LateList>("jyj-cb", u => u.ExecuteAsync("2026-10"));
        Assert.Equal([w.Education], own.Units.Select(u => u.AgencyId));
        Assert.DoesNotContain((await AsStaff<ListLateItems, LateList>("zt-cb", u => u.ExecuteAsync("2026-10"))).Units, u => u.AgencyId == w.X || u.AgencyId == w.Education);
    }

    [ProviderFact]
    public async Task The_month_is_checked_in_chinese()
    {
        foreach (var (month, words) in new[] { ("2026-13", "格式"), ("2026/10", "格式"), ("", "格式"), ("2026-12", "本月以后"), ("2007-12", "2008") })
        {
            var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync(month)));
            Assert.Contains(words, ex.Errors["month"], StringComparison.Ordinal);
        }
    }

    [ProviderFact]
    public async Task A_month_whose_calendar_year_is_not_loaded_is_counted_monday_to_friday_and_said_to_be_provisional()
    {
        var x = await UnitAsync("包头市昆都仑区时效测试甲局");
        var p = await ItemAsync(x, "跨年形成、2027 年日历未导入", D(2026, 12, 21), ItemStage.FirstReview);
        Database.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 10, 2, 0, 0, TimeSpan.Zero));

        var january = await AsStaff<ListLateItems, LateList>(Office, u => u.ExecuteAsync("2027-01"));
        var entry = january.Units.Single(u => u.AgencyId == x).Entries.Single();
        Assert.Equal(p, entry.ItemId);
        Assert.Equal(D(2027, 1, 18), entry.DueOn);
        Assert.Equal(9, entry.WorkingDaysLate);
        Assert.True(entry.Provisional);
        Assert.Contains("2027 年", january.ProvisionalWarning, StringComparison.Ordinal);

        var board = await AsStaff<GetTimelinessBoard, TimelinessBoard>(Office, u => u.ExecuteAsync());
        Assert.Equal(1, board.Rows.Single(r => r.AgencyId == x).Overdue);
        Assert.Contains("2027 年", board.ProvisionalWarning, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_workbook_lists_every_entry_and_the_counts_per_unit()
    {
        var w = await ArrangeAsync();
        var file = await AsStaff<ExportLateItems, ReportFile>(Office, u => u.ExecuteAsync("2026-10"));
        Assert.Equal("超期公开清单-2026-10.xlsx", file.FileName);
        using var stream = new MemoryStream(file.Content);
        Assert.Equal([LateListWorkbook.EntriesSheet, LateListWorkbook.UnitsSheet], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: LateListWorkbook.EntriesSheet).Cast<IDictionary<string, object?>>().ToList();
        var a = rows.Single(r => (string?)r["标题"] == "甲：国庆前形成、超期 3 个工作日公开");
        Assert.Equal("包头市昆都仑区时效测试甲局", a["单位"]);
        Assert.Equal("超期公开", a["类别"]);
        Assert.Equal("X-2026-0001", a["索引号"]);
        Assert.Equal("2026-09-18", a["成文/变更日期"]);
        Assert.Equal("2026-10-22", a["公开期限"]);
        Assert.Equal("2026-10-27", a["公开日期"]);
        Assert.Equal(3m, Convert.ToDecimal(a["超期工作日"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("未公开（截至 2026-10-31）", rows.Single(r => (string?)r["标题"] == "甲：初审中已超期")["公开日期"]);

        stream.Position = 0;
        var units = stream.Query(useHeaderRow: true, sheetName: LateListWorkbook.UnitsSheet).Cast<IDictionary<string, object?>>().ToList();
        var x = units.Single(r => (string?)r["单位"] == "包头市昆都仑区时效测试甲局");
        Assert.Equal((1m, 2m, 3m), (Convert.ToDecimal(x["超期公开"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDecimal(x["超期未公开"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDecimal(x["合计"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("合计", units[^1]["单位"]);
        Assert.Equal(rows.Count, Convert.ToInt32(units[^1]["合计"], System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteTimelinessTests() : TimelinessTests(DatabaseProvider.Sqlite);

public sealed class PostgresTimelinessTests() : TimelinessTests(DatabaseProvider.Postgres);
