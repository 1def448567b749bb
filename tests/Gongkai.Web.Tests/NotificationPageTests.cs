using System.Net;
using Gongkai.Data;
using Gongkai.Data.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests;

public sealed class NotificationPageTests : IAsyncLifetime
{
    private WebHost _host = null!;

    public async Task InitializeAsync() => _host = await WebHost.StartAsync(demo: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_staff_member_sees_only_their_own_notices_and_marks_them_read()
    {
        await using (var db = _host.Database.OpenContext())
        {
            var ids = await db.Users.Where(u => u.UserName == "jyj-cb" || u.UserName == "zt-cb").ToDictionaryAsync(u => u.UserName!, u => u.Id);
            db.Notifications.Add(new NotificationRecord { UserId = ids["jyj-cb"], Kind = "CaseOverdue", Key = "k1", Title = "申请 测试〔2026〕001号 已超过答复期限", Body = "请尽快答复。", Link = "/Admin/Applications/1" });
            db.Notifications.Add(new NotificationRecord { UserId = ids["zt-cb"], Kind = "CaseOverdue", Key = "k2", Title = "别人的提醒", Body = "x" });
            await db.SaveChangesAsync();
        }

        using var client = await _host.SignInAsync("jyj-cb");
        var page = await client.GetStringAsync("/Admin/Notifications");
        Assert.Contains("【未读】申请 测试〔2026〕001号 已超过答复期限", page, StringComparison.Ordinal);
        Assert.DoesNotContain("别人的提醒", page, StringComparison.Ordinal);
        Assert.Contains("我的提醒（1 条未读）", page, StringComparison.Ordinal);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebHost.Antiforgery(page) });
        var posted = await client.PostAsync(new Uri("/Admin/Notifications?handler=Read", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        page = await client.GetStringAsync("/Admin/Notifications");
        Assert.DoesNotContain("【未读】", page, StringComparison.Ordinal);
        await using var check = _host.Database.OpenContext();
        Assert.Equal(1, await check.Notifications.CountAsync(n => n.ReadAt == null));
    }
}
