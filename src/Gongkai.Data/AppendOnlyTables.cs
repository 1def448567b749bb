using Microsoft.EntityFrameworkCore.Migrations;

namespace Gongkai.Data;

/// <summary>
/// History tables that the database itself keeps append-only: triggers reject UPDATE and DELETE (and, on
/// PostgreSQL, TRUNCATE), whoever connects. Called from each provider's migration.
/// </summary>
public static class AppendOnlyTables
{
    /// <summary>The tables the first migration made append-only; later migrations name the tables they add.</summary>
    public static readonly string[] InitialTables = [GongkaiDbContext.AuditTableName, "calendar_changes"];

    /// <summary>Every append-only table of the current model.</summary>
    public static readonly string[] Tables = [.. InitialTables, GongkaiDbContext.ApplicationEventsTableName, GongkaiDbContext.ReviewCaseEventsTableName, GongkaiDbContext.AnnualReportEventsTableName, GongkaiDbContext.NormativeDocumentEventsTableName, GongkaiDbContext.CatalogueItemEventsTableName, GongkaiDbContext.CatalogueRevisionsTableName];

    public const string Message = "append-only table: history cannot be changed or deleted";

    public static void CreateSqlite(MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        tables = tables is { Length: > 0 } ? tables : InitialTables;
        foreach (var t in tables)
        {
            migrationBuilder.Sql($"CREATE TRIGGER {t}_no_update BEFORE UPDATE ON {t} BEGIN SELECT RAISE(ABORT, '{t}: {Message}'); END;");
            migrationBuilder.Sql($"CREATE TRIGGER {t}_no_delete BEFORE DELETE ON {t} BEGIN SELECT RAISE(ABORT, '{t}: {Message}'); END;");
        }
    }

    public static void DropSqlite(MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        tables = tables is { Length: > 0 } ? tables : InitialTables;
        foreach (var t in tables)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {t}_no_update;");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {t}_no_delete;");
        }
    }

    public static void CreatePostgres(MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        tables = tables is { Length: > 0 } ? tables : InitialTables;
        migrationBuilder.Sql($"""
            CREATE OR REPLACE FUNCTION gongkai_reject_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '%: {Message}', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
            END
            $$;
            """);
        foreach (var t in tables)
        {
            migrationBuilder.Sql($"CREATE TRIGGER {t}_no_update_delete BEFORE UPDATE OR DELETE ON {t} FOR EACH ROW EXECUTE FUNCTION gongkai_reject_history_change();");
            migrationBuilder.Sql($"CREATE TRIGGER {t}_no_truncate BEFORE TRUNCATE ON {t} FOR EACH STATEMENT EXECUTE FUNCTION gongkai_reject_history_change();");
        }
    }

    public static void DropPostgres(MigrationBuilder migrationBuilder, params string[] tables)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        tables = tables is { Length: > 0 } ? tables : InitialTables;
        foreach (var t in tables)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {t}_no_update_delete ON {t};");
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {t}_no_truncate ON {t};");
        }

        if (tables == InitialTables)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS gongkai_reject_history_change();");
        }
    }
}
