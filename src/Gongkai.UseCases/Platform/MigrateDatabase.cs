using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.UseCases.Accounts;
using Gongkai.Data.Sqlite;
using Gongkai.UseCases.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.UseCases.Platform;

public sealed record MigrationResult(IReadOnlyList<string> Applied, IReadOnlyList<int> CalendarYearsSeeded);

/// <summary>
/// Brings the database to the current model (`gongkai db migrate`, and the web app at start-up when configured) and
/// seeds the official calendar years shipped with the product that are not yet loaded. Never overwrites a year an
/// administrator has loaded.
/// </summary>
[AuditAction("升级数据库")]
public sealed class MigrateDatabase(GongkaiDbContext db, ImportCalendarYear importCalendar, StaffContext staff, AuditContext audit, Publishing.CatalogueSearchIndexer search, ILogger<MigrateDatabase> log)
{
    public async Task<MigrationResult> ExecuteAsync(CancellationToken ct = default)
    {
        if (db is SqliteGongkaiDbContext)
        {
            var file = db.Database.GetDbConnection().DataSource;
            if (!string.IsNullOrEmpty(file) && Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }
        }

        staff.EnsureRole(Data.Accounts.Roles.SystemAdministrator);
        using var _ = audit.Begin(this);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db is SqliteGongkaiDbContext)
        {
            // WAL lets the web app read while the CLI writes (and the other way round).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var loaded = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var seeded = new List<int>();
        foreach (var year in OfficialCalendarSeed.Years().Where(y => !loaded.Contains(y.Year)))
        {
            await importCalendar.ExecuteAsync(year, OfficialCalendarSeed.SourceName, ct);
            seeded.Add(year.Year);
        }

        // A database that had published items before the search index existed gets its index built once.
        if (pending.Count > 0 && !await db.SearchDocuments.AnyAsync(ct) && await db.CatalogueItems.AnyAsync(i => i.PublishedRevision > 0 && i.WithdrawnAt == null, ct))
        {
            var indexed = await search.RebuildAsync(ct);
            log.LogInformation("Search index built: {Count} items", indexed);
        }

        if (pending.Count > 0 || seeded.Count > 0)
        {
            log.LogInformation("Database migrated ({Applied} migrations applied); calendar years seeded: {Years}", pending.Count, string.Join(",", seeded));
        }

        return new MigrationResult(pending, seeded);
    }
}
