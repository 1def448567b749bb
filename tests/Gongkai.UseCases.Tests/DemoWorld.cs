using Microsoft.Extensions.DependencyInjection;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Demo;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests;

/// <summary>A migrated database with the demo agencies and accounts loaded, for tests of scopes and roles.</summary>
public abstract class DemoWorld(DatabaseProvider provider) : ProviderTestBase(provider)
{
    /// <summary>
    /// Whether the demo applications are loaded too. Off by default: most tests make their own cases, and loading the
    /// demo's (each through the real steps) would cost every test a second.
    /// </summary>
    protected virtual bool DemoApplications => false;

    /// <summary>
    /// With the applications, whether the district government's past years 2023–2025 are loaded too (some 330 cases
    /// through the real steps, several seconds): only for the tests about them.
    /// </summary>
    protected virtual bool DemoHistory => false;

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.PostConfigure<Data.Configuration.GongkaiOptions>(o =>
        {
            o.Demo.Applications = DemoApplications;
            o.Demo.History = DemoHistory;
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await UseCase<LoadDemoData, DemoLoadOutcome>(u => u.ExecuteAsync(), "系统");
    }

    protected Task<int> AgencyIdAsync(string name) => QueryAsync(db => db.Agencies.Where(a => a.Name == name).Select(a => a.Id).SingleAsync());
}
