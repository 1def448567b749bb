using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gongkai.Data.Postgres;

/// <summary>The PostgreSQL flavour of the model; owns Postgres/Migrations.</summary>
public sealed class PostgresGongkaiDbContext(DbContextOptions<PostgresGongkaiDbContext> options) : GongkaiDbContext(options);

/// <summary>Used by `dotnet ef migrations add … --context PostgresGongkaiDbContext` only (no connection is opened).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGongkaiDbContext>
{
    public PostgresGongkaiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGongkaiDbContext>().UseNpgsql("Host=localhost;Database=gongkai_design").Options);
}
