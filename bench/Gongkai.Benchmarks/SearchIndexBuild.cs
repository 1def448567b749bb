using Gongkai.Data.Search;
using System.Diagnostics;
using System.Threading.Channels;
using Gongkai.Data;
using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Benchmarks;

/// <summary>Where a search benchmark's indexes live and whether they hold the corpus of this size.</summary>
public sealed record SearchStores(int Items, string Directory, GongkaiDatabaseSettings? Sqlite, GongkaiDatabaseSettings? Postgres)
{
    public const string PostgresDatabaseName = "gongkai_bench_search";

    /// <summary>Bump when the corpus or the way it is indexed changes: the kept indexes are then rebuilt.</summary>
    public const string Version = "search-v3";

    public string LuceneDirectory => Path.Combine(Directory, "lucene");

    public string Marker => Path.Combine(Directory, "built.txt");

    public static SearchStores For(int items, bool sqlite, bool postgres)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"gongkai-bench-search-{items}");
        System.IO.Directory.CreateDirectory(dir);
        var sqliteSettings = sqlite
            ? new GongkaiDatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir, GongkaiDatabaseSettings.SqliteFileName) }.ToString(), dir)
            : null;
        GongkaiDatabaseSettings? pg = null;
        if (postgres)
        {
            var server = ReportDataset.PostgresServer ?? throw new InvalidOperationException("set GONGKAI_BENCH_POSTGRES to a PostgreSQL admin connection string");
            pg = new GongkaiDatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(server) { Database = PostgresDatabaseName, CommandTimeout = 3600 }.ToString(), dir);
        }

        return new SearchStores(items, dir, sqliteSettings, pg);
    }

    /// <summary>The stores already built for this corpus (lines "engine version items migration").</summary>
    public HashSet<string> Built(string migration) => File.Exists(Marker)
        ? [.. File.ReadAllLines(Marker).Where(l => l.EndsWith($" {Version} {Items} {migration}", StringComparison.Ordinal)).Select(l => l.Split(' ')[0])]
        : [];

    public void MarkBuilt(string engine, string migration)
    {
        var lines = File.Exists(Marker) ? File.ReadAllLines(Marker).Where(l => !l.StartsWith(engine + " ", StringComparison.Ordinal)).ToList() : [];
        lines.Add($"{engine} {Version} {Items} {migration}");
        File.WriteAllLines(Marker, lines);
    }
}

/// <summary>Writes the generated corpus into one store; <see cref="SearchIndexBuild"/> feeds every writer the same blocks.</summary>
public interface ICorpusWriter : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Time spent in this writer, the store's own build time.</summary>
    TimeSpan Elapsed { get; }

    Task WriteAsync(IReadOnlyList<CorpusItem> block);

    /// <summary>Last steps (indexes, statistics); counted in <see cref="Elapsed"/>.</summary>
    Task FinishAsync();

    /// <summary>Bytes on disk once finished.</summary>
    Task<long> SizeAsync();
}

/// <summary>
/// Generates the corpus block by block (in parallel), segments it once with <see cref="MemoSegmenter"/> (checked
/// against <c>ChineseText.Joined</c> first) and hands each block to every writer at once, one transaction per block.
/// </summary>
public static class SearchIndexBuild
{
    public static async Task RunAsync(int items, IReadOnlyList<ICorpusWriter> writers)
    {
        var sample = SearchCorpus.Block(0, items).Take(2_000).SelectMany(i => new[] { i.Title, i.Summary, i.Body }).ToList();
        var clock = Stopwatch.StartNew();
        var mismatches = MemoSegmenter.Verify(sample);
        Console.WriteLine($"// Segmentation check: {mismatches} of {sample.Count} texts differ from ChineseText.Joined ({clock.Elapsed.TotalSeconds:F1} s)");
        if (mismatches > 0)
        {
            throw new InvalidOperationException("the memoised segmentation differs from ChineseText.Joined; the corpus would not be indexed as the product indexes it");
        }

        var blocks = (items + SearchCorpus.BlockSize - 1) / SearchCorpus.BlockSize;
        var channel = Channel.CreateBounded<List<CorpusItem>>(3);
        var segmenting = TimeSpan.Zero;
        var producer = Task.Run(async () =>
        {
            for (var b = 0; b < blocks; b++)
            {
                var start = Stopwatch.GetTimestamp();
                var block = SearchCorpus.Block(b, items);
                Parallel.ForEach(block, Segment);
                segmenting += Stopwatch.GetElapsedTime(start);
                await channel.Writer.WriteAsync(block);
            }

            channel.Writer.Complete();
        });

        clock.Restart();
        var done = 0;
        await foreach (var block in channel.Reader.ReadAllAsync())
        {
            // The stores take the block at the same time (the servers and the index writers work in parallel).
            await Task.WhenAll(writers.Select(w => Task.Run(() => w.WriteAsync(block))));

            done += block.Count;
            if (done % 100_000 == 0 || done == items)
            {
                Console.WriteLine($"// {done:N0} items, {clock.Elapsed.TotalSeconds:F0} s; " + string.Join(", ", writers.Select(w => $"{w.Name} {w.Elapsed.TotalSeconds:F0} s")) + $"; memo {MemoSegmenter.MemoSize:N0}");
            }
        }

        await producer;
        foreach (var w in writers)
        {
            await w.FinishAsync();
        }

        Console.WriteLine($"// Generating and segmenting {items:N0} items: {segmenting.TotalSeconds:F0} s (overlapping the writes); all built in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The indexed text, as the product would build it: the title, and the summary, body and metadata.</summary>
    private static void Segment(CorpusItem item)
    {
        item.TitleTokens = MemoSegmenter.Joined(item.Title);
        item.BodyTokens = string.Join(' ', new[] { item.Summary, item.Body, SearchCorpus.AgencyName(item.AgencyIndex), item.DocumentNumber }
            .Select(MemoSegmenter.Joined).Where(t => t.Length > 0));
    }

    /// <summary>A freshly migrated database with the corpus's agencies (ids 1 … 200 in <see cref="SearchCorpus.Agencies"/> order).</summary>
    public static async Task<List<int>> CreateDatabaseAsync(GongkaiDatabaseSettings settings)
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(Path.Combine(settings.DataDirectory, GongkaiDatabaseSettings.SqliteFileName + suffix));
            }
        }
        else
        {
            await RecreatePostgresAsync(drop: false);
        }

        await using var db = DataServiceCollectionExtensions.CreateContext(settings);
        await db.Database.MigrateAsync();
        var root = new AgencyRecord { Name = "包头市人民政府", ShortName = "包头市", Kind = AgencyKind.Government, ReceivesApplications = true };
        db.Agencies.Add(root);
        await db.SaveChangesAsync();
        var agencies = SearchCorpus.Agencies.Select((name, i) => new AgencyRecord
        {
            Name = name,
            ShortName = name.Length > 20 ? name[..20] : name,
            Kind = AgencyKind.Department,
            ParentId = root.Id,
            ReceivesApplications = true,
            SortOrder = i,
        }).ToList();
        db.Agencies.AddRange(agencies);
        await db.SaveChangesAsync();
        return [.. agencies.Select(a => a.Id)];
    }

    /// <summary>Drops the benchmark's database on the server, and creates it again unless <paramref name="drop"/>.</summary>
    public static async Task RecreatePostgresAsync(bool drop)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ReportDataset.PostgresServer);
        await conn.OpenAsync();
        await using (var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{SearchStores.PostgresDatabaseName}\" WITH (FORCE)", conn))
        {
            await cmd.ExecuteNonQueryAsync();
        }

        if (!drop)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{SearchStores.PostgresDatabaseName}\"", conn);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The number of documents in the benchmark's database on the server, or −1 when it does not exist.</summary>
    public static async Task<long> PostgresCountAsync(GongkaiDatabaseSettings settings)
    {
        try
        {
            await using var conn = new NpgsqlConnection(settings.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM search_documents", conn);
            return (long)(await cmd.ExecuteScalarAsync())!;
        }
        catch (PostgresException)
        {
            return -1;
        }
    }

    /// <summary>The row of search_documents for an item, in column order of <see cref="Columns"/>.</summary>
    public static readonly string[] Columns =
    [
        "Id", "ItemId", "Revision", "AgencyId", "Kind", "Directory", "Article20Item", "Article21Item", "Topic", "Validity", "Year",
        "FirstPublishedMs", "FirstPublishedOn", "PublishedOn", "Title", "Summary", "IndexNumber", "PublishingAgency", "DocumentNumber",
    ];

    public static object?[] Row(CorpusItem i, IReadOnlyList<int> agencyIds)
    {
        var on = DateOnly.FromDateTime(i.FirstPublished.DateTime);
        return
        [
            (long)i.Id, i.Id, 1, agencyIds[i.AgencyIndex], i.Kind.ToString(), i.Directory.ToString(), i.Article20Item, null, i.Topic, null, on.Year,
            SearchCorpus.Ms(i.FirstPublished), on, on, i.Title, i.Summary, $"11150200-{on.Year}-{i.Id:D7}", SearchCorpus.AgencyName(i.AgencyIndex),
            i.DocumentNumber.Length > 0 ? i.DocumentNumber : null,
        ];
    }
}

/// <summary>search_documents and the contentless FTS5 table search_fts (rowid = Id), prepared inserts, one transaction per block.</summary>
public sealed class SqliteCorpusWriter(GongkaiDatabaseSettings settings, IReadOnlyList<int> agencyIds) : ICorpusWriter
{
    private readonly Stopwatch _clock = new();
    private SqliteConnection? _conn;
    private SqliteCommand? _row;
    private SqliteCommand? _fts;

    public string Name => "SQLite";

    public TimeSpan Elapsed => _clock.Elapsed;

    public async Task WriteAsync(IReadOnlyList<CorpusItem> block)
    {
        _clock.Start();
        if (_conn is null)
        {
            _conn = new SqliteConnection(settings.ConnectionString);
            await _conn.OpenAsync();
            await using var pragma = _conn.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -200000;";
            await pragma.ExecuteNonQueryAsync();
            _row = _conn.CreateCommand();
            _row.CommandText = $"INSERT INTO search_documents ({string.Join(", ", SearchIndexBuild.Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", SearchIndexBuild.Columns.Select((_, k) => $"$p{k}"))})";
            for (var k = 0; k < SearchIndexBuild.Columns.Length; k++)
            {
                _row.Parameters.Add(new SqliteParameter($"$p{k}", null));
            }

            _fts = _conn.CreateCommand();
            _fts.CommandText = "INSERT INTO search_fts (rowid, title, body) VALUES ($id, $title, $body)";
            _fts.Parameters.Add(new SqliteParameter("$id", null));
            _fts.Parameters.Add(new SqliteParameter("$title", null));
            _fts.Parameters.Add(new SqliteParameter("$body", null));
        }

        await using (var tx = (SqliteTransaction)await _conn.BeginTransactionAsync())
        {
            _row!.Transaction = tx;
            _fts!.Transaction = tx;
            foreach (var item in block)
            {
                var values = SearchIndexBuild.Row(item, agencyIds);
                for (var k = 0; k < values.Length; k++)
                {
                    _row.Parameters[k].Value = values[k] switch
                    {
                        null => DBNull.Value,
                        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                        var v => v,
                    };
                }

                await _row.ExecuteNonQueryAsync();
                _fts.Parameters[0].Value = (long)item.Id;
                _fts.Parameters[1].Value = item.TitleTokens;
                _fts.Parameters[2].Value = item.BodyTokens;
                await _fts.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        _clock.Stop();
    }

    public async Task FinishAsync()
    {
        _clock.Start();
        await using (var cmd = _conn!.CreateCommand())
        {
            cmd.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }

        _clock.Stop();
    }

    public Task<long> SizeAsync() => Task.FromResult(new FileInfo(Path.Combine(settings.DataDirectory, GongkaiDatabaseSettings.SqliteFileName)).Length);

    public async ValueTask DisposeAsync()
    {
        if (_row is not null)
        {
            await _row.DisposeAsync();
        }

        if (_fts is not null)
        {
            await _fts.DisposeAsync();
        }

        if (_conn is not null)
        {
            await _conn.DisposeAsync();
        }
    }
}

/// <summary>
/// search_documents with its tsvector: each block goes by binary COPY into a temporary table, with the tsvector built
/// by the product's own function (<see cref="SearchIndex.PostgresTsVector"/>: tokens and adjacent pairs), then one
/// INSERT … SELECT casts it (<see cref="TsvSql"/>). The GIN index is dropped for the
/// load and built once at the end (its build is counted).
/// </summary>
public sealed class PostgresCorpusWriter(GongkaiDatabaseSettings settings, IReadOnlyList<int> agencyIds) : ICorpusWriter
{
    /// <summary>The tsvector of a row from the product's literal (t).</summary>
    public const string TsvSql = "CAST(t AS tsvector)";

    private readonly Stopwatch _clock = new();
    private NpgsqlConnection? _conn;

    public string Name => "PostgreSQL";

    public TimeSpan Elapsed => _clock.Elapsed;

    private static readonly NpgsqlDbType[] Types =
    [
        NpgsqlDbType.Bigint, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Integer, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Bigint,
        NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
    ];

    public async Task WriteAsync(IReadOnlyList<CorpusItem> block)
    {
        _clock.Start();
        var columns = string.Join(", ", SearchIndexBuild.Columns.Select(c => $"\"{c}\""));
        if (_conn is null)
        {
            _conn = new NpgsqlConnection(settings.ConnectionString);
            await _conn.OpenAsync();
            await Exec("DROP INDEX IF EXISTS ix_search_documents_tsv");
            await Exec("CREATE TEMP TABLE bench_stage AS SELECT " + columns + ", ''::text AS t, ''::text AS b FROM search_documents WITH NO DATA");
        }

        await using (var tx = await _conn.BeginTransactionAsync())
        {
            await using (var copy = await _conn.BeginBinaryImportAsync($"COPY bench_stage ({columns}, t, b) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var item in block)
                {
                    await copy.StartRowAsync();
                    var values = SearchIndexBuild.Row(item, agencyIds);
                    for (var k = 0; k < values.Length; k++)
                    {
                        if (values[k] is null)
                        {
                            await copy.WriteNullAsync();
                        }
                        else
                        {
                            await copy.WriteAsync(values[k], Types[k]);
                        }
                    }

                    await copy.WriteAsync(SearchIndex.PostgresTsVector(item.Id, item.TitleTokens.Split(' ', StringSplitOptions.RemoveEmptyEntries), item.BodyTokens.Split(' ', StringSplitOptions.RemoveEmptyEntries)), NpgsqlDbType.Text);
                    await copy.WriteAsync(string.Empty, NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            await Exec($"INSERT INTO search_documents ({columns}, tsv) SELECT {columns}, {TsvSql} FROM bench_stage");
            await Exec("TRUNCATE bench_stage");
            await tx.CommitAsync();
        }

        _clock.Stop();
    }

    public async Task FinishAsync()
    {
        _clock.Start();
        await Exec("SET maintenance_work_mem = '1GB'");
        var gin = Stopwatch.StartNew();
        await Exec("CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)");
        Console.WriteLine($"// PostgreSQL GIN index built in {gin.Elapsed.TotalSeconds:F0} s");
        await Exec("SELECT setval(pg_get_serial_sequence('search_documents', 'Id'), (SELECT max(\"Id\") FROM search_documents))");
        await Exec("VACUUM ANALYZE search_documents");
        _clock.Stop();
    }

    public async Task<long> SizeAsync()
    {
        await using var conn = new NpgsqlConnection(settings.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_total_relation_size('search_documents')", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task Exec(string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is not null)
        {
            await _conn.DisposeAsync();
        }
    }
}
