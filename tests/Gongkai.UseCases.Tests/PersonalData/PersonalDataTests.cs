using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.Data.PersonalData;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.UseCases.Tests.PersonalData;

public abstract class PersonalDataTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Mobile = "13912345678";

    [ProviderFact]
    public async Task A_mobile_number_is_stored_encrypted_listed_masked_and_revealed_with_an_audit_entry()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var created = await AsStaff<CreateAccount, CreatedAccount>("admin", u => u.ExecuteAsync(new AccountInput("wanghong", "王红", [Data.Accounts.Roles.Clerk], [district], Mobile)));

        var stored = await QueryAsync(db => db.Users.Where(u => u.Id == created.UserId).Select(u => u.MobileProtected).SingleAsync());
        Assert.StartsWith(PersonalDataProtector.Prefix, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("12345678", stored, StringComparison.Ordinal);

        var list = await AsStaff<ListAccounts, UseCases.Page<AccountSummary>>("admin", u => u.ExecuteAsync(1, 50));
        Assert.Equal("139****5678", list.Items.Single(a => a.UserName == "wanghong").MobileMasked);

        var views = await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Operation == "查看"));
        var full = await AsStaff<RevealAccountMobile, string?>("admin", u => u.ExecuteAsync(created.UserId));
        Assert.Equal(Mobile, full);
        var entry = await QueryAsync(db => db.AuditEntries.Where(e => e.Operation == "查看").OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal(views + 1, await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Operation == "查看")));
        Assert.Equal("admin", entry.Actor);
        Assert.Equal(created.UserId, entry.EntityId);
        Assert.Contains("手机号码", entry.After, StringComparison.Ordinal);

        // The history of the account's creation shows that a number was set, never the number.
        var history = await QueryAsync(db => db.AuditEntries.Where(e => e.EntityId == created.UserId).Select(e => e.After ?? string.Empty).ToListAsync());
        Assert.All(history, h => Assert.DoesNotContain("12345678", h, StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task Only_administrators_who_may_see_the_account_can_reveal_its_number()
    {
        var education = await AgencyIdAsync("包头市昆都仑区教育局");
        var created = await AsStaff<CreateAccount, CreatedAccount>("admin", u => u.ExecuteAsync(new AccountInput("jyj-new", "新人", [Data.Accounts.Roles.Clerk], [education], Mobile)));
        var clerk = await Assert.ThrowsAsync<DomainException>(() => AsStaff<RevealAccountMobile, string?>("jyj-cb", u => u.ExecuteAsync(created.UserId)));
        Assert.Equal(StaffContext.ForbiddenCode, clerk.Code);
        var otherBranch = await Assert.ThrowsAsync<DomainException>(() => AsStaff<RevealAccountMobile, string?>("zt-admin", u => u.ExecuteAsync(created.UserId)));
        Assert.Equal(StaffContext.NotFoundCode, otherBranch.Code);
        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Operation == "查看" && e.EntityId == created.UserId)));
    }

    [ProviderFact]
    public async Task A_bad_mobile_number_is_refused_in_chinese()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<CreateAccount, CreatedAccount>("admin", u => u.ExecuteAsync(new AccountInput("badphone", "某人", [Data.Accounts.Roles.Clerk], [district], "12345"))));
        Assert.Contains("11 位", ex.Errors["Mobile"], StringComparison.Ordinal);
    }
}

public sealed class SqlitePersonalDataTests() : PersonalDataTests(DatabaseProvider.Sqlite)
{
    [ProviderFact]
    public async Task The_number_cannot_be_found_anywhere_in_the_database_file_or_the_logs()
    {
        var logs = new CapturingLoggerProvider();
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        await using (var verbose = Database.Services(LogLevel.Trace, logs))
        await using (var scope = verbose.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Data.GongkaiDbContext>();
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetStaff(admin.Id, "admin", admin.DisplayName, [Data.Accounts.Roles.SystemAdministrator], district, await Gongkai.UseCases.Agencies.AgencyTree.LoadAsync(db));
            await scope.ServiceProvider.GetRequiredService<CreateAccount>().ExecuteAsync(new AccountInput("filecheck", "查文件", [Data.Accounts.Roles.Clerk], [district], "13800138000"));
        }

        Assert.Contains("INSERT", logs.Text, StringComparison.Ordinal); // the capture saw the SQL

        SqliteConnection.ClearAllPools();
        var bytes = string.Join("\n", Directory.GetFiles(Database.DataDirectory, "gongkai.db*").Select(f => Convert.ToHexString(File.ReadAllBytes(f))));
        Assert.DoesNotContain(Convert.ToHexString("13800138000"u8), bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", logs.Text, StringComparison.Ordinal);
    }
}

public sealed class PostgresPersonalDataTests() : PersonalDataTests(DatabaseProvider.Postgres);

public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public string Text => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + exception);
    }
}
