using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Platform;

public abstract class MigrationTests(DatabaseProvider provider) : ProviderTestBase(provider)
{
    protected override bool Migrate => false;

    [ProviderFact]
    public async Task No_model_change_lacks_a_migration()
    {
        await using var db = Database.OpenContext();
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add for both providers (see docs/operations.md).");
    }

    [ProviderFact]
    public async Task Migrating_an_empty_database_applies_every_migration_and_seeds_the_official_calendar()
    {
        var result = await UseCase<MigrateDatabase, MigrationResult>(m => m.ExecuteAsync());
        Assert.NotEmpty(result.Applied);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], result.CalendarYearsSeeded);
        var days = await QueryAsync(db => db.CalendarDays.CountAsync());
        Assert.True(days > 250);
        var history = await QueryAsync(db => db.CalendarChanges.CountAsync());
        Assert.Equal(8, history);
    }

    [ProviderFact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        await UseCase<MigrateDatabase, MigrationResult>(m => m.ExecuteAsync());
        var again = await UseCase<MigrateDatabase, MigrationResult>(m => m.ExecuteAsync());
        Assert.Empty(again.Applied);
        Assert.Empty(again.CalendarYearsSeeded);
        Assert.Equal(8, await QueryAsync(db => db.CalendarChanges.CountAsync()));
    }
}

public sealed class SqliteMigrationTests() : MigrationTests(DatabaseProvider.Sqlite);

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres);
