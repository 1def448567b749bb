using Gongkai.Core.Common;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Data.Configuration;

/// <summary>
/// Resolves, from configuration, which database to open: the provider, the connection string, and the data folder.
/// The web app and the CLI call this same code, so both open the same SQLite file wherever they are started.
/// </summary>
public sealed record GongkaiDatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string DataDirEnvironmentVariable = "GONGKAI_DATA_DIR";
    public const string ConnectionStringName = "Gongkai";
    public const string SqliteFileName = "gongkai.db";
    public const string ConfigErrorCode = "config.invalid";

    public static GongkaiDatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDir = ResolveDataDirectory(configuration);
        var providerText = configuration[$"{GongkaiOptions.SectionName}:Database:Provider"] ?? "sqlite";
        var provider = providerText.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
            _ => throw new DomainException(ConfigErrorCode, $"配置项 Gongkai:Database:Provider 的值“{providerText}”无效，应为 sqlite 或 postgres。"),
        };

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new DomainException(ConfigErrorCode, "使用 PostgreSQL 时必须设置连接字符串 ConnectionStrings:Gongkai（环境变量 ConnectionStrings__Gongkai）。");
            }

            connectionString = $"Data Source={Path.Combine(dataDir, SqliteFileName)}";
        }

        return new GongkaiDatabaseSettings(provider, connectionString, dataDir);
    }

    /// <summary>
    /// <c>GONGKAI_DATA_DIR</c> (or <c>Gongkai:DataDir</c>) when set; otherwise a per-user folder:
    /// <c>~/.local/share/gongkai</c> on Linux, <c>%LOCALAPPDATA%\gongkai</c> on Windows.
    /// </summary>
    public static string ResolveDataDirectory(IConfiguration configuration)
    {
        var configured = configuration[DataDirEnvironmentVariable] ?? configuration[$"{GongkaiOptions.SectionName}:DataDir"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local))
        {
            local = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(local, "gongkai");
    }

    /// <summary>A description safe for logs and the console: the password of a PostgreSQL connection string is hidden.</summary>
    public string Describe() => Provider switch
    {
        DatabaseProvider.Sqlite => $"SQLite {ConnectionString.Replace("Data Source=", string.Empty, StringComparison.OrdinalIgnoreCase)}",
        DatabaseProvider.Postgres => $"PostgreSQL {RedactPassword(ConnectionString)}",
        _ => throw new InvalidOperationException(),
    };

    private static string RedactPassword(string cs) =>
        string.Join(';', cs.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase) ? "Password=***" : p));
}
