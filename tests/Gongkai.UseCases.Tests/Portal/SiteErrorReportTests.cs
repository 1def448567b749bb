using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.Data.Portal;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Portal;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Portal;

/// <summary>
/// 我为政府网站找错: submission rules and messages, ticket numbers, repeated submits, the encrypted contact, the list's
/// filters and counts, handling with a version check, who may handle, and the public look-up. Today is 2026-11-27.
/// </summary>
public abstract class SiteErrorReportTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private static SiteErrorReportInput Valid(string description = "第二段“公开指南”的链接打不开，显示 404。") => new()
    {
        PageUrl = "/Xinxi?id=12",
        Category = SiteErrorCategory.BrokenLink,
        Description = description,
    };

    private Task<SubmittedSiteErrorReport> SubmitAsync(SiteErrorReportInput input, string? key = null) =>
        UseCase<SubmitSiteErrorReport, SubmittedSiteErrorReport>(u => u.ExecuteAsync(input, key));

    private async Task<IReadOnlyDictionary<string, string>> ErrorsAsync(SiteErrorReportInput input) =>
        (await Assert.ThrowsAsync<ValidationFailedException>(() => SubmitAsync(input))).Errors;

    [ProviderFact]
    public async Task Each_rule_of_the_form_is_explained_in_Chinese()
    {
        var empty = await ErrorsAsync(new SiteErrorReportInput());
        Assert.Equal("请填写出错页面的网址。", empty["PageUrl"]);
        Assert.Equal("请选择错误类型。", empty["Category"]);
        Assert.Equal("请描述发现的错误。", empty["Description"]);
        Assert.False(empty.ContainsKey("Contact"));

        Assert.Contains("至少 10 个字", (await ErrorsAsync(Valid("链接坏了"))).Values.Single(), StringComparison.Ordinal);
        Assert.Contains("不能超过 1000 个字", (await ErrorsAsync(Valid(new string('错', 1001))))["Description"], StringComparison.Ordinal);
        Assert.Contains("不能超过 500 个字符", (await ErrorsAsync(Valid() with { PageUrl = "/" + new string('a', 500) }))["PageUrl"], StringComparison.Ordinal);
        foreach (var bad in new[] { "javascript:alert(1)", "//evil.example/x", "/\\evil.example", "ftp://example.com/a", "Xinxi", "/有 空格" })
        {
            Assert.Equal(SiteErrorReportRules.PageUrlMessage, (await ErrorsAsync(Valid() with { PageUrl = bad }))["PageUrl"]);
        }

        Assert.Equal("称呼不能超过 50 个字。", (await ErrorsAsync(Valid() with { ContactName = new string('王', 51) }))["ContactName"]);
        foreach (var bad in new[] { "12345", "1391234567", "name@", "电话：13912345678", "0472" })
        {
            Assert.Equal(SiteErrorReportRules.ContactMessage, (await ErrorsAsync(Valid() with { Contact = bad }))["Contact"]);
        }

        Assert.Equal(0, await QueryAsync(db => db.SiteErrorReports.CountAsync()));
    }

    [ProviderFact]
    public async Task Valid_addresses_and_contacts_are_accepted_and_numbers_run_by_year()
    {
        var first = await SubmitAsync(Valid() with { PageUrl = "https://www.example.gov.cn/xxgk/index.html", Contact = "139 1234 5678" });
        var second = await SubmitAsync(Valid() with { Contact = "0472-5990381" });
        var third = await SubmitAsync(Valid() with { Contact = "reader@example.com", ContactName = "张先生" });
        Assert.Equal(["2026-00001", "2026-00002", "2026-00003"], new[] { first.Number, second.Number, third.Number });
        Assert.False(first.Repeated);

        // A new year starts again at 00001.
        Database.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero)); // 2027-01-01 00:30 in Beijing
        Assert.Equal("2027-00001", (await SubmitAsync(Valid())).Number);
    }

    [ProviderFact]
    public async Task A_repeated_submit_with_the_same_key_gives_the_same_ticket()
    {
        var key = "portal-zhaocuo:" + new string('a', 32);
        var first = await SubmitAsync(Valid(), key);
        var again = await SubmitAsync(Valid("不同的内容也不会再登记一次，因为是同一份表单。"), key);
        Assert.Equal(first.Number, again.Number);
        Assert.True(again.Repeated);
        Assert.Equal(1, await QueryAsync(db => db.SiteErrorReports.CountAsync()));

        // Without a key each submit is a ticket of its own.
        await SubmitAsync(Valid());
        await SubmitAsync(Valid());
        Assert.Equal(3, await QueryAsync(db => db.SiteErrorReports.CountAsync()));
    }

    [ProviderFact]
    public async Task Hostile_text_is_kept_as_typed_and_the_contact_is_encrypted_at_rest()
    {
        const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)> 页面有误";
        var ticket = await SubmitAsync(Valid(Hostile) with { ContactName = "<b>李</b>", Contact = "13912345678" });
        var raw = await QueryAsync(db => db.SiteErrorReports.AsNoTracking().SingleAsync(r => r.Id == ticket.Id));
        Assert.Equal(Hostile, raw.Description);
        Assert.Equal("<b>李</b>", raw.ContactName);
        Assert.StartsWith("pd1:", raw.ContactProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", raw.ContactProtected, StringComparison.Ordinal);

        // The raw column, read past EF: no phone number in the database file either.
        var column = await QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"ContactProtected\" AS \"Value\" FROM site_error_reports").SingleAsync());
        Assert.DoesNotContain("1391234", column, StringComparison.Ordinal);

        var detail = await AsStaff<GetSiteErrorReport, SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ticket.Id));
        Assert.Equal("139****5678", detail.MaskedContact);
        Assert.Equal("13912345678", await AsStaff<RevealSiteErrorReportContact, string?>("gkb", u => u.ExecuteAsync(ticket.Id)));
        var entityId = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "查看找错留言人联系方式" && e.Operation == "查看" && e.EntityId == entityId)));

        // The history never holds the plain value.
        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.After != null && e.After.Contains("13912345678"))));
    }

    [ProviderFact]
    public async Task The_disclosure_office_of_the_district_is_notified_of_a_new_ticket()
    {
        var ticket = await SubmitAsync(Valid() with { Contact = "13912345678" });
        var notices = await QueryAsync(db => (from n in db.Notifications join u in db.Users on n.UserId equals u.Id where n.Kind == "SiteErrorReport" select new { u.UserName, n.Title, n.Body, n.Link }).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal("gkb", notice.UserName);
        Assert.Equal($"/Admin/Zhaocuo/{ticket.Id}", notice.Link);
        Assert.Contains(ticket.Number, notice.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", notice.Body, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task The_list_filters_by_status_category_and_period_newest_first_with_counts_per_status()
    {
        var ids = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            ids.Add((await SubmitAsync(Valid() with { Category = i % 5 == 0 ? SiteErrorCategory.Typo : SiteErrorCategory.BrokenLink })).Id);
        }

        // One a day from 1 November, 10:00 in Beijing.
        await QueryAsync(async db =>
        {
            foreach (var r in await db.SiteErrorReports.ToListAsync())
            {
                r.CreatedAt = new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero).AddDays(ids.IndexOf(r.Id));
            }

            return await db.SaveChangesAsync();
        });

        await AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ids[0], 1, SiteErrorStatus.Fixed, "已更正错字。"));
        await AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("admin", u => u.ExecuteAsync(ids[1], 1, SiteErrorStatus.NotAnError, "链接可以打开。"));

        Task<SiteErrorReportList> ListAsync(SiteErrorReportQuery q) => AsStaff<ListSiteErrorReports, SiteErrorReportList>("gkb", u => u.ExecuteAsync(q));
        var all = await ListAsync(new SiteErrorReportQuery());
        Assert.Equal(25, all.Page.Total);
        Assert.Equal(20, all.Page.Items.Count);
        Assert.Equal("2026-00025", all.Page.Items[0].Number);
        Assert.Equal(23, all.Counts[SiteErrorStatus.Open]);
        Assert.Equal(1, all.Counts[SiteErrorStatus.Fixed]);
        Assert.Equal(1, all.Counts[SiteErrorStatus.NotAnError]);
        var second = await ListAsync(new SiteErrorReportQuery { Page = 2 });
        Assert.Equal(["2026-00005", "2026-00004", "2026-00003", "2026-00002", "2026-00001"], second.Page.Items.Select(r => r.Number));

        var open = await ListAsync(new SiteErrorReportQuery { Status = SiteErrorStatus.Open });
        Assert.Equal(23, open.Page.Total);
        Assert.Equal(25, open.Counts.Values.Sum()); // counts ignore the status filter
        Assert.Equal(5, (await ListAsync(new SiteErrorReportQuery { Category = SiteErrorCategory.Typo })).Page.Total);
        var fixedTypos = await ListAsync(new SiteErrorReportQuery { Category = SiteErrorCategory.Typo, Status = SiteErrorStatus.Fixed });
        Assert.Equal("2026-00001", Assert.Single(fixedTypos.Page.Items).Number);

        // 2026-11-03 to 2026-11-05 in Beijing: tickets 3, 4 and 5 (each submitted at 10:00 local time).
        var period = await ListAsync(new SiteErrorReportQuery { From = new DateOnly(2026, 11, 3), To = new DateOnly(2026, 11, 5) });
        Assert.Equal(["2026-00005", "2026-00004", "2026-00003"], period.Page.Items.Select(r => r.Number));
        Assert.Equal(3, period.Counts[SiteErrorStatus.Open]);
    }

    [ProviderFact]
    public async Task Handling_needs_a_result_and_a_note_and_a_stale_or_repeated_handling_is_refused()
    {
        var ticket = await SubmitAsync(Valid());
        var missing = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ticket.Id, 1, SiteErrorStatus.Open, " ")));
        Assert.Equal("请选择处理结果：已整改或经核实无误。", missing.Errors["Outcome"]);
        Assert.Equal("请填写处理说明（整改情况，或核实无误的理由）。", missing.Errors["Resolution"]);

        var done = await AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ticket.Id, 1, SiteErrorStatus.Fixed, "已修复链接。"));
        Assert.Equal(SiteErrorStatus.Fixed, done.Status);
        Assert.Equal(2, done.Version);
        Assert.Equal("王芳", done.HandledBy);

        // The other handler's page still shows version 1.
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("admin", u => u.ExecuteAsync(ticket.Id, 1, SiteErrorStatus.NotAnError, "无误。")));
        Assert.Equal(SiteErrorReportRules.ConcurrentChangeCode, stale.Code);
        Assert.Equal("工单 2026-00001 在您打开页面后已由王芳处理（已整改），本次未保存。请刷新页面查看处理结果。", stale.Message);

        var closed = await Assert.ThrowsAsync<DomainException>(() => AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("admin", u => u.ExecuteAsync(ticket.Id, 2, SiteErrorStatus.NotAnError, "无误。")));
        Assert.Equal(SiteErrorReportRules.ClosedCode, closed.Code);
        Assert.Equal("已修复链接。", await QueryAsync(db => db.SiteErrorReports.Where(r => r.Id == ticket.Id).Select(r => r.Resolution).SingleAsync()));
    }

    [ProviderFact]
    public async Task Only_the_disclosure_office_and_administrators_of_the_top_agency_handle_tickets()
    {
        var ticket = await SubmitAsync(Valid());
        foreach (var user in new[] { "jyj-cb", "fabu", "zt-admin" })
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ListSiteErrorReports, SiteErrorReportList>(user, u => u.ExecuteAsync(new SiteErrorReportQuery())));
            Assert.Equal(StaffContext.ForbiddenCode, refused.Code);
            await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetSiteErrorReport, SiteErrorReportDetail>(user, u => u.ExecuteAsync(ticket.Id)));
            await Assert.ThrowsAsync<DomainException>(() => AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>(user, u => u.ExecuteAsync(ticket.Id, 1, SiteErrorStatus.Fixed, "越权处理。")));
        }

        Assert.Contains("本级人民政府", (await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetSiteErrorReport, SiteErrorReportDetail>("zt-admin", u => u.ExecuteAsync(ticket.Id)))).Message, StringComparison.Ordinal);
        Assert.Equal(SiteErrorStatus.Open, await QueryAsync(db => db.SiteErrorReports.Where(r => r.Id == ticket.Id).Select(r => r.Status).SingleAsync()));
        Assert.Equal(ticket.Number, (await AsStaff<GetSiteErrorReport, SiteErrorReportDetail>("admin", u => u.ExecuteAsync(ticket.Id))).Number);
    }

    [ProviderFact]
    public async Task The_public_look_up_shows_the_status_and_reply_but_nothing_the_reporter_typed()
    {
        var ticket = await SubmitAsync(Valid() with { ContactName = "张先生", Contact = "13912345678" });
        var open = await UseCase<LookUpSiteErrorReport, PublicSiteErrorReport>(u => u.ExecuteAsync(" " + ticket.Number + " "));
        Assert.Equal(SiteErrorStatus.Open, open.Status);
        Assert.Null(open.Resolution);
        await AsStaff<HandleSiteErrorReport, SiteErrorReportDetail>("gkb", u => u.ExecuteAsync(ticket.Id, 1, SiteErrorStatus.NotAnError, "经核实，该链接可正常打开。"));
        var handled = await UseCase<LookUpSiteErrorReport, PublicSiteErrorReport>(u => u.ExecuteAsync("２０２６－００００１"));
        Assert.Equal(SiteErrorStatus.NotAnError, handled.Status);
        Assert.Equal("经核实，该链接可正常打开。", handled.Resolution);
        Assert.DoesNotContain(typeof(PublicSiteErrorReport).GetProperties(), p => p.Name.Contains("Contact", StringComparison.Ordinal) || p.Name == "Description");

        foreach (var unknown in new[] { "2026-00002", "2026-1", "abc", string.Empty })
        {
            var ex = await Assert.ThrowsAsync<DomainException>(() => UseCase<LookUpSiteErrorReport, PublicSiteErrorReport>(u => u.ExecuteAsync(unknown)));
            Assert.Equal(StaffContext.NotFoundCode, ex.Code);
        }
    }
}

public sealed class SqliteSiteErrorReportTests() : SiteErrorReportTests(DatabaseProvider.Sqlite);

public sealed class PostgresSiteErrorReportTests() : SiteErrorReportTests(DatabaseProvider.Postgres);
