using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>The product's own service registration, for benchmarks that run its use cases.</summary>
public static class ProductServices
{
    /// <summary>The product's registration (data and use cases) on the benchmark's database.</summary>
    public static ServiceProvider For(GongkaiDatabaseSettings settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gongkai:Database:Provider"] = settings.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgres",
            ["ConnectionStrings:Gongkai"] = settings.ConnectionString,
            [GongkaiDatabaseSettings.DataDirEnvironmentVariable] = settings.DataDirectory,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddGongkaiData(configuration);
        services.AddGongkaiUseCases();
        return services.BuildServiceProvider();
    }
}
