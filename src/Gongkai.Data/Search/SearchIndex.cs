using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Gongkai.Data.Portal;
using Gongkai.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Data.Search;

/// <summary>How results are ordered.</summary>
public enum SearchSort
{
    /// <summary>Best match first (BM25 on SQLite, ts_rank on PostgreSQL; title words weigh more).</summary>
    Relevance,

    /// <summary>Newest indexing (publication or revision) first.</summary>
    Date,
}

/// <summary>What to find: words (optional: without them the catalogue is listed by first publication) and filters.</summary>
public sealed record SearchFilter
{
    public SearchQuery Query { get; init; } = SearchQuery.Parse(null);

    public int? AgencyId { get; init; }

    /// <summary>ColumnDirectory name, as stored.</summary>
    public string? Directory { get; init; }

    public int? Article20Item { get; init; }

    public string? Topic { get; init; }

    public string? Validity { get; init; }

    public int? Year { get; init; }

    /// <summary>ItemKind name, as stored.</summary>
    public string? Kind { get; init; }

    /// <summary>A 重点领域 term the item is tagged with.</summary>
    public int? KeyAreaTermId { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Skip { get; init; }

    public int Take { get; init; } = 20;
}

/// <summary>
/// One page of results: the search_documents ids in order, how many matched, and whether the count stopped at the
/// candidate bound (<see cref="ISearchIndex.CandidateLimit"/>), in which case only the newest matches were considered.
/// <see cref="Skip"/> is the offset used: a page past the end is read as the last page.
/// </summary>
public sealed record SearchHits(IReadOnlyList<long> DocumentIds, int Total, bool Capped, int Skip);

/// <summary>A document to index: its relational row and its text.</summary>
public sealed record SearchEntry(SearchDocumentRecord Document, string Title, string Body);

/// <summary>
/// The portal's full-text index (ADR 0014). Writes join the caller's transaction on the context's connection, so an
/// item is found as soon as its publication commits. Words are matched as segmented tokens, never as substrings.
/// <para>
/// The plan for frequent words: a query walks its matches newest first and stops at <see cref="CandidateLimit"/>;
/// relevance ranks only those candidates. A query matching fewer items than the bound (nearly every real query) is
/// exact; one matching more ranks the newest ones and says so (<see cref="SearchHits.Capped"/>).
/// </para>
/// </summary>
public interface ISearchIndex
{
    /// <summary>Most matches a query considers.</summary>
    int CandidateLimit { get; }

    /// <summary>Indexes the documents, replacing each item's previous row.</summary>
    Task AddAsync(IReadOnlyList<SearchEntry> entries, CancellationToken ct = default);

    /// <summary>Removes an item (withdrawn).</summary>
    Task RemoveAsync(int itemId, CancellationToken ct = default);

    /// <summary>Empties the index (before a rebuild).</summary>
    Task ClearAsync(CancellationToken ct = default);

    Task<SearchHits> SearchAsync(SearchFilter filter, CancellationToken ct = default);
}

/// <summary>Chooses the index implementation of a context's provider.</summary>
public static class SearchIndex
{
    public const int DefaultCandidateLimit = 2_000;

    /// <summary>The PostgreSQL tsvector literal of segmented text, as the index stores it (for bulk loaders).</summary>
    public static string PostgresTsVector(IReadOnlyList<string> titleTokens, IReadOnlyList<string> bodyTokens) => PostgresSearchIndex.TsVector(titleTokens, bodyTokens);

    public static ISearchIndex For(GongkaiDbContext db, int candidateLimit = DefaultCandidateLimit)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db is PostgresGongkaiDbContext ? new PostgresSearchIndex(db, candidateLimit) : new SqliteSearchIndex(db, candidateLimit);
    }
}

/// <summary>The SQL both implementations share: the relational row, the filters, the browse listing.</summary>
internal abstract class SqlSearchIndex(GongkaiDbContext db, int candidateLimit) : ISearchIndex
{
    protected const string Columns = "\"ItemId\", \"Revision\", \"AgencyId\", \"Kind\", \"Directory\", \"Article20Item\", \"Article21Item\", \"Topic\", \"Validity\", \"Year\", \"FirstPublishedMs\", \"FirstPublishedOn\", \"PublishedOn\", \"Title\", \"Summary\", \"IndexNumber\", \"PublishingAgency\", \"DocumentNumber\"";

    protected const string Values = "@item, @revision, @agency, @kind, @directory, @a20, @a21, @topic, @validity, @year, @firstMs, @firstOn, @publishedOn, @title, @summary, @indexNumber, @publishingAgency, @documentNumber";

    public int CandidateLimit { get; } = candidateLimit;

    protected GongkaiDbContext Db { get; } = db;

    public async Task AddAsync(IReadOnlyList<SearchEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await WithConnectionAsync(async (conn, tx) =>
        {
            foreach (var entry in entries)
            {
                await AddOneAsync(conn, tx, entry, ct);
            }

            return 0;
        }, ct);
    }

    public Task RemoveAsync(int itemId, CancellationToken ct = default) =>
        WithConnectionAsync((conn, tx) => RemoveOneAsync(conn, tx, itemId, ct), ct);

    public abstract Task ClearAsync(CancellationToken ct = default);

    public Task<SearchHits> SearchAsync(SearchFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return WithConnectionAsync(async (conn, tx) =>
        {
            await using var cmd = Command(conn, tx, string.Empty);
            var where = Filters(cmd, filter);
            if (filter.Query.IsEmpty)
            {
                cmd.CommandText = $"SELECT count(*) FROM search_documents d WHERE 1 = 1{where}";
                var total = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                var skip = Clamp(filter, total);
                cmd.CommandText = $"SELECT d.\"Id\" FROM search_documents d WHERE 1 = 1{where} ORDER BY d.\"FirstPublishedMs\" DESC, d.\"Id\" DESC LIMIT {filter.Take} OFFSET {skip}";
                var ids = new List<long>();
                await using (var reader = await cmd.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        ids.Add(reader.GetInt64(0));
                    }
                }

                return new SearchHits(ids, total, false, skip);
            }

            cmd.CommandText = CandidatesSql(cmd, filter, where);
            var candidates = new List<(long Id, double Score)>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    candidates.Add((reader.GetInt64(0), reader.IsDBNull(1) ? 0 : Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)));
                }
            }

            IEnumerable<(long Id, double Score)> ordered = filter.Sort == SearchSort.Relevance
                ? candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.Id)
                : candidates;
            var from = Clamp(filter, candidates.Count);
            return new SearchHits([.. ordered.Skip(from).Take(filter.Take).Select(c => c.Id)], candidates.Count, candidates.Count >= CandidateLimit, from);
        }, ct);
    }

    private static int Clamp(SearchFilter filter, int total)
    {
        var take = Math.Max(1, filter.Take);
        var last = Math.Max(0, (total - 1) / take * take);
        return Math.Clamp(filter.Skip / take * take, 0, last);
    }

    /// <summary>The candidates' ids and scores, newest first, at most <see cref="CandidateLimit"/>.</summary>
    protected abstract string CandidatesSql(DbCommand cmd, SearchFilter filter, string where);

    protected abstract Task AddOneAsync(DbConnection conn, DbTransaction? tx, SearchEntry entry, CancellationToken ct);

    protected abstract Task<int> RemoveOneAsync(DbConnection conn, DbTransaction? tx, int itemId, CancellationToken ct);

    protected static DbCommand Command(DbConnection conn, DbTransaction? tx, string sql)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    protected static void Add(DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    protected static void AddRow(DbCommand cmd, SearchDocumentRecord d)
    {
        Add(cmd, "@item", d.ItemId);
        Add(cmd, "@revision", d.Revision);
        Add(cmd, "@agency", d.AgencyId);
        Add(cmd, "@kind", d.Kind.ToString());
        Add(cmd, "@directory", d.Directory.ToString());
        Add(cmd, "@a20", d.Article20Item);
        Add(cmd, "@a21", d.Article21Item);
        Add(cmd, "@topic", d.Topic);
        Add(cmd, "@validity", d.Validity);
        Add(cmd, "@year", d.Year);
        Add(cmd, "@firstMs", d.FirstPublishedMs);
        Add(cmd, "@firstOn", d.FirstPublishedOn);
        Add(cmd, "@publishedOn", d.PublishedOn);
        Add(cmd, "@title", d.Title);
        Add(cmd, "@summary", d.Summary);
        Add(cmd, "@indexNumber", d.IndexNumber);
        Add(cmd, "@publishingAgency", d.PublishingAgency);
        Add(cmd, "@documentNumber", d.DocumentNumber);
    }

    private static string Filters(DbCommand cmd, SearchFilter f)
    {
        var sb = new StringBuilder();
        void Clause(string column, string name, object? value)
        {
            if (value is not null)
            {
                sb.Append(CultureInfo.InvariantCulture, $" AND d.\"{column}\" = {name}");
                Add(cmd, name, value);
            }
        }

        Clause("AgencyId", "@fAgency", f.AgencyId);
        Clause("Directory", "@fDirectory", f.Directory);
        Clause("Article20Item", "@fA20", f.Article20Item);
        Clause("Topic", "@fTopic", f.Topic);
        Clause("Validity", "@fValidity", f.Validity);
        Clause("Year", "@fYear", f.Year);
        Clause("Kind", "@fKind", f.Kind);
        if (f.KeyAreaTermId is { } area)
        {
            sb.Append(" AND EXISTS (SELECT 1 FROM catalogue_item_tags t WHERE t.\"ItemId\" = d.\"ItemId\" AND t.\"TermId\" = @fArea)");
            Add(cmd, "@fArea", area);
        }

        return sb.ToString();
    }

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken ct)
    {
        var conn = Db.Database.GetDbConnection();
        var opened = conn.State != ConnectionState.Open;
        if (opened)
        {
            await Db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            return await work(conn, Db.Database.CurrentTransaction?.GetDbTransaction());
        }
        finally
        {
            if (opened)
            {
                await Db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>SQLite: a contentless FTS5 table (search_fts) over the segmented text; bm25 with the title weighted 10.</summary>
internal sealed class SqliteSearchIndex(GongkaiDbContext db, int candidateLimit) : SqlSearchIndex(db, candidateLimit)
{
    public override async Task ClearAsync(CancellationToken ct = default)
    {
        await Db.Database.ExecuteSqlRawAsync("DELETE FROM search_fts; DELETE FROM search_documents; DELETE FROM search_pending;", ct);
    }

    protected override string CandidatesSql(DbCommand cmd, SearchFilter filter, string where)
    {
        Add(cmd, "@match", filter.Query.ToFts5());
        var score = filter.Sort == SearchSort.Relevance ? "-bm25(search_fts, 10.0, 1.0)" : "0";
        return $"SELECT f.rowid, {score} FROM search_fts f JOIN search_documents d ON d.\"Id\" = f.rowid WHERE search_fts MATCH @match{where} ORDER BY f.rowid DESC LIMIT {CandidateLimit}";
    }

    protected override async Task AddOneAsync(DbConnection conn, DbTransaction? tx, SearchEntry entry, CancellationToken ct)
    {
        await RemoveOneAsync(conn, tx, entry.Document.ItemId, ct);
        await using var cmd = Command(conn, tx, $"INSERT INTO search_documents ({Columns}) VALUES ({Values}) RETURNING \"Id\"");
        AddRow(cmd, entry.Document);
        var id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        entry.Document.Id = id;
        await using var fts = Command(conn, tx, "INSERT INTO search_fts (rowid, title, body) VALUES (@id, @t, @b)");
        Add(fts, "@id", id);
        Add(fts, "@t", ChineseText.Joined(entry.Title));
        Add(fts, "@b", ChineseText.Joined(entry.Body));
        await fts.ExecuteNonQueryAsync(ct);
    }

    protected override async Task<int> RemoveOneAsync(DbConnection conn, DbTransaction? tx, int itemId, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "DELETE FROM search_fts WHERE rowid IN (SELECT \"Id\" FROM search_documents WHERE \"ItemId\" = @item); DELETE FROM search_documents WHERE \"ItemId\" = @item;");
        Add(cmd, "@item", itemId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>PostgreSQL: a tsvector built here from the tokens and their adjacent pairs (title weighted A), with a GIN index; ts_rank.</summary>
internal sealed class PostgresSearchIndex(GongkaiDbContext db, int candidateLimit) : SqlSearchIndex(db, candidateLimit)
{
    /// <summary>PostgreSQL's largest word position; later words are not indexed.</summary>
    private const int MaxPosition = 16383;

    /// <summary>PostgreSQL keeps at most 256 positions of one lexeme.</summary>
    private const int MaxPositionsPerLexeme = 255;

    public override async Task ClearAsync(CancellationToken ct = default)
    {
        await Db.Database.ExecuteSqlRawAsync("DELETE FROM search_documents; DELETE FROM search_pending;", ct);
    }

    /// <summary>
    /// The tsvector literal of a title and body: each token at its position (title words weight A, a gap between title
    /// and body), and each pair of adjacent tokens as a lexeme of its own ("养老 服务") at the first one's position. A
    /// phrase query is then an AND of pair lexemes that the GIN index answers exactly, without re-reading every
    /// candidate row to check word order (bench/README.md: that re-check cost seconds at 1M items).
    /// </summary>
    public static string TsVector(string title, string body) => TsVector(ChineseText.Segment(title), ChineseText.Segment(body));

    /// <summary>The same from tokens already segmented (bulk loads segment once).</summary>
    public static string TsVector(IReadOnlyList<string> titleTokens, IReadOnlyList<string> bodyTokens)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        void AddLexeme(string lexeme, int at, string weight)
        {
            if (lexeme.Length > 200)
            {
                return;
            }

            if (!positions.TryGetValue(lexeme, out var list))
            {
                positions[lexeme] = list = [];
            }

            if (list.Count < MaxPositionsPerLexeme)
            {
                list.Add(at.ToString(CultureInfo.InvariantCulture) + weight);
            }
        }

        void AddTokens(IReadOnlyList<string> tokens, string weight)
        {
            string? previous = null;
            foreach (var token in tokens)
            {
                position++;
                if (position > MaxPosition)
                {
                    return;
                }

                AddLexeme(token, position, weight);
                if (previous is not null)
                {
                    AddLexeme(SearchQuery.Pair(previous, token), position - 1, weight);
                }

                previous = token;
            }
        }

        AddTokens(titleTokens, "A");
        position++;
        AddTokens(bodyTokens, string.Empty);
        var sb = new StringBuilder();
        foreach (var (token, list) in positions)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(SearchQuery.TsLexeme(token)).Append(':').AppendJoin(',', list);
        }

        return sb.ToString();
    }

    protected override string CandidatesSql(DbCommand cmd, SearchFilter filter, string where)
    {
        Add(cmd, "@query", filter.Query.ToTsQuery());
        var score = filter.Sort == SearchSort.Relevance ? "ts_rank(d.tsv, CAST(@query AS tsquery))" : "0";
        return $"SELECT d.\"Id\", {score} FROM search_documents d WHERE d.tsv @@ CAST(@query AS tsquery){where} ORDER BY d.\"Id\" DESC LIMIT {CandidateLimit}";
    }

    protected override async Task AddOneAsync(DbConnection conn, DbTransaction? tx, SearchEntry entry, CancellationToken ct)
    {
        await RemoveOneAsync(conn, tx, entry.Document.ItemId, ct);
        await using var cmd = Command(conn, tx, $"INSERT INTO search_documents ({Columns}, tsv) VALUES ({Values}, CAST(@tsv AS tsvector)) RETURNING \"Id\"");
        AddRow(cmd, entry.Document);
        Add(cmd, "@tsv", TsVector(entry.Title, entry.Body));
        entry.Document.Id = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    protected override async Task<int> RemoveOneAsync(DbConnection conn, DbTransaction? tx, int itemId, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "DELETE FROM search_documents WHERE \"ItemId\" = @item");
        Add(cmd, "@item", itemId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
