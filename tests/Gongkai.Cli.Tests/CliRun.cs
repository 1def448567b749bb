using Gongkai.Cli;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public sealed record CliResult(int ExitCode, string Out, string Err);

/// <summary>Runs `gongkai` in-process against a test database, capturing both streams.</summary>
public static class CliRun
{
    public static async Task<CliResult> RunAsync(TestDatabase db, params string[] args) => await RunWithLocaleAsync(db, "zh_CN.UTF-8", args);

    /// <summary>Runs with the demo's past years on for `demo load` (about 20 seconds: only for the report tests).</summary>
    public static async Task<CliResult> RunWithDemoHistoryAsync(TestDatabase db, params string[] args) => await RunWithLocaleAsync(db, "zh_CN.UTF-8", args, demoHistory: true);

    public static async Task<CliResult> RunWithLocaleAsync(TestDatabase db, string lang, string[] args, bool demoHistory = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var o = new StringWriter();
        using var e = new StringWriter();
        var configuration = db.Configuration();

        // `demo load` without the demo's past years (several seconds of steps, tested in the use-case tests).
        configuration["Gongkai:Demo:History"] = demoHistory ? "true" : "false";
        var code = await GongkaiCli.RunAsync(args, o, e, configuration, name => name == "LANG" ? lang : null, db.Clock);
        return new CliResult(code, o.ToString(), e.ToString());
    }
}
