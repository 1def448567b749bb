using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// Applications on SQLite in a database already holding 100,000 cases (bulk-inserted in the setup; one in three
/// closed, the open ones due from 20 days ago to 40 days ahead): registering one through the
/// <see cref="RegisterApplication"/> use case against a plain EF insert of the same record, and the first page of the
/// 即将到期 and 已超期 queues through <see cref="ListApplications"/> against a raw SQL query with the same filter.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ApplicationBenchmarks
{
    public const int Rows = 100_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 27);

    private BenchDatabase _database = null!;
    private ServiceProvider _services = null!;
    private ApplicationInput _input = null!;
    private ApplicationRecord _template = null!;
    private DateOnly _soon;
    private int _serial;

    [GlobalSetup]
    public async Task Setup()
    {
        _database = await BenchDatabase.CreateAsync(Now);
        _services = _database.Services;
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var agency = await db.Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        _input = new ApplicationInput
        {
            AgencyId = agency,
            ApplicantType = ApplicantType.NaturalPerson,
            ApplicantName = "王小明",
            IdDocumentType = IdDocumentType.ResidentIdCard,
            IdNumber = "11010519491231002X",
            Phone = "13912345678",
            Description = "2024年昆都仑区义务教育阶段学校招生划片范围的文件",
            ProvisionForm = ProvisionForm.Paper,
            DeliveryMethod = DeliveryMethod.Collect,
            Channel = Channel.InPerson,
            Arrived = Today,
        };
        _template = await db.Applications.AsNoTracking().Where(a => a.AgencyId == agency).OrderBy(a => a.Id).FirstAsync();
        await BenchDatabase.BulkInsertAsync(db, _template.Id, Rows, Today, serveEveryThird: true);
        var calendar = await scope.ServiceProvider.GetRequiredService<CalendarProvider>().GetAsync(db);
        _soon = calendar.AddWorkingDays(Today, ListApplications.DueSoonWorkingDays).Date;
    }

    [GlobalCleanup]
    public void Cleanup() => _database.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("Register")]
    public async Task<long> PlainEfInsert()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var r = new ApplicationRecord
        {
            AgencyId = _input.AgencyId,
            CaseNumber = "PLAIN-" + Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture),
            ApplicantName = _input.ApplicantName,
            IdNumberProtected = protector.Protect(_input.IdNumber)!,
            IdNumberIndex = protector.BlindIndex(_input.IdNumber),
            PhoneProtected = protector.Protect(_input.Phone)!,
            Description = _input.Description,
            Channel = _input.Channel,
            Arrived = Today,
            Received = Today,
            State = CaseState.UnderReview,
            DueDate = _template.DueDate,
            RegisteredAt = Now,
            RegisteredBy = "bench",
            UpdatedAt = Now,
            UpdatedBy = "bench",
            Version = 1,
        };
        db.Applications.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    [Benchmark, BenchmarkCategory("Register")]
    public async Task<long> RegisterUseCase()
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("bench");
        return (await scope.ServiceProvider.GetRequiredService<RegisterApplication>().ExecuteAsync(_input)).Id;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("DueSoon")]
    public Task<int> RawSqlDueSoon() => RawQueueAsync("a.\"DueDate\" >= @today AND a.\"DueDate\" <= @soon");

    [Benchmark, BenchmarkCategory("DueSoon")]
    public Task<int> ListDueSoon() => ListAsync(CaseQueue.DueSoon);

    [Benchmark(Baseline = true), BenchmarkCategory("Overdue")]
    public Task<int> RawSqlOverdue() => RawQueueAsync("a.\"DueDate\" < @today");

    [Benchmark, BenchmarkCategory("Overdue")]
    public Task<int> ListOverdue() => ListAsync(CaseQueue.Overdue);

    private async Task<int> ListAsync(CaseQueue queue)
    {
        await using var scope = _services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("bench");
        var page = await scope.ServiceProvider.GetRequiredService<ListApplications>().ExecuteAsync(new ApplicationQuery { Queue = queue });
        return page.Total + page.Items.Count;
    }

    /// <summary>The same filter, count and first page (20 rows, ordered by due date) in plain SQL over ADO.NET.</summary>
    private async Task<int> RawQueueAsync(string due)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var filter = $"""
            FROM applications a
            WHERE a."DueDate" IS NOT NULL AND a."Decision" IS NULL AND {due}
              AND NOT EXISTS (SELECT 1 FROM application_pauses p WHERE p."ApplicationId" = a."Id" AND p."Until" IS NULL AND p."Limit" IS NULL)
            """;
        await using var count = conn.CreateCommand();
        count.CommandText = "SELECT COUNT(*) " + filter;
        Parameters(count);
        var total = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using var page = conn.CreateCommand();
        page.CommandText = "SELECT a.* " + filter + " ORDER BY a.\"DueDate\", a.\"Id\" LIMIT 20";
        Parameters(page);
        var rows = 0;
        await using (var reader = await page.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows++;
            }
        }

        return total + rows;

        void Parameters(System.Data.Common.DbCommand command)
        {
            foreach (var (name, value) in new[] { ("@today", Today), ("@soon", _soon) })
            {
                var p = command.CreateParameter();
                p.ParameterName = name;
                p.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                command.Parameters.Add(p);
            }
        }
    }
}
