namespace Gongkai.Data.Configuration;

/// <summary>The database engine. SQLite is the embedded default; PostgreSQL is the production database.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Settings under the <c>Gongkai</c> section, shared by the web app and the CLI (see docs/operations.md).
/// </summary>
public sealed class GongkaiOptions
{
    public const string SectionName = "Gongkai";

    public DatabaseOptions Database { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    /// <summary>The IANA time zone of the agencies served; legal dates ("today") are taken in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply pending migrations when the web app starts (default true; set false where `gongkai db migrate` is run by the deployment).</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public sealed class DemoOptions
{
    /// <summary>Load the demo data into an empty database at start-up. Never loads into a database holding real records.</summary>
    public bool Enabled { get; set; }
}
