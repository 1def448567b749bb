using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Gongkai.Data.Search;
using Gongkai.TestSupport;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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

public sealed class PostgresMigrationTests() : MigrationTests(DatabaseProvider.Postgres)
{
    [ProviderFact]
    public async Task Search_documents_indexed_before_the_id_blocks_are_found_after_the_upgrade()
    {
        // A database at the Portal migration, with one document indexed as that version did: tokens and pairs only.
        await using (var db = Database.OpenContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261128084017_Portal");
            var agency = new AgencyRecord { Name = "包头市昆都仑区民政局", ShortName = "区民政局", Kind = AgencyKind.Department };
            db.Agencies.Add(agency);
            await db.SaveChangesAsync();
            const string oldVector = "'养老':1A '服务':2A '养老 服务':1A";
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO search_documents ("Id", "ItemId", "Revision", "AgencyId", "Kind", "Directory", "Year", "FirstPublishedMs",
                    "FirstPublishedOn", "PublishedOn", "Title", "Summary", "PublishingAgency", tsv)
                VALUES (70000, 1, 1, {agency.Id}, 'Information', 'Statutory', 2026, 0, DATE '2026-11-27', DATE '2026-11-27',
                    '养老服务补贴发放名单公示', '', '区民政局', CAST({oldVector} AS tsvector))
                """);
            Assert.Empty((await SearchIndex.For(db).SearchAsync(new SearchFilter { Query = SearchQuery.Parse("养老服务") })).DocumentIds);
        }

        var result = await UseCase<MigrateDatabase, MigrationResult>(m => m.ExecuteAsync());
        Assert.Contains("20261128115737_SearchIdBlocks", result.Applied);
        var hits = await QueryAsync(db => SearchIndex.For(db).SearchAsync(new SearchFilter { Query = SearchQuery.Parse("养老服务") }));
        Assert.Equal([70000L], hits.DocumentIds);
    }
}
