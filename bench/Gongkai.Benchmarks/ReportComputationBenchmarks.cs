using System.Globalization;
using BenchmarkDotNet.Attributes;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Core.Reports;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// The annual reports of 1,000 agencies on 2025 computed from 1,000,000 applications (<see cref="ReportDataset"/>), on
/// SQLite and, when a server is named, PostgreSQL: <see cref="ProductComputeOwn"/> is the product
/// (<c>ReportComputation.ComputeOwnAsync</c>: tables 二, 三 and 四 of every agency, through the product's
/// <c>DbContext</c>, a new one per operation) and <see cref="RawSqlAggregate"/> the least any implementation must do for
/// table 三: one hand-written grouped query over the same rows, read into a list. The setup checks that both give the
/// same table 三 for every agency.
/// </summary>
[MemoryDiagnoser]
public class ReportComputationBenchmarks
{
    public const int Year = 2025;

    private ServiceProvider _services = null!;
    private List<int> _agencies = null!;
    private string _rawSql = null!;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers() =>
        ReportDataset.PostgresServer is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [GlobalSetup]
    public async Task Setup()
    {
        var settings = await ReportDataset.OpenAsync(Provider);
        _services = ProductServices.For(settings);

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            _agencies = await db.Agencies.Where(a => a.ParentId != null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        }

        if (_agencies.Count != ReportDataset.Agencies)
        {
            throw new InvalidOperationException($"{_agencies.Count} agencies in the benchmark's database");
        }

        _rawSql = RawSql(_agencies);
        await VerifyAsync();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    /// <summary>Table 三's groups in one hand-written query (agency, applicant, 新收 or 上年结转, served in the year, decision), read into a list.</summary>
    [Benchmark(Baseline = true)]
    public async Task<List<RawGroup>> RawSqlAggregate()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var command = conn.CreateCommand();
        command.CommandText = _rawSql;
        var groups = new List<RawGroup>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            groups.Add(new RawGroup(reader.GetInt32(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5)));
        }

        return groups;
    }

    /// <summary>The product: tables 二, 三 and 四 of the 1,000 agencies' reports, each over its own records.</summary>
    [Benchmark]
    public async Task<int> ProductComputeOwn()
    {
        await using var scope = _services.CreateAsyncScope();
        var tables = await scope.ServiceProvider.GetRequiredService<ReportComputation>().ComputeOwnAsync(_agencies, Year);
        return tables.Count;
    }

    /// <summary>The product's table 三 alone (<c>ReportComputation.Table3ByAgencyAsync</c>): the share of tables 四 and 二 in the whole.</summary>
    [Benchmark]
    public async Task<int> ProductTable3Only()
    {
        await using var scope = _services.CreateAsyncScope();
        var tables = await scope.ServiceProvider.GetRequiredService<ReportComputation>().Table3ByAgencyAsync(_agencies, Year);
        return tables.Count;
    }

    /// <summary>
    /// The three benchmarks in turn in one process, <paramref name="rounds"/> times after one setup (the first round
    /// dropped), printing the medians: on a busy machine, a fairer comparison than cases measured minutes apart.
    /// </summary>
    public static async Task SideBySideAsync(DatabaseProvider provider, int rounds)
    {
        var bench = new ReportComputationBenchmarks { Provider = provider };
        await bench.Setup();
        var times = new List<(double Raw, double Product, double Table3)>();
        for (var i = 0; i <= rounds; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await bench.RawSqlAggregate();
            var raw = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await bench.ProductComputeOwn();
            var product = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await bench.ProductTable3Only();
            times.Add((raw, product, clock.Elapsed.TotalMilliseconds));
        }

        bench.Cleanup();
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var measured = times.Skip(1).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}, {rounds} rounds: raw SQL median {Median(measured.Select(t => t.Raw)):F0} ms, "
            + $"ComputeOwnAsync {Median(measured.Select(t => t.Product)):F0} ms (ratio {Median(measured.Select(t => t.Product / t.Raw)):F2}), "
            + $"Table3ByAgencyAsync {Median(measured.Select(t => t.Table3)):F0} ms (ratio {Median(measured.Select(t => t.Table3 / t.Raw)):F2})"));
    }

    public sealed record RawGroup(int AgencyId, string ApplicantType, bool New, bool Done, string? Decision, long Count);

    private static string RawSql(List<int> agencies)
    {
        var first = $"'{new DateOnly(Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        var last = $"'{new DateOnly(Year, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";
        var ids = string.Join(", ", agencies.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return $"""
            SELECT "AgencyId", "ApplicantType", "Received" >= {first}, "Served" IS NOT NULL AND "Served" <= {last},
                   CASE WHEN "Served" IS NOT NULL AND "Served" <= {last} THEN "Decision" END, COUNT(*)
            FROM applications
            WHERE "AgencyId" IN ({ids}) AND "Type" = '{CaseType.InformationDisclosure}'
              AND "Received" IS NOT NULL AND "Received" <= {last} AND ("Served" IS NULL OR "Served" >= {first})
            GROUP BY 1, 2, 3, 4, 5
            """;
    }

    /// <summary>Both sides must give the same table 三 for every agency, cell by cell, and the data must reach every row.</summary>
    private async Task VerifyAsync()
    {
        var raw = await RawSqlAggregate();
        await using var scope = _services.CreateAsyncScope();
        var product = await scope.ServiceProvider.GetRequiredService<ReportComputation>().ComputeOwnAsync(_agencies, Year);
        var expected = _agencies.ToDictionary(id => id, _ => Table3Computation.Zero());
        foreach (var g in raw)
        {
            var table = expected[g.AgencyId];
            var column = Table3Cases.Column(Enum.Parse<ApplicantType>(g.ApplicantType));
            Table3Computation.Add(table, g.New ? Table3Computation.NewReceived : Table3Computation.CarriedOver, column, g.Count);
            if (g.Done)
            {
                Table3Computation.Add(table, DecisionCatalog.Of(Enum.Parse<DecisionType>(g.Decision!)).ReportRow!, column, g.Count);
                Table3Computation.Add(table, Table3Computation.TotalProcessed, column, g.Count);
            }
            else
            {
                Table3Computation.Add(table, Table3Computation.CarriedForward, column, g.Count);
            }
        }

        var grand = Table3Computation.Zero();
        foreach (var id in _agencies)
        {
            var computed = product[id].Table3;
            foreach (var row in expected[id].Rows)
            {
                var want = expected[id][row.Key];
                var got = computed[row.Key];
                if (!want.SequenceEqual(got))
                {
                    throw new InvalidOperationException($"agency {id}, row {row.Key}: the product gives {string.Join(",", got)}, the raw SQL {string.Join(",", want)}");
                }

                grand[row.Key][Table3Layout.TotalColumn] += want[Table3Layout.TotalColumn];
            }
        }

        var empty = grand.Rows.Where(r => grand[r.Key][Table3Layout.TotalColumn] == 0).Select(r => r.Key).ToList();
        var reviews = _agencies.Sum(id => product[id].Table4.Cells.Sum(c => c ?? 0));
        Console.WriteLine($"// {Provider}: table 三 identical for {_agencies.Count} agencies; {raw.Count} groups; 新收 {grand[Table3Computation.NewReceived][Table3Layout.TotalColumn]}, "
            + $"上年结转 {grand[Table3Computation.CarriedOver][Table3Layout.TotalColumn]}, 总计 {grand[Table3Computation.TotalProcessed][Table3Layout.TotalColumn]}, "
            + $"结转下年度 {grand[Table3Computation.CarriedForward][Table3Layout.TotalColumn]}; table 四 cells sum {reviews}; rows at zero: {(empty.Count == 0 ? "none" : string.Join(",", empty))}");
    }
}
