using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Gongkai.Benchmarks -- --filter '*'   (see bench/README.md)
if (args is ["report-side-by-side", var provider, var rounds])
{
    // The report computation's benchmarks in turn in one process (see bench/README.md).
    await Gongkai.Benchmarks.ReportComputationBenchmarks.SideBySideAsync(
        Enum.Parse<Gongkai.Data.Configuration.DatabaseProvider>(provider, ignoreCase: true), int.Parse(rounds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
