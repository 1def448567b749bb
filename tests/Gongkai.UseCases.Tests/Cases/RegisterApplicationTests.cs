using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.Data.PersonalData;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.UseCases.Tests.Cases;

public abstract class RegisterApplicationTests(DatabaseProvider provider) : DemoWorld(provider)
{
    // A made-up number that passes the GB 11643 check, not a real person's.
    protected const string IdNumber = "11010519491231002X";

    protected async Task<ApplicationInput> InputAsync(Channel channel = Channel.InPerson) => new()
    {
        AgencyId = await AgencyIdAsync("包头市昆都仑区教育局"),
        ApplicantType = ApplicantType.NaturalPerson,
        ApplicantName = "王小明",
        IdDocumentType = IdDocumentType.ResidentIdCard,
        IdNumber = IdNumber,
        Phone = "13912345678",
        Description = "2024年昆都仑区义务教育阶段学校招生划片范围的文件",
        ProvisionForm = ProvisionForm.Paper,
        DeliveryMethod = DeliveryMethod.Collect,
        Channel = channel,
        Arrived = new DateOnly(2026, 11, 20),
    };

    /// <summary>The demo's applications at 区教育局 come first: the next serial of 2026.</summary>
    protected async Task<int> NextSerialAsync()
    {
        var agency = await AgencyIdAsync("包头市昆都仑区教育局");
        var next = await QueryAsync(db => db.CaseNumberSequences.Where(s => s.AgencyId == agency && s.Year == 2026).Select(s => (int?)s.Next).SingleOrDefaultAsync());
        return next ?? 1;
    }

    /// <summary>This test's applications, not the demo's (their applicants have other names).</summary>
    protected static ApplicationQuery Mine => new() { Search = "王小明" };

    [ProviderFact]
    public async Task An_application_handed_in_is_received_that_day_numbered_and_its_deadline_explained()
    {
        var serial = await NextSerialAsync();
        var record = await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(await InputAsync()));
        Assert.Equal($"区教育局依申〔2026〕{serial:D3}号", record.CaseNumber);
        Assert.Equal(CaseState.UnderReview, record.State);
        Assert.Equal(new DateOnly(2026, 11, 20), record.Received);

        var list = await AsStaff<ListApplications, Page<ApplicationListItem>>("jyj-cb", u => u.ExecuteAsync(Mine));
        var item = Assert.Single(list.Items);
        Assert.Equal("1101**********002X", item.IdNumberMasked);
        Assert.Equal("139****5678", item.PhoneMasked);
        Assert.Equal(new DateOnly(2026, 12, 18), item.Deadline!.Due.Date);
    }

    [ProviderFact]
    public async Task An_online_application_waits_for_confirmation_before_its_clock_starts()
    {
        var record = await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(await InputAsync(Channel.Online)));
        Assert.Equal(CaseState.Registered, record.State);
        Assert.Null(record.Received);
        var item = (await AsStaff<ListApplications, Page<ApplicationListItem>>("jyj-cb", u => u.ExecuteAsync(Mine))).Items.Single();
        Assert.Null(item.Deadline);
    }

    [ProviderFact]
    public async Task The_id_number_is_encrypted_with_a_blind_index_and_other_branches_do_not_see_the_application()
    {
        var record = await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(await InputAsync()));
        var stored = await QueryAsync(db => db.Applications.Where(a => a.Id == record.Id).Select(a => new { a.IdNumberProtected, a.IdNumberIndex, a.PhoneProtected }).SingleAsync());
        Assert.StartsWith(PersonalDataProtector.Prefix, stored.IdNumberProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", stored.IdNumberProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", stored.PhoneProtected, StringComparison.Ordinal);
        Assert.Equal(64, stored.IdNumberIndex.Length);

        var other = await AsStaff<ListApplications, Page<ApplicationListItem>>("zt-cb", u => u.ExecuteAsync(Mine));
        Assert.Empty(other.Items);
        var office = await AsStaff<ListApplications, Page<ApplicationListItem>>("gkb", u => u.ExecuteAsync(Mine));
        Assert.Single(office.Items);
        var refused = await Assert.ThrowsAsync<DomainException>(async () => await AsStaff<RegisterApplication, ApplicationRecord>("zt-cb", async u => await u.ExecuteAsync(await InputAsync())));
        Assert.Equal(StaffContext.NotFoundCode, refused.Code);
    }

    [ProviderFact]
    public async Task The_receipt_carries_the_query_code_of_intake_for_the_staff_who_see_the_case_only()
    {
        var intake = await AsStaff<RegisterApplication, IntakeResult>("jyj-cb", async u => await u.ExecuteAsync(await InputAsync(), [], "receipt-key"));
        var receipt = await AsStaff<GetReceipt, ApplicationReceipt>("jyj-cb", u => u.ExecuteAsync(intake.Application.Id));
        Assert.Equal(intake.QueryCode, receipt.QueryCode);
        Assert.Equal("区教育局依申〔2026〕001号", receipt.CaseNumber);
        Assert.Equal("包头市昆都仑区教育局", receipt.AgencyName);
        Assert.Equal(new DateOnly(2026, 12, 18), receipt.Deadline!.Due.Date);

        var other = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetReceipt, ApplicationReceipt>("zt-cb", u => u.ExecuteAsync(intake.Application.Id)));
        Assert.Equal(StaffContext.NotFoundCode, other.Code);
        var publisher = await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetReceipt, ApplicationReceipt>("fabu", u => u.ExecuteAsync(intake.Application.Id)));
        Assert.Equal(StaffContext.ForbiddenCode, publisher.Code);
    }

    [ProviderFact]
    public async Task Every_problem_of_an_application_is_reported_at_once_in_chinese()
    {
        var bad = await InputAsync() with { IdNumber = "110105194912310021", Phone = "123", Description = " ", DeliveryMethod = DeliveryMethod.Post, Email = "x@" };
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", u => u.ExecuteAsync(bad)));
        Assert.Contains("校验位不正确", ex.Errors["IdNumber"], StringComparison.Ordinal);
        Assert.Contains("联系电话", ex.Errors["Phone"], StringComparison.Ordinal);
        Assert.Contains("请填写所需信息的描述", ex.Errors["Description"], StringComparison.Ordinal);
        Assert.Contains("通信地址", ex.Errors["Address"], StringComparison.Ordinal);
        Assert.Contains("格式不正确", ex.Errors["Email"], StringComparison.Ordinal);
        Assert.False(await QueryAsync(db => db.Applications.AnyAsync(a => a.ApplicantName == "王小明")));
    }

    [ProviderFact]
    public async Task Hostile_text_is_stored_as_text()
    {
        var hostile = await InputAsync() with { ApplicantName = "<script>alert(1)</script>", Description = "'); DROP TABLE applications; --" };
        var record = await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", u => u.ExecuteAsync(hostile));
        var stored = await QueryAsync(db => db.Applications.SingleAsync(a => a.Id == record.Id));
        Assert.Equal("<script>alert(1)</script>", stored.ApplicantName);
        Assert.Equal("'); DROP TABLE applications; --", stored.Description);
    }

    [ProviderFact]
    public async Task Clerks_registering_at_the_same_time_get_distinct_consecutive_numbers()
    {
        var input = await InputAsync();
        var serial = await NextSerialAsync();
        var numbers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", u => u.ExecuteAsync(input))));
        Assert.Equal(
            Enumerable.Range(serial, 6).Select(n => $"区教育局依申〔2026〕{n:D3}号").Order(StringComparer.Ordinal),
            numbers.Select(r => r.CaseNumber).Order(StringComparer.Ordinal));
    }

    [ProviderFact]
    public async Task The_handling_clerk_sees_the_full_numbers_with_an_audit_entry_and_supervisors_or_other_branches_do_not()
    {
        var record = await AsStaff<RegisterApplication, ApplicationRecord>("jyj-cb", async u => await u.ExecuteAsync(await InputAsync()));
        var contact = await AsStaff<RevealApplicantContact, ApplicantContact>("jyj-sh", u => u.ExecuteAsync(record.Id));
        Assert.Equal(IdNumber, contact.IdNumber);
        Assert.Equal("13912345678", contact.Phone);
        var entry = await QueryAsync(db => db.AuditEntries.Where(e => e.Operation == "查看" && e.EntityType == "申请").SingleAsync());
        Assert.Equal("jyj-sh", entry.Actor);

        Assert.Equal(StaffContext.ForbiddenCode, (await Assert.ThrowsAsync<DomainException>(() => AsStaff<RevealApplicantContact, ApplicantContact>("gkb", u => u.ExecuteAsync(record.Id)))).Code);
        Assert.Equal(StaffContext.NotFoundCode, (await Assert.ThrowsAsync<DomainException>(() => AsStaff<RevealApplicantContact, ApplicantContact>("zt-cb", u => u.ExecuteAsync(record.Id)))).Code);
        Assert.Equal(1, await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Operation == "查看" && e.EntityType == "申请")));
    }

    [Fact]
    public void The_case_number_pattern_fills_the_short_name_year_and_padded_serial()
    {
        Assert.Equal("区教育局依申〔2026〕007号", ApplicationIntake.FormatCaseNumber("{简称}依申〔{YYYY}〕{NNN}号", "区教育局", 2026, 7));
        Assert.Equal("GK-2026-01234", ApplicationIntake.FormatCaseNumber("GK-{YYYY}-{NNNNN}", "x", 2026, 1234));
    }
}

public sealed class SqliteRegisterApplicationTests() : RegisterApplicationTests(DatabaseProvider.Sqlite)
{
    [ProviderFact]
    public async Task The_id_number_is_in_neither_the_database_file_nor_the_logs()
    {
        var logs = new PersonalData.CapturingLoggerProvider();
        var input = await InputAsync();
        await using (var verbose = Database.Services(LogLevel.Trace, logs))
        await using (var scope = verbose.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.GongkaiDbContext>();
            var clerk = await db.Users.SingleAsync(u => u.UserName == "jyj-cb");
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetStaff(clerk.Id, "jyj-cb", clerk.DisplayName, [Data.Accounts.Roles.Clerk], input.AgencyId, await Gongkai.UseCases.Agencies.AgencyTree.LoadAsync(db));
            await scope.ServiceProvider.GetRequiredService<RegisterApplication>().ExecuteAsync(input);
        }

        Assert.Contains("INSERT", logs.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber, logs.Text, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        var bytes = string.Join("\n", Directory.GetFiles(Database.DataDirectory, "gongkai.db*").Select(f => Convert.ToHexString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(IdNumber)), bytes, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes("19491231")), bytes, StringComparison.Ordinal);
    }
}

public sealed class PostgresRegisterApplicationTests() : RegisterApplicationTests(DatabaseProvider.Postgres);
