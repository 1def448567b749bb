using Gongkai.Data;
using Gongkai.Data.Portal;

namespace Gongkai.UseCases.Demo;

/// <summary>
/// The demo's 网站公告, dated around today: a pinned maintenance notice, two standing ones, one scheduled for
/// tomorrow and one past its last day (the last two are in the back office only).
/// </summary>
public static class DemoNotices
{
    public static readonly string MaintenanceTitle = "关于政府信息公开平台系统维护的公告";

    public static void Add(GongkaiDbContext db, DateTimeOffset now, string by)
    {
        ArgumentNullException.ThrowIfNull(db);
        var beijing = TimeSpan.FromHours(8);
        var today = DateOnly.FromDateTime(now.ToOffset(beijing).DateTime);
        var maintenanceDay = today.AddDays(5);
        PortalNoticeRecord Notice(string title, string body, int daysAgo, DateOnly? expiresOn, bool pinned = false) => new()
        {
            Title = title,
            Body = body,
            PublishedAt = new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(9, 0)), beijing).ToUniversalTime(),
            ExpiresOn = expiresOn,
            Pinned = pinned,
            CreatedBy = by,
            CreatedAt = now,
            UpdatedBy = by,
            UpdatedAt = now,
            Version = 1,
        };

        db.PortalNotices.AddRange(
            Notice(
                MaintenanceTitle,
                $"因系统升级维护，本平台将于 {maintenanceDay:yyyy年M月d日} 22:00 至次日 6:00 暂停网上申请和申请查询服务。\n维护期间，信函申请和当面申请不受影响；已提交申请的答复期限不受影响。\n由此带来的不便，敬请谅解。",
                1,
                maintenanceDay.AddDays(1),
                pinned: true),
            Notice(
                "关于节假日期间政府信息公开申请受理的说明",
                "法定节假日期间，申请人可以通过本平台“申请公开”页面正常提交政府信息公开申请，受理机关自节后第一个工作日起办理。\n答复期限按工作日计算，法定节假日不计入；具体截止日期可在“工作日计算”中查询，也可凭受理编号和查询码在“申请查询”中查看。",
                12,
                null),
            Notice(
                "各机关政府信息公开指南已更新",
                "区政府及各部门、街道、镇的政府信息公开指南已在“政府信息公开”栏目更新，列明政府信息的分类与编排、获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间和联系方式。\n如发现指南内容与实际不符，请与相应机关的政府信息公开工作机构联系。",
                26,
                null),
            Notice(
                "政府信息公开工作年度报告集中发布的预告",
                "各机关上一年度政府信息公开工作年度报告将按规定时限在“政府信息公开工作年度报告”栏目集中发布，欢迎查阅。",
                -1,
                null),
            Notice(
                "关于征集政府信息公开工作意见建议的公告",
                "为进一步做好政府信息公开工作，现面向社会征集意见建议。征集期间，可通过各机关政府信息公开工作机构的联系方式提出。",
                60,
                today.AddDays(-30)));
    }
}
