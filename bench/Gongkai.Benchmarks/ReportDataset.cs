using System.Globalization;
using System.Text;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>
/// The data of the annual-report benchmark: 1,000 agencies (a flat list under one root, each reporting on its own
/// records), 1,000,000 applications received over 2024–2026 with a realistic mix (mostly 自然人; most served with a
/// decision, 予以公开 and 本机关不掌握 the commonest, every decision type possible; some open, some served after the
/// year end, some 更正申请, some not yet received) and 30,000 review and litigation cases. The rows are generated from
/// a fixed seed and inserted with multi-row INSERTs in one transaction.
/// <para>
/// Building it takes minutes, so the database is kept between runs: a SQLite file in the temporary folder, or the
/// database <see cref="PostgresDatabaseName"/> on the server; a marker table written last names the dataset and the
/// schema it was built on, and any other database there is rebuilt.
/// </para>
/// </summary>
public static class ReportDataset
{
    public const int Agencies = 1_000;
    public const int Applications = 1_000_000;
    public const int Reviews = 30_000;
    public const string PostgresDatabaseName = "gongkai_bench_reports";

    /// <summary>The server for the PostgreSQL runs: GONGKAI_BENCH_POSTGRES, else the tests' GONGKAI_TEST_POSTGRES (an admin connection string).</summary>
    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("GONGKAI_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("GONGKAI_TEST_POSTGRES") is { Length: > 0 } test ? test
        : null;

    private const string Version = "reports-v1";
    private static readonly DateOnly Today = new(2026, 11, 27);
    private static readonly DateOnly Start = new(2024, 1, 1);

    /// <summary>The settings of the benchmark's database on <paramref name="provider"/>, built first if it is missing or stale.</summary>
    public static async Task<GongkaiDatabaseSettings> OpenAsync(DatabaseProvider provider)
    {
        var dir = Path.Combine(Path.GetTempPath(), "gongkai-bench-reports");
        Directory.CreateDirectory(dir);
        GongkaiDatabaseSettings settings;
        if (provider == DatabaseProvider.Sqlite)
        {
            var cs = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, GongkaiDatabaseSettings.SqliteFileName) }.ToString();
            settings = new GongkaiDatabaseSettings(provider, cs, dir);
        }
        else
        {
            var server = PostgresServer ?? throw new InvalidOperationException("set GONGKAI_BENCH_POSTGRES (or GONGKAI_TEST_POSTGRES) to a PostgreSQL admin connection string");
            settings = new GongkaiDatabaseSettings(provider, new NpgsqlConnectionStringBuilder(server) { Database = PostgresDatabaseName }.ToString(), dir);
        }

        string expected;
        await using (var db = DataServiceCollectionExtensions.CreateContext(settings))
        {
            expected = $"{Version} {db.Database.GetMigrations().Last()}";
            if (await MarkerAsync(db) == expected)
            {
                return settings;
            }
        }

        Console.WriteLine($"// Building the report benchmark's database on {provider} ({Applications:N0} applications); kept for later runs");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await DropAsync(settings);
        await using (var db = DataServiceCollectionExtensions.CreateContext(settings))
        {
            await db.Database.MigrateAsync();
            await FillAsync(db, expected);
        }

        Console.WriteLine($"// Built in {clock.Elapsed.TotalSeconds:F0} s");
        return settings;
    }

    private static async Task<string?> MarkerAsync(GongkaiDbContext db)
    {
        try
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT version FROM bench_dataset";
            return await cmd.ExecuteScalarAsync() as string;
        }
        catch (Exception e) when (e is SqliteException or PostgresException)
        {
            return null;
        }
    }

    private static async Task DropAsync(GongkaiDatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(Path.Combine(settings.DataDirectory, GongkaiDatabaseSettings.SqliteFileName + suffix));
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(PostgresServer);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresDatabaseName}\" WITH (FORCE)", conn);
        await drop.ExecuteNonQueryAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{PostgresDatabaseName}\"", conn);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task FillAsync(GongkaiDbContext db, string marker)
    {
        var root = new AgencyRecord { Name = "基准市人民政府", ShortName = "基准市", Kind = AgencyKind.Government, ReceivesApplications = true, ReportScope = ReportScope.Subtree };
        db.Agencies.Add(root);
        await db.SaveChangesAsync();
        db.Agencies.AddRange(Enumerable.Range(1, Agencies).Select(i => new AgencyRecord
        {
            Name = $"基准市第{i:D4}局",
            ShortName = $"基{i:D4}",
            Kind = AgencyKind.Department,
            ParentId = root.Id,
            ReceivesApplications = true,
            SortOrder = i,
            ReportScope = ReportScope.Own,
        }));
        await db.SaveChangesAsync();
        var agencies = await db.Agencies.Where(a => a.ParentId == root.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();

        await using var tx = await db.Database.BeginTransactionAsync();
        var random = new Random(20251231);
        await InsertAsync(db, ApplicationColumns, Enumerable.Range(0, Applications).Select(i => Application(random, agencies, i)));
        await InsertAsync(db, ReviewColumns, Enumerable.Range(0, Reviews).Select(i => Review(random, agencies, i)));
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_dataset (version varchar(200) NOT NULL)");
        await db.Database.ExecuteSqlAsync($"INSERT INTO bench_dataset (version) VALUES ({marker})");
        await tx.CommitAsync();

        // Statistics for the planner, and on PostgreSQL the visibility map and hint bits that a long-lived table has.
        await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE");
    }

    private static async Task InsertAsync(GongkaiDbContext db, string columns, IEnumerable<string> rows)
    {
        var sql = new StringBuilder();
        var count = 0;
        foreach (var row in rows)
        {
            sql.Append(count == 0 ? $"INSERT INTO {columns} VALUES " : ", ").Append(row);
            if (++count == 1_000)
            {
                await db.Database.ExecuteSqlRawAsync(sql.ToString());
                sql.Clear();
                count = 0;
            }
        }

        if (count > 0)
        {
            await db.Database.ExecuteSqlRawAsync(sql.ToString());
        }
    }

    private const string ApplicationColumns = """
        applications ("AgencyId", "CaseNumber", "Type", "ApplicantType", "ApplicantName", "IdDocumentType", "IdNumberProtected",
        "IdNumberIndex", "PhoneProtected", "Description", "ProvisionForm", "DeliveryMethod", "Channel", "Arrived", "State",
        "Received", "ExtensionWorkingDays", "Decision", "Decided", "Served", "DueDate", "UpdatedAt", "UpdatedBy",
        "RegisteredAt", "RegisteredBy", "Version")
        """;

    private const string ReviewColumns = """
        review_cases ("AgencyId", "Kind", "ExternalNumber", "Body", "Filed", "Outcome", "Concluded", "RegisteredAt",
        "RegisteredBy", "UpdatedAt", "UpdatedBy", "Version")
        """;

    /// <summary>Table 三's decisions weighted like real reports (relative weights): 予以公开 and 本机关不掌握 lead.</summary>
    private static readonly (DecisionType Decision, int Weight)[] DisclosureDecisions =
    [
        (DecisionType.Disclosed, 330), (DecisionType.AlreadyPublished, 90), (DecisionType.PartiallyDisclosed, 70),
        (DecisionType.WithheldStateSecret, 3), (DecisionType.WithheldOtherLaw, 5), (DecisionType.WithheldThreeSafetiesOneStability, 4),
        (DecisionType.WithheldThirdPartyRights, 12), (DecisionType.WithheldInternalAffairs, 10), (DecisionType.WithheldProcessInformation, 15),
        (DecisionType.WithheldLawEnforcementFile, 8), (DecisionType.WithheldAdministrativeQuery, 10), (DecisionType.NotHeld, 240),
        (DecisionType.NeedsCreation, 30), (DecisionType.UnclearAfterCorrection, 20), (DecisionType.PetitionOrComplaint, 25),
        (DecisionType.RepeatedApplication, 25), (DecisionType.PublicationRequested, 3), (DecisionType.MassiveOrUnreasonable, 4),
        (DecisionType.ConfirmOrReissue, 8), (DecisionType.CorrectionOverdue, 30), (DecisionType.FeeNotPaid, 3), (DecisionType.Other, 45),
    ];

    private static readonly (DecisionType Decision, int Weight)[] CorrectionDecisions =
    [
        (DecisionType.RecordCorrected, 50), (DecisionType.RecordCorrectionForwarded, 20), (DecisionType.RecordCorrectionRefused, 20), (DecisionType.Other, 10),
    ];

    private static readonly (ApplicantType Type, int Weight)[] ApplicantTypes =
    [
        (ApplicantType.NaturalPerson, 880), (ApplicantType.CommercialEnterprise, 60), (ApplicantType.ResearchInstitution, 5),
        (ApplicantType.SocialWelfareOrganization, 5), (ApplicantType.LegalServiceInstitution, 30), (ApplicantType.Other, 20),
    ];

    private const string Stamp = "'2026-11-27 02:00:00+00:00'";

    private static string Application(Random random, List<int> agencies, int i)
    {
        // Some agencies receive far more applications than others (a 自然资源局 against a 档案馆).
        var agency = agencies[(int)(agencies.Count * Math.Pow(random.NextDouble(), 2))];
        var correction = random.Next(100) < 2;
        var applicant = Pick(random, ApplicantTypes);
        var arrived = Start.AddDays(random.Next(Today.DayNumber - Start.DayNumber + 1));
        DateOnly? received = random.Next(100) < 3 ? null : Min(arrived.AddDays(random.Next(4)), Today);
        DateOnly? served = null;
        DecisionType? decision = null;
        var state = received is null ? CaseState.Registered : CaseState.Processing;
        if (received is { } r && random.Next(100) >= 3)
        {
            // Most replies within the 20 working days, some after an extension or a pause; still open when after today.
            var days = random.Next(100) < 85 ? 1 + random.Next(28) : 29 + random.Next(60);
            if (r.AddDays(days) <= Today)
            {
                served = r.AddDays(days);
                decision = Pick(random, correction ? CorrectionDecisions : DisclosureDecisions);
                state = CaseState.Served;
            }
        }

        var due = received?.AddDays(28);
        var text = $"请公开{arrived.Year}年度本机关办理的第{i % 997}号事项的相关文件、批复及会议纪要等政府信息";
        return string.Create(CultureInfo.InvariantCulture, $"""
            ({agency}, 'BENCH-{i:D7}', '{(correction ? CaseType.RecordCorrection : CaseType.InformationDisclosure)}', '{applicant}', '申请人{i % 9973}',
            '{(applicant == ApplicantType.NaturalPerson ? IdDocumentType.ResidentIdCard : IdDocumentType.CreditCode)}',
            'CfDJ8Bench{i:D7}QmVuY2htYXJrSWROdW1iZXJQcm90ZWN0ZWRCeURhdGFQcm90ZWN0aW9uQVBJ', 'idx{i % 400_000:D6}',
            'CfDJ8Bench{i:D7}UGhvbmVQcm90ZWN0ZWQ', '{text}', '{ProvisionForm.Email}', '{DeliveryMethod.Electronic}', '{Channel.Online}',
            {Date(arrived)}, '{state}', {Date(received)}, 0, {(decision is null ? "NULL" : $"'{decision}'")}, {Date(served)}, {Date(served)},
            {Date(due)}, {Stamp}, 'bench', {Stamp}, 'bench', 0)
            """);
    }

    private static string Review(Random random, List<int> agencies, int i)
    {
        var agency = agencies[(int)(agencies.Count * Math.Pow(random.NextDouble(), 2))];
        var kind = random.Next(100) switch { < 70 => ReviewKind.AdministrativeReview, < 90 => ReviewKind.LitigationDirect, _ => ReviewKind.LitigationAfterReview };
        var filed = Start.AddDays(random.Next(Today.DayNumber - Start.DayNumber + 1));
        var concluded = filed.AddDays(30 + random.Next(150));
        var outcome = random.Next(100) switch { < 75 => ReviewOutcome.Upheld, < 88 => ReviewOutcome.Corrected, _ => ReviewOutcome.Other };
        var done = concluded <= Today && random.Next(100) < 95;
        return string.Create(CultureInfo.InvariantCulture, $"""
            ({agency}, '{kind}', 'BENCH-R{i:D6}', '基准市人民政府', {Date(filed)}, {(done ? $"'{outcome}'" : "NULL")}, {(done ? Date(concluded) : "NULL")},
            {Stamp}, 'bench', {Stamp}, 'bench', 0)
            """);
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var n = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if (n < weight)
            {
                return value;
            }

            n -= weight;
        }

        throw new InvalidOperationException();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Date(DateOnly? d) => d is { } v ? $"'{v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'" : "NULL";
}
