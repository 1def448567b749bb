using System.CommandLine;
using System.Globalization;
using Gongkai.Cli.Commands;
using Gongkai.Core.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Cli;

/// <summary>The `gongkai` command tree. <see cref="RunAsync"/> is what Program calls and what the tests call in-process.</summary>
public static class GongkaiCli
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        IReadOnlyDictionary<string, string?>? configuration = null,
        Func<string, string?>? environment = null,
        TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = Text.FromEnvironment(environment ?? Environment.GetEnvironmentVariable);
        CultureInfo.CurrentUICulture = text.Culture;
        var context = new CliContext(output, error, text, configuration ?? new Dictionary<string, string?>(), clock);
        var root = Build(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                await error.WriteLineAsync(text["错误：", "Error: "] + e.Message);
            }

            await error.WriteLineAsync(text["用 --help 查看用法。", "See --help for usage."]);
            return ExitCodes.BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return await ReportAsync(context, ex);
        }
    }

    internal static RootCommand Build(CliContext c)
    {
        var t = c.T;
        var config = new Option<string?>("--config")
        {
            Description = t["额外的 JSON 配置文件（在 appsettings.json 和环境变量之后读取）", "An extra JSON configuration file (read after appsettings.json and environment variables)"],
            Recursive = true,
        };
        var root = new RootCommand(t[
            "公开（Gongkai）政府信息公开平台的命令行工具。退出码：0 成功；1 规则不允许；2 输入有误；3 环境未就绪（配置、数据库）。",
            "Command line of Gongkai, the government information disclosure platform. Exit codes: 0 done; 1 refused by a rule; 2 bad input; 3 environment not ready (configuration, database)."]);
        root.Options.Add(config);
        root.Subcommands.Add(DbCommands.Build(c, config));
        root.Subcommands.Add(CalendarCommands.Build(c, config));
        root.Subcommands.Add(DemoCommands.Build(c, config));
        root.Subcommands.Add(AgencyCommands.Build(c, config));
        root.Subcommands.Add(AccountCommands.Build(c, config));
        root.Subcommands.Add(CaseCommands.Build(c, config));
        root.Subcommands.Add(CatalogueCommands.Build(c, config));
        root.Subcommands.Add(ReportCommands.Build(c, config));
        return root;
    }

    /// <summary>Error codes that mean the input itself cannot be used (exit 2), whatever the feature.</summary>
    private static bool IsBadInput(string code) =>
        new[] { ".invalid_file", ".invalid_argument", ".out_of_range", ".unreadable", ".json_invalid", ".invalid" }.Any(s => code.EndsWith(s, StringComparison.Ordinal));

    private static async Task<int> ReportAsync(CliContext c, Exception ex)
    {
        var (code, message) = ex switch
        {
            DomainException d when d.Code.StartsWith("config.", StringComparison.Ordinal) || d.Code.StartsWith("database.", StringComparison.Ordinal) => (ExitCodes.Environment, d.Message),
            DomainException d when IsBadInput(d.Code) => (ExitCodes.BadInput, d.Message),
            DomainException d => (ExitCodes.RuleFailed, d.Message),
            CliInputException i => (ExitCodes.BadInput, i.Message),
            NpgsqlException or Microsoft.Data.Sqlite.SqliteException or DbUpdateException or InvalidOperationException { InnerException: NpgsqlException } =>
                (ExitCodes.Environment, c.T["无法访问数据库：", "Cannot use the database: "] + ex.Message),
            OperationCanceledException => (ExitCodes.Environment, c.T["已取消。", "Cancelled."]),
            _ => (ExitCodes.Environment, c.T["内部错误：", "Internal error: "] + ex),
        };
        await c.Err.WriteLineAsync(c.T["错误：", "Error: "] + message);
        return code;
    }
}

/// <summary>An argument that parsed but cannot be used (a date that does not exist, a file that cannot be read).</summary>
internal sealed class CliInputException(string message) : Exception(message);
