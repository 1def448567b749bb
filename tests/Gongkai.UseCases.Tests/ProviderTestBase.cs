using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests;

/// <summary>
/// Base of the use-case tests: each test gets its own fresh, migrated database on the provider of the subclass.
/// Every test class exists twice, as Sqlite… and Postgres…, so each use case is proven on both databases.
/// </summary>
public abstract class ProviderTestBase(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _database;
    private ServiceProvider? _services;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    protected ServiceProvider Services => _services ?? throw new InvalidOperationException("not initialised");

    /// <summary>Whether the test migrates the database before it runs (the migration tests start from nothing).</summary>
    protected virtual bool Migrate => true;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = _database.Services();
        if (Migrate)
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MigrateDatabase>().ExecuteAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Runs one unit of work in its own scope (its own DbContext), like one web request or CLI command.</summary>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected Task<T> UseCase<TUseCase, T>(Func<TUseCase, Task<T>> work)
        where TUseCase : notnull => InScopeAsync(sp => work(sp.GetRequiredService<TUseCase>()));

    protected async Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.OpenContext();
        return await query(db);
    }
}
