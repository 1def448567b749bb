using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class DbCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var db = new Command("db", t["数据库：迁移、状态", "Database: migrate, status"]);

        var migrate = new Command("migrate", t["把数据库升级到当前版本，并导入内置的官方工作日历（2019–2026）", "Bring the database to the current version and load the built-in official calendar (2019–2026)"]);
        migrate.SetAction(async (parse, ct) =>
        {
            await using var services = c.BuildServices(parse.GetValue(config));
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator(CliContext.OperatorName);
            var settings = scope.ServiceProvider.GetRequiredService<GongkaiDatabaseSettings>();
            var result = await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().ExecuteAsync(ct);
            await c.Out.WriteLineAsync(t["数据库：", "Database: "] + settings.Describe());
            await c.Out.WriteLineAsync(result.Applied.Count == 0
                ? t["数据库已是最新版本。", "The database is up to date."]
                : t[$"已应用 {result.Applied.Count} 个迁移：", $"Applied {result.Applied.Count} migrations: "] + string.Join(", ", result.Applied));
            if (result.CalendarYearsSeeded.Count > 0)
            {
                await c.Out.WriteLineAsync(t["已导入内置工作日历：", "Loaded the built-in calendar years: "] + string.Join(", ", result.CalendarYearsSeeded));
            }

            return ExitCodes.Ok;
        });
        db.Subcommands.Add(migrate);

        var status = new Command("status", t["显示正在使用的数据库及其迁移状态", "Show which database is used and its migration state"]);
        status.SetAction(async (parse, ct) =>
        {
            await using var services = c.BuildServices(parse.GetValue(config));
            await using var scope = services.CreateAsyncScope();
            var settings = scope.ServiceProvider.GetRequiredService<GongkaiDatabaseSettings>();
            var context = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var pending = (await context.Database.GetPendingMigrationsAsync(ct)).ToList();
            var applied = (await context.Database.GetAppliedMigrationsAsync(ct)).ToList();
            await c.Out.WriteLineAsync(t["数据库：", "Database: "] + settings.Describe());
            await c.Out.WriteLineAsync(t["数据目录：", "Data folder: "] + settings.DataDirectory);
            await c.Out.WriteLineAsync(t[$"已应用迁移 {applied.Count} 个，待应用 {pending.Count} 个。", $"{applied.Count} migrations applied, {pending.Count} pending."]);
            return pending.Count == 0 ? ExitCodes.Ok : ExitCodes.Environment;
        });
        db.Subcommands.Add(status);

        var reindex = new Command("reindex", t["重建门户的全文搜索索引（批量导入信息后，或更换分词词典后）", "Rebuild the portal's full-text search index (after a bulk load or a segmenter change)"]);
        reindex.SetAction(async (parse, ct) =>
        {
            await using var services = c.BuildServices(parse.GetValue(config));
            await using var scope = services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<UseCases.Publishing.CatalogueSearchIndexer>().RebuildAsync(ct);
            await c.Out.WriteLineAsync(t[$"已重建搜索索引：{count} 条公开信息。", $"Search index rebuilt: {count} published items."]);
            return ExitCodes.Ok;
        });
        db.Subcommands.Add(reindex);
        return db;
    }
}
