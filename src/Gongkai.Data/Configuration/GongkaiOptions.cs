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

    public ReminderOptions Reminders { get; set; } = new();

    public MailOptions Mail { get; set; } = new();
}

/// <summary>The daily detection of applications due soon or overdue (queues and reminders).</summary>
public sealed class ReminderOptions
{
    /// <summary>Run the daily detection in the web app (turn off where `gongkai cases due --notify` runs from cron).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time (the agencies' time zone) of the daily run, HH:mm.</summary>
    public string DailyAt { get; set; } = "08:30";

    /// <summary>"Due soon" means due within this many working days (today included).</summary>
    public int DueSoonWorkingDays { get; set; } = 5;
}

/// <summary>An SMTP server for e-mail notices; without a host, notices stay in the platform only.</summary>
public sealed class MailOptions
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>none, starttls (default when offered) or ssl.</summary>
    public string Security { get; set; } = "auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "gongkai@localhost";

    public string FromName { get; set; } = "政府信息公开平台";
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

    /// <summary>Also load the demo applications (on by default; off gives the demo agencies and accounts with empty queues).</summary>
    public bool Applications { get; set; } = true;

    /// <summary>With the applications, also the district government's complete past years 2023–2025 (on by default).</summary>
    public bool History { get; set; } = true;
}
