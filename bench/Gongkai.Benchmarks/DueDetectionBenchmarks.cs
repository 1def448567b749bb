using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Data;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// The daily detection (到期提醒) on SQLite among 100,000 open applications (bulk-inserted in the setup, none decided,
/// due from 20 days ago to 40 days ahead): <see cref="ListDueCases"/> against a raw SQL query that selects the same
/// due-soon and overdue cases, and <see cref="SendDueReminders"/> run again on a day whose notices were already sent
/// (detection, recipients and the look-up of earlier notices; nothing written). The first run of the day, which writes
/// the notices, is too long for an in-process benchmark: the setup times it once and prints the figure.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DueDetectionBenchmarks
{
    public const int Rows = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);

    private BenchDatabase _database = null!;
    private DateOnly _horizon;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = await BenchDatabase.CreateAsync(Now);
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        var template = await db.Applications.AsNoTracking().Where(a => a.AgencyId == agency && a.Decision == null && !a.Pauses.Any()).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        await BenchDatabase.BulkInsertAsync(db, template, Rows, Today, serveEveryThird: false);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync(db);
        _horizon = calendar.AddWorkingDays(Today, new Gongkai.Data.Configuration.GongkaiOptions().Reminders.DueSoonWorkingDays).Date;

        // The product and the baseline must find the same cases.
        var report = await ListAsync();
        var raw = await RawSqlDueCases();
        if (report != raw)
        {
            throw new InvalidOperationException($"ListDueCases found {report} cases, the raw SQL {raw}");
        }

        var clock = Stopwatch.StartNew();
        var first = await _database.AsOperatorAsync<SendDueReminders, ReminderRunResult>(u => u.ExecuteAsync(Today));
        Console.WriteLine($"// First SendDueReminders run of the day: {first.Overdue} overdue, {first.DueSoon} due soon, {first.Notified} notices written in {clock.Elapsed.TotalSeconds:F1} s");
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Detect")]
    public async Task<int> RawSqlDueCases()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var command = conn.CreateCommand();
        command.CommandText = """
            SELECT a."Id", a."CaseNumber", a."AgencyId", g."Name", coalesce(a."AssignedAgencyId", a."AgencyId"), u."Name", a."State", a."DueDate"
            FROM applications a
            JOIN agencies g ON g."Id" = a."AgencyId"
            JOIN agencies u ON u."Id" = coalesce(a."AssignedAgencyId", a."AgencyId")
            WHERE a."DueDate" IS NOT NULL AND a."Decision" IS NULL AND a."DueDate" <= @horizon
              AND NOT EXISTS (SELECT 1 FROM application_pauses p WHERE p."ApplicationId" = a."Id" AND p."Until" IS NULL AND p."Limit" IS NULL)
            ORDER BY a."DueDate", a."Id"
            """;
        var p = command.CreateParameter();
        p.ParameterName = "@horizon";
        p.Value = _horizon.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        command.Parameters.Add(p);
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetString(6), reader.GetString(7));
            rows++;
        }

        return rows;
    }

    [Benchmark, BenchmarkCategory("Detect")]
    public Task<int> ListDueCases() => ListAsync();

    /// <summary>A second run on the same day: the detection, the recipients and the look-up of the notices already sent; nothing is written.</summary>
    [Benchmark, BenchmarkCategory("Send again")]
    public Task<int> SendDueRemindersAgain() =>
        _database.AsOperatorAsync<SendDueReminders, int>(async u =>
        {
            var result = await u.ExecuteAsync(Today);
            return result.Notified == 0 ? result.Overdue + result.DueSoon : throw new InvalidOperationException($"a second run wrote {result.Notified} notices");
        });

    private Task<int> ListAsync() =>
        _database.AsOperatorAsync<ListDueCases, int>(async u =>
        {
            var report = await u.ExecuteAsync(Today);
            return report.DueSoon.Count + report.Overdue.Count;
        });
}
