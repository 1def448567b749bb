using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gongkai.Data.Sqlite;

/// <summary>
/// Every SQLite connection waits for a busy database instead of failing at once (the web app and the CLI share
/// one file) and enforces foreign keys. WAL mode is set once by the migrator.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Apply(connection);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
        cmd.ExecuteNonQuery();
    }
}
