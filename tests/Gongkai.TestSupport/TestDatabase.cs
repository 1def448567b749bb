using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gongkai.TestSupport;

/// <summary>
/// A fresh, empty database on one provider: a SQLite file in a temporary folder, or a new PostgreSQL database on
/// the server named by GONGKAI_TEST_POSTGRES (dropped again on dispose). Never the InMemory provider.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "GONGKAI_TEST_POSTGRES";

    private readonly string? _adminConnectionString;
    private readonly string? _databaseName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataDirectory, string? adminConnectionString, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        _adminConnectionString = adminConnectionString;
        _databaseName = databaseName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A private data folder (the SQLite file and data protection keys live here).</summary>
    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, GongkaiDatabaseSettings.SqliteFileName), Pooling = false }.ToString();
            return new TestDatabase(provider, cs, dir, null, null);
        }

        var admin = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
        var name = "gongkai_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        return new TestDatabase(provider, builder.ToString(), dir, admin, name);
    }

    /// <summary>The configuration the web app or the CLI would read to open this database.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Gongkai:Database:Provider"] = Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
        ["ConnectionStrings:Gongkai"] = ConnectionString,
        [GongkaiDatabaseSettings.DataDirEnvironmentVariable] = DataDirectory,
    };

    /// <summary>The platform's services over this database, with a fake clock.</summary>
    public ServiceProvider Services(LogLevel minimumLevel = LogLevel.Warning, ILoggerProvider? logs = null, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Configuration()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l =>
        {
            l.SetMinimumLevel(minimumLevel);
            if (logs is not null)
            {
                l.AddProvider(logs);
            }
        });
        services.AddSingleton<TimeProvider>(Clock);
        services.AddGongkaiData(configuration);
        services.AddGongkaiUseCases();
        FastPasswordHashing(services);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>
    /// Tests create many accounts; PBKDF2 at the product's 100,000 iterations would dominate their time. The hash
    /// format and checks are unchanged, only cheaper.
    /// </summary>
    public static void FastPasswordHashing(IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);

    public GongkaiDbContext OpenContext() => DataServiceCollectionExtensions.CreateContext(new GongkaiDatabaseSettings(Provider, ConnectionString, DataDirectory));

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null && _databaseName is not null)
        {
            await using var conn = new NpgsqlConnection(_adminConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a pooled connection: the temp folder is cleaned by the OS.
        }
    }
}
