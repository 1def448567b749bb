using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Changes to the platform's services for this test class (e.g. settings).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Whether the test migrates the database before it runs (the migration tests start from nothing).</summary>
    protected virtual bool Migrate => true;

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _services = _database.Services(configure: ConfigureServices);
        if (Migrate)
        {
            await InScopeAsync(sp => sp.GetRequiredService<MigrateDatabase>().ExecuteAsync(), "系统");
        }
    }

    public virtual async Task DisposeAsync()
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

    /// <summary>
    /// Runs one unit of work in its own scope (its own DbContext), like one web request or CLI command: as the
    /// operator named <paramref name="operatorName"/> (unrestricted, like the CLI), or as a staff account with
    /// <see cref="AsStaffAsync{T}"/>.
    /// </summary>
    protected async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work, string operatorName = "测试操作员")
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator(operatorName);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Runs one unit of work as the staff account <paramref name="userName"/>, acting for <paramref name="agencyName"/> (default: its first agency).</summary>
    protected async Task<T> AsStaffAsync<T>(string userName, Func<IServiceProvider, Task<T>> work, string? agencyName = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync();
        var memberships = await db.AgencyMemberships.Where(m => m.UserId == user.Id).Select(m => m.AgencyId).ToListAsync();
        var tree = await AgencyTree.LoadAsync(db);
        var acting = agencyName is null ? memberships.Order().First() : await db.Agencies.Where(a => a.Name == agencyName).Select(a => a.Id).SingleAsync();
        Assert.Contains(acting, memberships);
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetStaff(user.Id, userName, user.DisplayName, roles, acting, tree);
        return await work(scope.ServiceProvider);
    }

    protected Task<T> UseCase<TUseCase, T>(Func<TUseCase, Task<T>> work, string operatorName = "测试操作员")
        where TUseCase : notnull => InScopeAsync(sp => work(sp.GetRequiredService<TUseCase>()), operatorName);

    protected Task<T> AsStaff<TUseCase, T>(string userName, Func<TUseCase, Task<T>> work, string? agencyName = null)
        where TUseCase : notnull => AsStaffAsync(userName, sp => work(sp.GetRequiredService<TUseCase>()), agencyName);

    protected async Task<T> QueryAsync<T>(Func<GongkaiDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = Database.OpenContext();
        return await query(db);
    }
}
