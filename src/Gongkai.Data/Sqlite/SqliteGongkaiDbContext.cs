using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Data.Sqlite;

/// <summary>The SQLite flavour of the model; owns Sqlite/Migrations.</summary>
public sealed class SqliteGongkaiDbContext(DbContextOptions<SqliteGongkaiDbContext> options) : GongkaiDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no instant type and EF cannot compare DateTimeOffset stored as text; store UTC ticks so that
        // ordering and range queries run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Used by `dotnet ef migrations add … --context SqliteGongkaiDbContext` only.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGongkaiDbContext>
{
    public SqliteGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGongkaiDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
