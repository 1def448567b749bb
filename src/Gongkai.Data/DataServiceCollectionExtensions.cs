using Gongkai.Data.Audit;
using Gongkai.Data.Configuration;
using Gongkai.Data.Postgres;
using Gongkai.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GongkaiDbContext"/> for the configured provider, and the options of the Gongkai section.</summary>
    public static IServiceCollection AddGongkaiData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = GongkaiDatabaseSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.Configure<GongkaiOptions>(configuration.GetSection(GongkaiOptions.SectionName));
        services.AddSingleton(_ => PersonalData.PersonalDataProtector.FromConfiguration(configuration, settings));
        return services.AddGongkaiData(settings);
    }

    public static IServiceCollection AddGongkaiData(this IServiceCollection services, GongkaiDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddScoped<AuditContext>();
        services.AddScoped<AuditInterceptor>();
        services.AddSingleton<Files.IFileStore>(new Files.DiskFileStore(Path.Combine(settings.DataDirectory, "files")));
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContext<GongkaiDbContext, SqliteGongkaiDbContext>((sp, o) => ConfigureSqlite(o, settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }
        else
        {
            services.AddDbContext<GongkaiDbContext, PostgresGongkaiDbContext>((sp, o) => ConfigurePostgres(o, settings.ConnectionString).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
        }

        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString)
        => options.UseSqlite(connectionString, o => o.CommandTimeout(60)).AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString)
        => options.UseNpgsql(connectionString);

    /// <summary>Opens a context directly, for tools and tests that have no container.</summary>
    public static GongkaiDbContext CreateContext(GongkaiDatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<SqliteGongkaiDbContext>();
            ConfigureSqlite(b, settings.ConnectionString);
            return new SqliteGongkaiDbContext(b.Options);
        }

        var p = new DbContextOptionsBuilder<PostgresGongkaiDbContext>();
        ConfigurePostgres(p, settings.ConnectionString);
        return new PostgresGongkaiDbContext(p.Options);
    }
}
