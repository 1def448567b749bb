using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'   (see bench/README.md)
if (args is ["report-side-by-side", var provider, var rounds])
{
    // The report computation's benchmarks in turn in one process (see bench/README.md).
    await Gongkai.Benchmarks.ReportComputationBenchmarks.SideBySideAsync(
        Enum.Parse<Gongkai.Data.Configuration.DatabaseProvider>(provider, ignoreCase: true), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["search", .. var searchArgs])
{
    // The portal search: Gongkai on SQLite and PostgreSQL against Lucene.Net over one generated corpus (see bench/README.md).
    var options = Gongkai.Benchmarks.CommandLine.Parse(searchArgs);
    if (options.ContainsKey("drop"))
    {
        await Gongkai.Benchmarks.SearchIndexBuild.RecreatePostgresAsync(drop: true);
        Console.WriteLine($"Dropped the database {Gongkai.Benchmarks.SearchStores.PostgresDatabaseName}.");
        return;
    }

    var db = options.GetValueOrDefault("db", "sqlite");
    await Gongkai.Benchmarks.SearchLatency.RunAsync(
        int.Parse(options.GetValueOrDefault("items", "1000000"), System.Globalization.CultureInfo.InvariantCulture),
        sqlite: db is "sqlite" or "both",
        postgres: db is "postgres" or "both",
        rounds: int.Parse(options.GetValueOrDefault("rounds", "5"), System.Globalization.CultureInfo.InvariantCulture),
        rebuild: options.ContainsKey("rebuild"),
        interim: options.ContainsKey("interim"));
    return;
}

if (args is ["load", .. var loadArgs])
{
    // HTTP throughput of pages of a running server, one URL after another (see bench/README.md; wrk does the same).
    var options = Gongkai.Benchmarks.CommandLine.Parse(loadArgs);
    await Gongkai.Benchmarks.LoadGenerator.RunAsync(
        options["url"].Split(',', StringSplitOptions.RemoveEmptyEntries),
        int.Parse(options.GetValueOrDefault("connections", "16"), System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("duration", "15"), System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(int.Parse(options.GetValueOrDefault("warmup", "5"), System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
