using System.CommandLine;
using Gongkai.UseCases.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class DemoCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var demo = new Command("demo", t["演示数据", "Demo data"]);
        var load = new Command("load", t["向空数据库载入演示数据（已有正式数据的数据库会被拒绝）", "Load the demo data into an empty database (a database with real records is refused)"]);
        load.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<LoadDemoData>().ExecuteAsync(ct);
            await c.Out.WriteLineAsync(outcome == DemoLoadOutcome.Loaded
                ? t["已载入演示数据（演示机关：", "Demo data loaded (demo agency: "] + DemoAgencies.DistrictGovernment + t["）。", ")."]
                : t["数据库中已有演示数据，未重复载入。", "The database already holds the demo data; nothing was loaded."]);
            return ExitCodes.Ok;
        });
        demo.Subcommands.Add(load);
        return demo;
    }
}
