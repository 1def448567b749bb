using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Audit;
using Gongkai.Data.Portal;
using Gongkai.Data.Publishing;
using Gongkai.Data.Search;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Publishing;

/// <summary>
/// Keeps the portal's search index (ADR 0014) equal to what the public sees: a publication enters it in the same
/// transaction (or, when scheduled, the first time the portal is read after its time), a withdrawal leaves it at once,
/// and <see cref="RebuildAsync"/> recreates it from the published versions (after a bulk load or a segmenter change).
/// </summary>
public sealed class CatalogueSearchIndexer(GongkaiDbContext db, AgencyClock clock)
{
    /// <summary>Called by the publishing use case inside its transaction, after the version is saved.</summary>
    public async Task PublishedAsync(CatalogueItemRecord item, CatalogueRevisionRecord revision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(revision);
        if (revision.PublishedAt > clock.UtcNow)
        {
            db.SearchPending.Add(new SearchPendingRecord { ItemId = item.Id, Revision = revision.Revision, DueMs = revision.PublishedAt.ToUnixTimeMilliseconds() });
            await db.SaveChangesAsync(ct);
            return;
        }

        await db.SearchPending.Where(p => p.ItemId == item.Id && p.Revision <= revision.Revision).ExecuteDeleteAsync(ct);
        await SearchIndex.For(db).AddAsync([Entry(item, revision)], ct);
    }

    /// <summary>Called by the withdrawal use case inside its transaction.</summary>
    public async Task WithdrawnAsync(int itemId, CancellationToken ct = default)
    {
        await db.SearchPending.Where(p => p.ItemId == itemId).ExecuteDeleteAsync(ct);
        await SearchIndex.For(db).RemoveAsync(itemId, ct);
    }

    /// <summary>
    /// Indexes the scheduled versions whose time has come. Each is claimed by deleting its pending row, so two requests
    /// arriving together index it once. Cheap when nothing is due (one indexed probe).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken ct = default)
    {
        var nowMs = clock.UtcNow.ToUnixTimeMilliseconds();
        if (!await db.SearchPending.AnyAsync(p => p.DueMs <= nowMs, ct))
        {
            return;
        }

        var due = await db.SearchPending.AsNoTracking().Where(p => p.DueMs <= nowMs).OrderBy(p => p.DueMs).ThenBy(p => p.Id).Take(200).ToListAsync(ct);
        foreach (var pending in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await db.SearchPending.Where(p => p.Id == pending.Id).ExecuteDeleteAsync(ct) == 1)
            {
                var item = await db.CatalogueItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == pending.ItemId, ct);
                var indexed = await db.SearchDocuments.AsNoTracking().Where(d => d.ItemId == pending.ItemId).Select(d => (int?)d.Revision).SingleOrDefaultAsync(ct);
                if (item is { WithdrawnAt: null } && (indexed is null || indexed < pending.Revision))
                {
                    var revision = await db.CatalogueRevisions.AsNoTracking().SingleAsync(r => r.ItemId == pending.ItemId && r.Revision == pending.Revision, ct);
                    await SearchIndex.For(db).AddAsync([Entry(item, revision)], ct);
                }
            }

            await tx.CommitAsync(ct);
        }
    }

    /// <summary>Recreates the index from the published versions: the latest visible one of each item, later ones pending.</summary>
    public async Task<int> RebuildAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var index = SearchIndex.For(db);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await index.ClearAsync(ct);
        var ids = await db.CatalogueItems.AsNoTracking().Where(i => i.PublishedRevision > 0 && i.WithdrawnAt == null).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(ct);
        var count = 0;
        foreach (var batch in ids.Chunk(500))
        {
            var items = await db.CatalogueItems.AsNoTracking().Where(i => batch.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
            var revisions = await db.CatalogueRevisions.AsNoTracking().Where(r => batch.Contains(r.ItemId)).ToListAsync(ct);
            var entries = new List<SearchEntry>();
            foreach (var group in revisions.GroupBy(r => r.ItemId).OrderBy(g => g.Key))
            {
                var visible = group.Where(r => r.PublishedAt <= now).MaxBy(r => r.Revision);
                if (visible is not null)
                {
                    entries.Add(Entry(items[group.Key], visible));
                }

                foreach (var later in group.Where(r => r.PublishedAt > now && (visible is null || r.Revision > visible.Revision)))
                {
                    db.SearchPending.Add(new SearchPendingRecord { ItemId = later.ItemId, Revision = later.Revision, DueMs = later.PublishedAt.ToUnixTimeMilliseconds() });
                }
            }

            await index.AddAsync(entries, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += entries.Count;
        }

        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }

        return count;
    }

    /// <summary>The index entry of a published version: its metadata snapshot, and its words (title; summary, body and metadata).</summary>
    internal static SearchEntry Entry(CatalogueItemRecord item, CatalogueRevisionRecord revision)
    {
        var m = CatalogueRules.ReadSnapshot(revision.Snapshot);
        var first = item.FirstPublishedAt ?? revision.PublishedAt;
        var firstOn = item.FirstPublishedOn ?? revision.PublishedOn;
        var document = new SearchDocumentRecord
        {
            ItemId = item.Id,
            Revision = revision.Revision,
            AgencyId = item.AgencyId,
            Kind = item.Kind,
            Directory = m.Directory,
            Article20Item = m.Article20Item,
            Article21Item = m.Article21Item,
            Topic = m.Topic,
            Validity = m.Validity,
            Year = firstOn.Year,
            FirstPublishedMs = first.ToUnixTimeMilliseconds(),
            FirstPublishedOn = firstOn,
            PublishedOn = revision.PublishedOn,
            Title = revision.Title,
            Summary = revision.Summary,
            IndexNumber = m.IndexNumber ?? item.IndexNumber,
            PublishingAgency = m.PublishingAgency,
            DocumentNumber = m.DocumentNumber,
        };
        var body = string.Join('\n', new[] { revision.Summary, revision.Body, m.Keywords, m.DocumentNumber, m.PublishingAgency, m.IndexNumber, m.Source, string.Join(' ', m.KeyAreas) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        return new SearchEntry(document, revision.Title, body);
    }
}

/// <summary>A stretch of displayed text; <see cref="Hit"/> marks a searched word (shown highlighted).</summary>
public sealed record TextSpan(string Text, bool Hit);

/// <summary>One search result or catalogue row.</summary>
public sealed record CatalogueSearchRow(
    int Id,
    string Title,
    IReadOnlyList<TextSpan> TitleSpans,
    IReadOnlyList<TextSpan> Snippet,
    string AgencyName,
    string? IndexNumber,
    string? DocumentNumber,
    DateOnly FirstPublishedOn,
    DateOnly PublishedOn,
    ItemKind Kind,
    string? Topic,
    string? Validity);

/// <summary>The portal's search form and catalogue filters.</summary>
public sealed record CatalogueSearchRequest
{
    public string? Text { get; init; }

    public int? AgencyId { get; init; }

    public ColumnDirectory? Directory { get; init; }

    public int? Article20Item { get; init; }

    public string? Topic { get; init; }

    public string? Validity { get; init; }

    public int? Year { get; init; }

    public ItemKind? Kind { get; init; }

    public int? KeyAreaTermId { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>A page of results, the words searched, and whether only the newest <see cref="CandidateLimit"/> matches were considered.</summary>
public sealed record CatalogueSearchResult(Page<CatalogueSearchRow> Page, IReadOnlyList<string> Words, bool Capped, int CandidateLimit);

/// <summary>
/// 站内搜索 and 目录: finds the published items visible now by words (segmented, ADR 0014) and filters, with
/// highlighted titles and snippets, by relevance or date; without words it lists the catalogue newest first.
/// Reads only, except that it first indexes scheduled versions whose time has come (derived data, not audited).
/// </summary>
[ReadOnlyUseCase]
public sealed class SearchCatalogue(GongkaiDbContext db, CatalogueSearchIndexer indexer)
{
    /// <summary>Characters of body text shown around the first hit.</summary>
    public const int SnippetLength = 120;

    public async Task<CatalogueSearchResult> ExecuteAsync(CatalogueSearchRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await indexer.CatchUpAsync(ct);
        var query = SearchQuery.Parse(request.Text);
        var size = Math.Clamp(request.PageSize, 1, PageRequest.MaxPageSize);
        var index = SearchIndex.For(db);
        var hits = await index.SearchAsync(
            new SearchFilter
            {
                Query = query,
                AgencyId = request.AgencyId,
                Directory = request.Directory?.ToString(),
                Article20Item = request.Article20Item,
                Topic = string.IsNullOrWhiteSpace(request.Topic) ? null : request.Topic.Trim(),
                Validity = string.IsNullOrWhiteSpace(request.Validity) ? null : request.Validity.Trim(),
                Year = request.Year,
                Kind = request.Kind?.ToString(),
                KeyAreaTermId = request.KeyAreaTermId,
                Sort = request.Sort,
                Skip = (Math.Max(1, request.Page) - 1) * size,
                Take = size,
            },
            ct);
        var docs = await db.SearchDocuments.AsNoTracking().Where(d => hits.DocumentIds.Contains(d.Id))
            .Join(db.Agencies, d => d.AgencyId, a => a.Id, (d, a) => new { Doc = d, AgencyName = a.Name }).ToListAsync(ct);
        // The body of the version each hit shows (only it, not every version of the item), for the snippet.
        var bodies = query.IsEmpty || docs.Count == 0
            ? []
            : await (from d in db.SearchDocuments
                     where hits.DocumentIds.Contains(d.Id)
                     join r in db.CatalogueRevisions on new { d.ItemId, d.Revision } equals new { r.ItemId, r.Revision }
                     select new { d.ItemId, r.Body }).ToDictionaryAsync(x => x.ItemId, x => x.Body, ct);

        var byId = docs.ToDictionary(d => d.Doc.Id);
        var rows = hits.DocumentIds.Where(byId.ContainsKey).Select(id =>
        {
            var d = byId[id].Doc;
            var snippet = query.IsEmpty ? [new TextSpan(Shorten(d.Summary, SnippetLength), false)] : Snippet(query.Words, d.Summary, bodies.GetValueOrDefault(d.ItemId, string.Empty));
            return new CatalogueSearchRow(d.ItemId, d.Title, Highlight(d.Title, query.Words), snippet, byId[id].AgencyName, d.IndexNumber, d.DocumentNumber, d.FirstPublishedOn, d.PublishedOn, d.Kind, d.Topic, d.Validity);
        }).ToList();
        var page = new Page<CatalogueSearchRow>(rows, (hits.Skip / size) + 1, size, hits.Total);
        return new CatalogueSearchResult(page, query.Words, hits.Capped, index.CandidateLimit);
    }

    /// <summary>The text cut into plain and highlighted spans wherever one of the words occurs (case-insensitive).</summary>
    public static IReadOnlyList<TextSpan> Highlight(string text, IReadOnlyList<string> words)
    {
        var spans = new List<TextSpan>();
        var at = 0;
        while (at < text.Length)
        {
            var (pos, len) = NextHit(text, words, at);
            if (pos < 0)
            {
                spans.Add(new TextSpan(text[at..], false));
                break;
            }

            if (pos > at)
            {
                spans.Add(new TextSpan(text[at..pos], false));
            }

            spans.Add(new TextSpan(text.Substring(pos, len), true));
            at = pos + len;
        }

        return spans;
    }

    /// <summary>About <see cref="SnippetLength"/> characters of the summary or body around the first hit, highlighted.</summary>
    public static IReadOnlyList<TextSpan> Snippet(IReadOnlyList<string> words, string summary, string body)
    {
        foreach (var source in new[] { summary, body })
        {
            var text = Flatten(source);
            var (pos, _) = NextHit(text, words, 0);
            if (pos >= 0)
            {
                var start = Math.Max(0, pos - (SnippetLength / 4));
                var end = Math.Min(text.Length, start + SnippetLength);
                var spans = Highlight(text[start..end], words).ToList();
                if (start > 0)
                {
                    spans.Insert(0, new TextSpan("…", false));
                }

                if (end < text.Length)
                {
                    spans.Add(new TextSpan("…", false));
                }

                return spans;
            }
        }

        return [new TextSpan(Shorten(Flatten(summary), SnippetLength), false)];
    }

    private static (int Position, int Length) NextHit(string text, IReadOnlyList<string> words, int from)
    {
        var best = (-1, 0);
        foreach (var w in words)
        {
            var p = text.IndexOf(w, from, StringComparison.OrdinalIgnoreCase);
            if (p >= 0 && (best.Item1 < 0 || p < best.Item1 || (p == best.Item1 && w.Length > best.Item2)))
            {
                best = (p, w.Length);
            }
        }

        return best;
    }

    private static string Flatten(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Shorten(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");
}


/// <summary>An option of a filter list.</summary>
public sealed record FilterOption(int Id, string Name);

/// <summary>The choices of the portal's catalogue and search filters.</summary>
public sealed record CatalogueFilterOptions(
    IReadOnlyList<FilterOption> Agencies,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Validities,
    IReadOnlyList<FilterOption> KeyAreas,
    IReadOnlyList<int> Years);

/// <summary>The filter lists of the public catalogue and search: units, 主题分类, 有效性, 重点领域 and the years published.</summary>
[ReadOnlyUseCase]
public sealed class GetCatalogueFilterOptions(GongkaiDbContext db)
{
    public async Task<CatalogueFilterOptions> ExecuteAsync(CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => new FilterOption(a.Id, a.Name)).ToListAsync(ct);
        var terms = await db.CatalogueTerms.AsNoTracking().Where(t => t.Active).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);

        // The first and last year by the index (two index seeks), not a scan of every row.
        var first = await db.SearchDocuments.MinAsync(d => (int?)d.Year, ct);
        var last = await db.SearchDocuments.MaxAsync(d => (int?)d.Year, ct);
        var years = first is { } f && last is { } l ? Enumerable.Range(f, l - f + 1).Reverse().ToList() : [];
        return new CatalogueFilterOptions(
            agencies,
            [.. terms.Where(t => t.Kind == CatalogueTermKind.Topic).Select(t => t.Name)],
            [.. terms.Where(t => t.Kind == CatalogueTermKind.Validity).Select(t => t.Name)],
            [.. terms.Where(t => t.Kind == CatalogueTermKind.KeyArea).Select(t => new FilterOption(t.Id, t.Name))],
            years);
    }
}
