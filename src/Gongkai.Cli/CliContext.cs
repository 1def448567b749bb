using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Cli;

/// <summary>
/// What a command needs: configuration (appsettings.json beside the tool, environment variables, --config FILE),
/// the services of the platform, and the two output streams.
/// </summary>
internal sealed class CliContext(
TextWriter output, TextWriter error, Text text, IReadOnlyDictionary<string, string?> overrides, TimeProvider? clock)
{
    /// <summary>Who the history names for changes made at the command line: the operator of this machine.</summary>
    public static string OperatorName => $"命令行（{Environment.UserName}）";

    public TextWriter Out { get; } = output;

    public TextWriter Err { get; } = error;

    public Text T { get; } = text;

    /// <summary>Refuses, as bad input, a path that names no file (or names a folder).</summary>
    public void EnsureFileExists(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.Refresh();
        if (!file.Exists)
        {
            throw new CliInputException(Directory.Exists(file.FullName)
                ? T[$"{file.FullName} 是文件夹，不是文件。", $"{file.FullName} is a folder, not a file."]
                : T[$"找不到文件：{file.FullName}", $"File not found: {file.FullName}"]);
        }
    }

    public IConfiguration BuildConfiguration(string? configFile)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables();
        if (configFile is not null)
        {
            var full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new DomainException("config.file_missing", $"找不到配置文件：{full}");
            }

            builder.AddJsonFile(full, optional: false);
        }

        builder.AddInMemoryCollection(overrides);
        return builder.Build();
    }

    public ServiceProvider BuildServices(string? configFile)
    {
        var configuration = BuildConfiguration(configFile);
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.AddConfiguration(configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddGongkaiData(configuration);
        services.AddGongkaiUseCases();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>
    /// Opens the database for a command other than `db migrate`. A new, empty SQLite database is created and migrated
    /// on first use (the embedded default works without a setup step); any other database that lags behind the model
    /// is an environment error naming the command that fixes it.
    /// </summary>
    public async Task<AsyncServiceScope> OpenAsync(string? configFile, CancellationToken ct)
    {
        var provider = BuildServices(configFile);
        var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator(OperatorName);
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var settings = scope.ServiceProvider.GetRequiredService<GongkaiDatabaseSettings>();
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            if (applied.Count == 0 && settings.Provider == DatabaseProvider.Sqlite)
            {
                await Err.WriteLineAsync(T["提示：数据库尚未创建，正在初始化 " + settings.Describe(), "Note: creating the database " + settings.Describe()]);
                await scope.ServiceProvider.GetRequiredService<UseCases.Platform.MigrateDatabase>().ExecuteAsync(ct);
            }
            else
            {
                throw new DomainException("database.not_migrated", T["数据库结构不是最新版本，请先运行：gongkai db migrate", "The database is not up to date; run: gongkai db migrate"]);
            }
        }

        return scope;
    }
}
