using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// A fresh SQLite database in a temporary folder with the demo loaded (agencies, accounts, 19 cases) and the use cases
/// registered on a fixed clock, for the suites that measure the platform among many cases.
/// </summary>
public sealed class BenchDatabase : IDisposable
{
    private readonly string _dir;

    private BenchDatabase(string dir, ServiceProvider services)
    {
        _dir = dir;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public static async Task<BenchDatabase> CreateAsync(DateTimeOffset now)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-bench-").FullName;
        var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, GongkaiDatabaseSettings.SqliteFileName) }.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gongkai:Database:Provider"] = "sqlite",
            ["ConnectionStrings:Gongkai"] = cs,
            [GongkaiDatabaseSettings.DataDirEnvironmentVariable] = dir,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FixedTime(now));
        services.AddGongkaiData(configuration);
        services.AddGongkaiUseCases();
        var database = new BenchDatabase(dir, services.BuildServiceProvider());
        await database.AsOperatorAsync<MigrateDatabase>(u => u.ExecuteAsync());
        await database.AsOperatorAsync<LoadDemoData>(u => u.ExecuteAsync());
        return database;
    }

    /// <summary>Runs a use case in its own DI scope (its own <c>DbContext</c>, like one web request) as an unrestricted operator.</summary>
    public async Task<TResult> AsOperatorAsync<T, TResult>(Func<T, Task<TResult>> work)
        where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("bench");
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public Task AsOperatorAsync<T>(Func<T, Task> work)
        where T : notnull => AsOperatorAsync<T, bool>(async u =>
        {
            await work(u);
            return true;
        });

    /// <summary>
    /// <paramref name="rows"/> copies of a demo case in one INSERT … SELECT over a recursive counter, with their own case
    /// numbers and dates, due between 20 days before and 40 days after <paramref name="today"/> (received 28 days before
    /// the due date); with <paramref name="serveEveryThird"/> one in three is served, otherwise all are open.
    /// </summary>
    public static async Task BulkInsertAsync(GongkaiDbContext db, long templateId, int rows, DateOnly today, bool serveEveryThird)
    {
        var entity = db.Model.FindEntityType(typeof(ApplicationRecord))!;
        var due = $"date('{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}', ((n.i % 60) - 20) || ' days')";
        var served = serveEveryThird ? "n.i % 3 = 0" : "0";
        var overrides = new Dictionary<string, string>
        {
            [nameof(ApplicationRecord.CaseNumber)] = "'BULK-' || n.i",
            [nameof(ApplicationRecord.IdempotencyKey)] = "NULL",
            [nameof(ApplicationRecord.AssignedAgencyId)] = "NULL",
            [nameof(ApplicationRecord.DueDate)] = due,
            [nameof(ApplicationRecord.Arrived)] = $"date({due}, '-28 days')",
            [nameof(ApplicationRecord.Received)] = $"date({due}, '-28 days')",
            [nameof(ApplicationRecord.State)] = $"CASE WHEN {served} THEN 'Served' ELSE 'Processing' END",
            [nameof(ApplicationRecord.Decision)] = $"CASE WHEN {served} THEN 'Disclosed' ELSE NULL END",
            [nameof(ApplicationRecord.Decided)] = $"CASE WHEN {served} THEN {due} ELSE NULL END",
            [nameof(ApplicationRecord.Served)] = $"CASE WHEN {served} THEN {due} ELSE NULL END",
            [nameof(ApplicationRecord.CorrectionRequested)] = "NULL",
            [nameof(ApplicationRecord.CorrectionDeadline)] = "NULL",
            [nameof(ApplicationRecord.CorrectionReceived)] = "NULL",
            [nameof(ApplicationRecord.ExtensionWorkingDays)] = "0",
            [nameof(ApplicationRecord.ExtensionApprover)] = "NULL",
            [nameof(ApplicationRecord.ExtensionReason)] = "NULL",
            [nameof(ApplicationRecord.FeePaymentDeadline)] = "NULL",
            [nameof(ApplicationRecord.HoldingAgency)] = "NULL",
            [nameof(ApplicationRecord.LongerDue)] = "NULL",
            [nameof(ApplicationRecord.LongerDueReason)] = "NULL",
        };
        var columns = entity.GetProperties().Where(p => p.Name != nameof(ApplicationRecord.Id)).ToList();
        var names = string.Join(", ", columns.Select(p => $"\"{p.GetColumnName()}\""));
        var values = string.Join(", ", columns.Select(p => overrides.GetValueOrDefault(p.Name, $"t.\"{p.GetColumnName()}\"")));
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows})
            INSERT INTO applications ({names})
            SELECT {values} FROM n, applications t WHERE t."Id" = {templateId}
            """;
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
        await tx.CommitAsync();
    }

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
