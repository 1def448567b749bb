using System.Net;
using System.Net.Sockets;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>The daily detection: due-soon and overdue lists on the official calendar, in-app notices to the right people, e-mail digests.</summary>
public abstract class DueRemindersTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private static readonly DateOnly Today = new(2026, 11, 27);
    private readonly int _smtpPort = FreePort();
    private SimpleSmtpServer? _smtp;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.PostConfigure<GongkaiOptions>(o =>
        {
            o.Mail.SmtpHost = "127.0.0.1";
            o.Mail.SmtpPort = _smtpPort;
            o.Mail.Security = "none";
            o.Mail.From = "gongkai@kundulun.example";
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _smtp = SimpleSmtpServer.Start(_smtpPort);
    }

    public override async Task DisposeAsync()
    {
        _smtp?.Stop();
        _smtp?.Dispose();
        await base.DisposeAsync();
    }

    private async Task<ApplicationRecord> ReceivedInPersonAsync(DateOnly received, string agency = "包头市昆都仑区教育局") =>
        await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(new ApplicationInput
        {
            AgencyId = await AgencyIdAsync(agency),
            ApplicantName = "钱七",
            IdDocumentType = IdDocumentType.Passport,
            IdNumber = "E22223333",
            Phone = "13822223333",
            Description = "学区划分文件",
            Channel = Core.Cases.Channel.InPerson,
            Arrived = received,
        }));

    [ProviderFact]
    public async Task Due_soon_and_overdue_cases_are_listed_on_the_official_calendar_and_the_handling_staff_and_the_office_are_notified_once()
    {
        var overdue = await ReceivedInPersonAsync(new DateOnly(2026, 10, 23)); // due 2026-11-20
        var dueToday = await ReceivedInPersonAsync(new DateOnly(2026, 10, 30)); // due 2026-11-27
        var later = await ReceivedInPersonAsync(new DateOnly(2026, 11, 20)); // due 2026-12-18, beyond five working days

        var report = await UseCase<ListDueCases, DueCasesReport>(u => u.ExecuteAsync(Today));
        var o = Assert.Single(report.Overdue, d => d.Id == overdue.Id);
        Assert.Equal(new DateOnly(2026, 11, 20), o.Due);
        Assert.Equal(-5, o.WorkingDaysLeft);
        var s = Assert.Single(report.DueSoon, d => d.Id == dueToday.Id);
        Assert.Equal(new DateOnly(2026, 11, 27), s.Due);
        Assert.Equal(0, s.WorkingDaysLeft);
        Assert.DoesNotContain(report.DueSoon.Concat(report.Overdue), d => d.Id == later.Id);

        // Another unit's clerk does not see these cases.
        var other = await AsStaff<ListDueCases, DueCasesReport>("zt-cb", u => u.ExecuteAsync(Today));
        Assert.DoesNotContain(other.DueSoon.Concat(other.Overdue), d => d.Id == overdue.Id);

        await QueryAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "jyj-cb");
            clerk.Email = "zhangmin@kundulun.example";
            return await db.SaveChangesAsync();
        });
        var run = await UseCase<SendDueReminders, ReminderRunResult>(u => u.ExecuteAsync(Today));
        Assert.Null(run.MailError);
        var notices = await QueryAsync(db => (from n in db.Notifications join u in db.Users on n.UserId equals u.Id where n.Link == $"/Admin/Applications/{overdue.Id}" select u.UserName!).ToListAsync());
        Assert.Equal(["gkb", "jyj-cb", "jyj-fz", "jyj-sh"], notices.Order());
        Assert.DoesNotContain(await QueryAsync(db => db.Notifications.Select(n => n.Link).ToListAsync()), l => l == $"/Admin/Applications/{later.Id}");

        var mail = Assert.Single(_smtp!.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == "zhangmin@kundulun.example"));
        Assert.Contains("到期提醒", mail.Headers["Subject"], StringComparison.Ordinal);
        var body = mail.MessageParts[0].BodyData;
        Assert.Contains(overdue.CaseNumber, body, StringComparison.Ordinal);
        Assert.Contains("已超期 5 个工作日", body, StringComparison.Ordinal);

        // A second run on the same day adds nothing and sends nothing.
        var count = await QueryAsync(db => db.Notifications.CountAsync());
        var again = await UseCase<SendDueReminders, ReminderRunResult>(u => u.ExecuteAsync(Today));
        Assert.Equal(0, again.Notified);
        Assert.Equal(count, await QueryAsync(db => db.Notifications.CountAsync()));
        Assert.Single(_smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == "zhangmin@kundulun.example"));
        Assert.Equal("2026-11-27", await QueryAsync(db => db.SystemSettings.Where(x => x.Key == SendDueReminders.LastRunKey).Select(x => x.Value).SingleAsync()));
    }

    [ProviderFact]
    public async Task A_paused_case_is_neither_due_nor_overdue_and_a_mail_server_that_is_down_keeps_the_in_app_notices()
    {
        var paused = await ReceivedInPersonAsync(new DateOnly(2026, 10, 23));
        await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(paused.Id, paused.Version, new AcceptStep()));
        await AsStaff<PerformCaseStep, CaseStepResult>("jyj-cb", u => u.ExecuteAsync(paused.Id, paused.Version + 1, new StartConsultationStep(Core.Cases.PauseReason.ThirdPartyConsultation, "某公司", new DateOnly(2026, 11, 2))));
        var report = await UseCase<ListDueCases, DueCasesReport>(u => u.ExecuteAsync(Today));
        Assert.DoesNotContain(report.DueSoon.Concat(report.Overdue), d => d.Id == paused.Id);

        var overdue = await ReceivedInPersonAsync(new DateOnly(2026, 10, 16));
        await QueryAsync(async db =>
        {
            var clerk = await db.Users.SingleAsync(u => u.UserName == "jyj-cb");
            clerk.Email = "zhangmin@kundulun.example";
            return await db.SaveChangesAsync();
        });
        _smtp!.Stop();
        var run = await UseCase<SendDueReminders, ReminderRunResult>(u => u.ExecuteAsync(Today));
        Assert.NotNull(run.MailError);
        Assert.StartsWith("邮件发送失败", run.MailError, StringComparison.Ordinal);
        Assert.True(await QueryAsync(db => db.Notifications.AnyAsync(n => n.Link == $"/Admin/Applications/{overdue.Id}" && n.EmailedAt == null)));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteDueRemindersTests() : DueRemindersTests(DatabaseProvider.Sqlite);

public sealed class PostgresDueRemindersTests() : DueRemindersTests(DatabaseProvider.Postgres);
