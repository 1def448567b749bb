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
    public static string PostgresTsVector(long id, IReadOnlyList<string> titleTokens, IReadOnlyList<string> bodyTokens) => PostgresSearchIndex.TsVector(id, titleTokens, bodyTokens);

    /// <summary>The block lexemes that cover an id window on PostgreSQL (start and end multiples of 4,096).</summary>
    public static IReadOnlyList<string> PostgresIdWindow(long start, long end) => PostgresSearchIndex.Cover(start, end);

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
            if (filter.Query.IsEmpty)
            {
                await using var cmd = Command(conn, tx, string.Empty);
                var where = Filters(cmd, filter);
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

            var (candidates, capped) = await CandidatesAsync(conn, tx, filter, ct);
            IEnumerable<(long Id, double Score)> ordered = filter.Sort == SearchSort.Relevance
                ? candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.Id)
                : candidates;
            var from = Clamp(filter, candidates.Count);
            return new SearchHits([.. ordered.Skip(from).Take(filter.Take).Select(c => c.Id)], candidates.Count, capped, from);
        }, ct);
    }

    private static int Clamp(SearchFilter filter, int total)
    {
        var take = Math.Max(1, filter.Take);
        var last = Math.Max(0, (total - 1) / take * take);
        return Math.Clamp(filter.Skip / take * take, 0, last);
    }

    /// <summary>
    /// The candidates' ids and scores, newest first, at most <see cref="CandidateLimit"/>, and whether the bound
    /// stopped the search (older matches were not considered).
    /// </summary>
    protected abstract Task<(List<(long Id, double Score)> Candidates, bool Capped)> CandidatesAsync(DbConnection conn, DbTransaction? tx, SearchFilter filter, CancellationToken ct);

    protected static async Task<List<(long Id, double Score)>> ReadCandidatesAsync(DbCommand cmd, CancellationToken ct)
    {
        var candidates = new List<(long Id, double Score)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            candidates.Add((reader.GetInt64(0), reader.IsDBNull(1) ? 0 : Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return candidates;
    }

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

    /// <summary>
    /// The filters as SQL conditions on search_documents d. With <paramref name="unindexed"/>, each column is written
    /// as an expression no b-tree index matches (<c>+ 0</c>, <c>|| ''</c>), so the planner checks them on the rows the
    /// full-text index found rather than walking a filter's index and testing every row's text.
    /// </summary>
    protected static string Filters(DbCommand cmd, SearchFilter f, bool unindexed = false)
    {
        var sb = new StringBuilder();
        void Clause(string column, string name, object? value)
        {
            if (value is not null)
            {
                var expression = !unindexed ? $"d.\"{column}\"" : value is string ? $"(d.\"{column}\" || '')" : $"(d.\"{column}\" + 0)";
                sb.Append(CultureInfo.InvariantCulture, $" AND {expression} = {name}");
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

    protected override async Task<(List<(long Id, double Score)> Candidates, bool Capped)> CandidatesAsync(DbConnection conn, DbTransaction? tx, SearchFilter filter, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, string.Empty);
        var where = Filters(cmd, filter);
        Add(cmd, "@match", filter.Query.ToFts5());
        var score = filter.Sort == SearchSort.Relevance ? "-bm25(search_fts, 10.0, 1.0)" : "0";
        cmd.CommandText = $"SELECT f.rowid, {score} FROM search_fts f JOIN search_documents d ON d.\"Id\" = f.rowid WHERE search_fts MATCH @match{where} ORDER BY f.rowid DESC LIMIT {CandidateLimit}";
        var candidates = await ReadCandidatesAsync(cmd, ct);
        return (candidates, candidates.Count >= CandidateLimit);
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

/// <summary>
/// PostgreSQL: a tsvector built here from the tokens and their adjacent pairs (title weighted A), with a GIN index;
/// ts_rank. Each document also carries lexemes naming the aligned blocks of ids that hold its own id
/// (<see cref="BlockShifts"/>), so a query can ask the GIN index for the matches among the newest ids only.
/// </summary>
internal sealed class PostgresSearchIndex(GongkaiDbContext db, int candidateLimit) : SqlSearchIndex(db, candidateLimit)
{
    /// <summary>The sizes of the id blocks, as powers of two: 4,096, 65,536 and 1,048,576 ids.</summary>
    internal static readonly int[] BlockShifts = [12, 16, 20];

    /// <summary>Block lexemes begin with this; query words never do (they are letters and digits only).</summary>
    internal const char BlockMark = '#';

    /// <summary>PostgreSQL's largest word position; later words are not indexed.</summary>
    private const int MaxPosition = 16383;

    /// <summary>PostgreSQL keeps at most 256 positions of one lexeme.</summary>
    private const int MaxPositionsPerLexeme = 255;

    public override async Task ClearAsync(CancellationToken ct = default)
    {
        await Db.Database.ExecuteSqlRawAsync("DELETE FROM search_documents; DELETE FROM search_pending;", ct);
    }

    /// <summary>The lexeme of the block of 2^<paramref name="shift"/> ids that holds <paramref name="id"/>.</summary>
    internal static string BlockLexeme(int shift, long id) => string.Create(CultureInfo.InvariantCulture, $"{BlockMark}{shift}:{id >> shift}");

    /// <summary>
    /// The block lexemes that exactly cover the ids from <paramref name="start"/> (inclusive) to <paramref name="end"/>
    /// (exclusive), both multiples of the smallest block: the largest aligned blocks first.
    /// </summary>
    internal static List<string> Cover(long start, long end)
    {
        var smallest = 1L << BlockShifts[0];
        if (start < 0 || start % smallest != 0 || end % smallest != 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "the range must be aligned to the smallest block");
        }

        var lexemes = new List<string>();
        var at = start;
        while (at < end)
        {
            var shift = BlockShifts.Reverse().First(s => at % (1L << s) == 0 && at + (1L << s) <= end);
            lexemes.Add(BlockLexeme(shift, at));
            at += 1L << shift;
        }

        return lexemes;
    }

    /// <summary>
    /// The tsvector literal of a document: each token at its position (title words weight A, a gap between title and
    /// body); each pair of adjacent tokens as a lexeme of its own ("养老 服务") at the first one's position, so that a
    /// phrase query is an AND of pair lexemes that the GIN index answers exactly, without re-reading every candidate
    /// row to check word order (bench/README.md: that re-check cost seconds at 1M items); and the id's block lexemes.
    /// </summary>
    public static string TsVector(long id, string title, string body) => TsVector(id, ChineseText.Segment(title), ChineseText.Segment(body));

    /// <summary>The same from tokens already segmented (bulk loads segment once).</summary>
    public static string TsVector(long id, IReadOnlyList<string> titleTokens, IReadOnlyList<string> bodyTokens)
    {
        var positions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var position = 0;
        void AddLexeme(string lexeme, int at, string weight)
        {
            if (lexeme.Length > 200 || lexeme[0] == BlockMark)
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
            sb.Append(SearchQuery.TsLexeme(token)).Append(':').AppendJoin(',', list).Append(' ');
        }

        sb.AppendJoin(' ', BlockShifts.Select(shift => SearchQuery.TsLexeme(BlockLexeme(shift, id))));
        return sb.ToString();
    }

    /// <summary>
    /// The newest matches, found window by window from the highest id down: the first window is the newest block of
    /// 4,096 ids, each next one four times larger, until the bound is reached or no ids are left. Each window's query
    /// is the words AND the window's block lexemes, which the GIN index intersects by itself, so a frequent word costs
    /// about as much as a rare one: only the matches of the windows read are fetched, and no row's text is re-read to
    /// test it. The id range is checked as an expression (<c>"Id" + 0</c>) so the planner cannot walk the primary key
    /// instead and test every row's tsvector. Relevance is then ranked on the candidates alone.
    /// </summary>
    protected override async Task<(List<(long Id, double Score)> Candidates, bool Capped)> CandidatesAsync(DbConnection conn, DbTransaction? tx, SearchFilter filter, CancellationToken ct)
    {
        long max;
        await using (var top = Command(conn, tx, "SELECT max(\"Id\") FROM search_documents"))
        {
            if (await top.ExecuteScalarAsync(ct) is not long highest)
            {
                return ([], false);
            }

            max = highest;
        }

        var words = filter.Query.ToTsQuery();
        var ids = new List<long>();
        var smallest = 1L << BlockShifts[0];
        var end = (max / smallest + 1) * smallest;
        var size = smallest;
        while (ids.Count < CandidateLimit && end > 0)
        {
            var start = Math.Max(0, end - size);
            await using var cmd = Command(conn, tx, string.Empty);
            var where = Filters(cmd, filter, unindexed: true);
            Add(cmd, "@query", $"({words}) & ({string.Join(" | ", Cover(start, end).Select(SearchQuery.TsLexeme))})");
            Add(cmd, "@start", start);
            Add(cmd, "@end", end);
            cmd.CommandText = $"SELECT d.\"Id\" FROM search_documents d WHERE d.tsv @@ CAST(@query AS tsquery) AND d.\"Id\" + 0 >= @start AND d.\"Id\" + 0 < @end{where} ORDER BY d.\"Id\" + 0 DESC LIMIT {CandidateLimit - ids.Count}";
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetInt64(0));
                }
            }

            end = start;
            size *= 4;
        }

        // A word of three or more tokens was matched pair by pair; its candidates are checked for the exact phrase (only
        // they are read again), so that both databases find the same items.
        var capped = ids.Count >= CandidateLimit;
        var phrase = filter.Query.ToTsPhraseCheck();
        if (ids.Count == 0 || (filter.Sort != SearchSort.Relevance && phrase is null))
        {
            return ([.. ids.Select(id => (id, 0d))], capped);
        }

        var score = filter.Sort == SearchSort.Relevance ? "ts_rank(d.tsv, CAST(@query AS tsquery))" : "0";
        // ts_match_vq is the function behind @@: written so, the phrase cannot be planned through the GIN index (which
        // would re-check every row holding the phrase's tokens, seconds for a common phrase) instead of the ids.
        await using var rank = Command(conn, tx, $"SELECT d.\"Id\", {score} FROM search_documents d WHERE d.\"Id\" = ANY(@ids)" + (phrase is null ? string.Empty : " AND ts_match_vq(d.tsv, CAST(@phrase AS tsquery))"));
        Add(rank, "@query", words);
        Add(rank, "@ids", ids.ToArray());
        if (phrase is not null)
        {
            Add(rank, "@phrase", phrase);
        }

        var scores = (await ReadCandidatesAsync(rank, ct)).ToDictionary(c => c.Id, c => c.Score);
        return ([.. ids.Where(scores.ContainsKey).Select(id => (id, scores[id]))], capped);
    }

    protected override async Task AddOneAsync(DbConnection conn, DbTransaction? tx, SearchEntry entry, CancellationToken ct)
    {
        await RemoveOneAsync(conn, tx, entry.Document.ItemId, ct);
        long id;
        await using (var next = Command(conn, tx, "SELECT nextval(pg_get_serial_sequence('search_documents', 'Id'))"))
        {
            id = Convert.ToInt64(await next.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        await using var cmd = Command(conn, tx, $"INSERT INTO search_documents (\"Id\", {Columns}, tsv) VALUES (@id, {Values}, CAST(@tsv AS tsvector))");
        Add(cmd, "@id", id);
        AddRow(cmd, entry.Document);
        Add(cmd, "@tsv", TsVector(id, entry.Title, entry.Body));
        await cmd.ExecuteNonQueryAsync(ct);
        entry.Document.Id = id;
    }

    protected override async Task<int> RemoveOneAsync(DbConnection conn, DbTransaction? tx, int itemId, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, "DELETE FROM search_documents WHERE \"ItemId\" = @item");
        Add(cmd, "@item", itemId);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
