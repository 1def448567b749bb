using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Portal;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Portal;

/// <summary>
/// 网站公告: the 政务公开办 and administrators publish, edit (refused on a stale version) and withdraw notices; the
/// public sees a notice from its publication until its last day (北京时间) or its withdrawal, pinned first. Today is
/// 2026-11-27 10:00 北京时间; the demo has three current notices, one scheduled for tomorrow and one expired.
/// </summary>
public abstract class PortalNoticeTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Office = "gkb";

    private static readonly DateOnly Today = new(2026, 11, 27);

    private Task<int> CreateAsync(string title, DateOnly? expires = null, bool pinned = false, DateTimeOffset? at = null, string user = Office) =>
        AsStaff<CreatePortalNotice, int>(user, u => u.ExecuteAsync(new NoticeInput { Title = title, Body = "第一行\n第二行", ExpiresOn = expires, Pinned = pinned, PublishedAt = at }));

    private Task<Page<PublicNotice>> CurrentAsync(int size = 20) => UseCase<ListCurrentNotices, Page<PublicNotice>>(u => u.ExecuteAsync(1, size));

    [ProviderFact]
    public async Task The_demo_shows_its_current_notices_pinned_first_and_keeps_the_scheduled_and_expired_ones_in_the_back_office()
    {
        var current = await CurrentAsync();
        Assert.Equal(3, current.Total);
        Assert.Equal(DemoNotices.MaintenanceTitle, current.Items[0].Title);
        Assert.True(current.Items[0].Pinned);
        var all = await AsStaff<ListPortalNotices, Page<NoticeRow>>(Office, u => u.ExecuteAsync());
        Assert.Equal(5, all.Total);
        Assert.Equal(NoticeState.Scheduled, all.Items[0].State);
        Assert.Contains(all.Items, n => n.State == NoticeState.Expired);
    }

    [ProviderFact]
    public async Task An_office_publishes_a_notice_that_the_public_sees_newest_first_after_the_pinned_ones()
    {
        var id = await CreateAsync("  关于调整办公地点的公告 ", expires: Today);
        var current = await CurrentAsync();
        Assert.Equal(4, current.Total);
        Assert.Equal(DemoNotices.MaintenanceTitle, current.Items[0].Title);
        Assert.Equal(id, current.Items[1].Id);
        Assert.Equal("关于调整办公地点的公告", current.Items[1].Title);
        var notice = await UseCase<GetPublicNotice, PublicNotice>(u => u.ExecuteAsync(id));
        Assert.Equal("第一行\n第二行", notice.Body);
        Assert.Equal(Database.Clock.GetUtcNow(), notice.PublishedAt);

        var pinned = await CreateAsync("置顶的新公告", pinned: true);
        Assert.Equal(pinned, (await CurrentAsync(size: 5)).Items[0].Id);
        Assert.Equal(5, (await CurrentAsync(size: 5)).Items.Count);

        var admin = await CreateAsync("管理员发布的公告", user: "admin");
        Assert.Contains((await CurrentAsync()).Items, n => n.Id == admin);
    }

    [ProviderFact]
    public async Task A_clerk_may_not_manage_notices()
    {
        var create = await Assert.ThrowsAsync<DomainException>(() => CreateAsync("承办人的公告", user: "jyj-cb"));
        Assert.Equal(StaffContext.ForbiddenCode, create.Code);
        var list = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ListPortalNotices, Page<NoticeRow>>("jyj-cb", u => u.ExecuteAsync()));
        Assert.Equal(StaffContext.ForbiddenCode, list.Code);
    }

    [ProviderFact]
    public async Task Title_body_and_last_day_are_checked_with_chinese_messages()
    {
        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreatePortalNotice, int>(Office, u => u.ExecuteAsync(new NoticeInput { Title = " ", Body = "" })));
        Assert.Equal("请填写公告标题。", empty.Errors["Title"]);
        Assert.Equal("请填写公告正文。", empty.Errors["Body"]);

        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreatePortalNotice, int>(Office, u => u.ExecuteAsync(new NoticeInput { Title = new string('公', 101), Body = new string('告', 2001) })));
        Assert.Equal("公告标题不能超过 100 个字符。", tooLong.Errors["Title"]);
        Assert.Equal("公告正文不能超过 2000 个字符。", tooLong.Errors["Body"]);

        // The publication day is read in 北京时间: 2026-12-01 01:00 北京时间 is still 11-30 in UTC.
        var at = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.FromHours(8));
        var early = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreatePortalNotice, int>(Office, u => u.ExecuteAsync(new NoticeInput { Title = "定时公告", Body = "正文", PublishedAt = at, ExpiresOn = new DateOnly(2026, 11, 30) })));
        Assert.Equal("截止日期不能早于发布日期（2026-12-01）。", early.Errors["ExpiresOn"]);

        var exact = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreatePortalNotice, int>(Office, u => u.ExecuteAsync(new NoticeInput { Title = new string('公', 100), Body = new string('告', 2000), ExpiresOn = Today.AddDays(-1) })));
        Assert.Equal(["ExpiresOn"], exact.Errors.Keys);
        Assert.True(await CreateAsync(new string('公', 100), expires: Today) > 0);
    }

    [ProviderFact]
    public async Task A_stale_edit_is_refused_and_nothing_is_overwritten()
    {
        var id = await CreateAsync("原标题");
        await AsStaff<UpdatePortalNotice, bool>(Office, async u =>
        {
            await u.ExecuteAsync(id, new NoticeInput { Title = "第一次修改", Body = "正文" }, 1);
            return true;
        });
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<UpdatePortalNotice, bool>("admin", async u =>
        {
            await u.ExecuteAsync(id, new NoticeInput { Title = "过期页面的修改", Body = "正文" }, 1);
            return true;
        }));
        Assert.Equal(NoticeRules.ConcurrentChangeCode, stale.Code);
        Assert.Contains("您看到的页面已过期，本次修改未保存", stale.Message, StringComparison.Ordinal);
        Assert.Contains("王芳", stale.Message, StringComparison.Ordinal);
        var row = await AsStaff<GetPortalNotice, NoticeRow>(Office, u => u.ExecuteAsync(id));
        Assert.Equal("第一次修改", row.Title);
        Assert.Equal(2, row.Version);
        Assert.Equal("王芳", row.UpdatedBy);
    }

    [ProviderFact]
    public async Task A_withdrawn_notice_leaves_the_portal_and_can_no_longer_be_edited()
    {
        var id = await CreateAsync("将被撤回的公告");
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<WithdrawPortalNotice, bool>(Office, async u =>
        {
            await u.ExecuteAsync(id, 7);
            return true;
        }));
        Assert.Equal(NoticeRules.ConcurrentChangeCode, stale.Code);

        await AsStaff<WithdrawPortalNotice, bool>(Office, async u =>
        {
            await u.ExecuteAsync(id, 1);
            return true;
        });
        Assert.DoesNotContain((await CurrentAsync()).Items, n => n.Id == id);
        var gone = await Assert.ThrowsAsync<DomainException>(() => UseCase<GetPublicNotice, PublicNotice>(u => u.ExecuteAsync(id)));
        Assert.Equal(StaffContext.NotFoundCode, gone.Code);
        var row = await AsStaff<GetPortalNotice, NoticeRow>(Office, u => u.ExecuteAsync(id));
        Assert.Equal(NoticeState.Withdrawn, row.State);
        Assert.Equal("王芳", row.WithdrawnBy);
        var edit = await Assert.ThrowsAsync<DomainException>(() => AsStaff<UpdatePortalNotice, bool>(Office, async u =>
        {
            await u.ExecuteAsync(id, new NoticeInput { Title = "再改", Body = "正文" }, 2);
            return true;
        }));
        Assert.Equal(NoticeRules.StateCode, edit.Code);
        Assert.True(await QueryAsync(db => db.PortalNotices.AnyAsync(n => n.Id == id)));
    }

    [ProviderFact]
    public async Task A_notice_shows_through_its_last_day_in_beijing_time_and_a_scheduled_one_from_its_time()
    {
        var lastDay = await CreateAsync("今天截止的公告", expires: Today);
        var later = await CreateAsync("明早发布的公告", at: new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(8)));
        Assert.Contains((await CurrentAsync()).Items, n => n.Id == lastDay);
        Assert.DoesNotContain((await CurrentAsync()).Items, n => n.Id == later);
        Assert.Equal(NoticeState.Scheduled, (await AsStaff<GetPortalNotice, NoticeRow>(Office, u => u.ExecuteAsync(later))).State);

        // 23:59 北京时间 on the last day: still shown (15:59 UTC).
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 15, 59, 0, TimeSpan.Zero));
        Assert.Contains((await CurrentAsync()).Items, n => n.Id == lastDay);

        // 00:01 北京时间 the next day (16:01 UTC, still 11-27 in UTC): gone.
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 16, 1, 0, TimeSpan.Zero));
        Assert.DoesNotContain((await CurrentAsync()).Items, n => n.Id == lastDay);
        Assert.Equal(NoticeState.Expired, (await AsStaff<GetPortalNotice, NoticeRow>(Office, u => u.ExecuteAsync(lastDay))).State);

        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
        Assert.Contains((await CurrentAsync()).Items, n => n.Id == later);
    }
}

public sealed class SqlitePortalNoticeTests() : PortalNoticeTests(DatabaseProvider.Sqlite);

public sealed class PostgresPortalNoticeTests() : PortalNoticeTests(DatabaseProvider.Postgres);
