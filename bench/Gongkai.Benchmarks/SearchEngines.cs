using System.Text;
using Gongkai.Data.Configuration;
using Gongkai.Data.Search;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gongkai.Benchmarks;

/// <summary>The first page of a search: the item ids in order and the number of matches (−1 when the engine does not count).</summary>
public sealed record SearchPage(IReadOnlyList<long> Ids, long Total);

/// <summary>One engine under measurement: a query typed by a user, sorted by relevance or by date (newest first).</summary>
public interface ISearchEngine : IAsyncDisposable
{
    string Name { get; }

    Task<SearchPage> SearchAsync(string query, bool byDate);
}

/// <summary>
/// ADR 0014's plan in SQL on the product's schema, which stood in for the product's query before it was written and is
/// kept for comparison (<c>search --interim</c>): each typed
/// word becomes the phrase of its tokens; by date, the FTS5 index is walked newest first (rowid order) and stops at
/// the page; by relevance, BM25 (title weighted 2) ranks a bounded candidate set, the newest <see cref="Candidates"/>
/// matches. The page's rows (title, summary, agency, date) are read from search_documents.
/// </summary>
public sealed class InterimSqliteEngine(GongkaiDatabaseSettings settings) : ISearchEngine
{
    public const int Candidates = 1_000;
    private SqliteConnection? _conn;

    public string Name => "SQLite FTS5 (interim SQL)";

    public async Task<SearchPage> SearchAsync(string query, bool byDate)
    {
        if (_conn is null)
        {
            _conn = new SqliteConnection(settings.ConnectionString);
            await _conn.OpenAsync();
        }

        var match = Match(query);
        await using var cmd = _conn.CreateCommand();
        cmd.CommandText = byDate
            ? """
              SELECT d."Id", d."Title", d."Summary", d."PublishingAgency", d."FirstPublishedOn"
              FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH $q ORDER BY rowid DESC LIMIT 20) f
              JOIN search_documents d ON d."Id" = f.id ORDER BY f.id DESC
              """
            : $"""
              SELECT d."Id", d."Title", d."Summary", d."PublishingAgency", d."FirstPublishedOn"
              FROM (SELECT id, score FROM (SELECT rowid AS id, bm25(search_fts, 2.0, 1.0) AS score FROM search_fts
                    WHERE search_fts MATCH $q ORDER BY rowid DESC LIMIT {Candidates}) ORDER BY score LIMIT 20) f
              JOIN search_documents d ON d."Id" = f.id ORDER BY f.score
              """;
        cmd.Parameters.AddWithValue("$q", match);
        var ids = new List<long>(20);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
            _ = reader.GetString(1);
            _ = reader.GetString(2);
        }

        return new SearchPage(ids, -1);
    }

    /// <summary>An FTS5 query: each word the quoted phrase of its tokens, all required.</summary>
    public static string Match(string query)
    {
        var sb = new StringBuilder();
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = ChineseText.Segment(word);
            if (tokens.Count > 0)
            {
                sb.Append(sb.Length > 0 ? " " : string.Empty).Append('"').Append(string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
        }

        return sb.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is not null)
        {
            await _conn.DisposeAsync();
        }
    }
}

/// <summary>The same plan on PostgreSQL: phraseto_tsquery('simple', tokens) per word; by date the primary key newest first with the GIN condition; by relevance ts_rank over the newest <see cref="InterimSqliteEngine.Candidates"/> matches.</summary>
public sealed class InterimPostgresEngine(GongkaiDatabaseSettings settings) : ISearchEngine
{
    private NpgsqlConnection? _conn;

    public string Name => "PostgreSQL tsvector (interim SQL)";

    public async Task<SearchPage> SearchAsync(string query, bool byDate)
    {
        if (_conn is null)
        {
            _conn = new NpgsqlConnection(settings.ConnectionString);
            await _conn.OpenAsync();
        }

        var words = query.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => string.Join(' ', ChineseText.Segment(w))).Where(w => w.Length > 0).ToList();
        var tsquery = string.Join(" && ", words.Select((_, k) => $"phraseto_tsquery('simple', $" + (k + 1) + ")"));
        await using var cmd = _conn.CreateCommand();
        cmd.CommandText = byDate
            ? $"""
              SELECT "Id", "Title", "Summary", "PublishingAgency", "FirstPublishedOn" FROM search_documents
              WHERE tsv @@ ({tsquery}) ORDER BY "Id" DESC LIMIT 20
              """
            : $"""
              SELECT "Id", "Title", "Summary", "PublishingAgency", "FirstPublishedOn" FROM (
                SELECT "Id", "Title", "Summary", "PublishingAgency", "FirstPublishedOn", tsv FROM search_documents
                WHERE tsv @@ ({tsquery}) ORDER BY "Id" DESC LIMIT {InterimSqliteEngine.Candidates}) c
              ORDER BY ts_rank(c.tsv, ({tsquery})) DESC, "Id" DESC LIMIT 20
              """;
        foreach (var w in words)
        {
            cmd.Parameters.AddWithValue(w);
        }

        var ids = new List<long>(20);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
            _ = reader.GetString(1);
            _ = reader.GetString(2);
        }

        return new SearchPage(ids, -1);
    }

    public async ValueTask DisposeAsync()
    {
        if (_conn is not null)
        {
            await _conn.DisposeAsync();
        }
    }
}
