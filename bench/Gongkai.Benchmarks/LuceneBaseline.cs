using System.Diagnostics;
using Gongkai.Data.Search;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Gongkai.Benchmarks;

/// <summary>
/// The baseline: a Lucene.Net 4.8 index of the same corpus with BM25. The text is SmartChineseAnalyzer's tokens —
/// written pre-segmented (the corpus's <see cref="CorpusItem.TitleTokens"/> and <see cref="CorpusItem.BodyTokens"/>,
/// which are <see cref="ChineseText"/>'s, i.e. SmartChineseAnalyzer's, output) through a whitespace analyzer, so the
/// corpus is segmented once for every engine; a query is segmented by SmartChineseAnalyzer (<see cref="ChineseText"/>)
/// into a phrase per word, matched in the title or the body.
/// </summary>
public sealed class LuceneCorpusWriter : ICorpusWriter
{
    private readonly Stopwatch _clock = new();
    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly string _path;

    public LuceneCorpusWriter(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        _path = path;
        _directory = FSDirectory.Open(path);
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
        {
            Similarity = new BM25Similarity(),
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 256,
        };
        _writer = new IndexWriter(_directory, config);
    }

    public string Name => "Lucene";

    public TimeSpan Elapsed => _clock.Elapsed;

    public Task WriteAsync(IReadOnlyList<CorpusItem> block)
    {
        _clock.Start();
        foreach (var item in block)
        {
            _writer.AddDocument(
            [
                new Int64Field("id", item.Id, Field.Store.YES),
                new NumericDocValuesField("date", SearchCorpus.Ms(item.FirstPublished)),
                new TextField("title", item.TitleTokens, Field.Store.NO),
                new TextField("body", item.BodyTokens, Field.Store.NO),
                new StoredField("t", item.Title),
                new StoredField("s", item.Summary),
            ]);
        }

        _clock.Stop();
        return Task.CompletedTask;
    }

    public Task FinishAsync()
    {
        _clock.Start();
        _writer.Commit();
        _clock.Stop();
        return Task.CompletedTask;
    }

    public Task<long> SizeAsync() => Task.FromResult(new DirectoryInfo(_path).EnumerateFiles().Sum(f => f.Length));

    public ValueTask DisposeAsync()
    {
        _writer.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Searches the Lucene index: the first page of 20, by BM25 or newest first, with the stored title and summary.</summary>
public sealed class LuceneSearchEngine : ISearchEngine
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private static readonly Sort ByDate = new(new SortField("date", SortFieldType.INT64, true));

    public LuceneSearchEngine(string path)
    {
        _directory = FSDirectory.Open(path);
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public string Name => "Lucene.Net BM25";

    public Task<SearchPage> SearchAsync(string query, bool byDate)
    {
        var q = Build(query);
        var top = byDate ? _searcher.Search(q, null, 20, ByDate) : _searcher.Search(q, 20);
        var ids = new List<long>(top.ScoreDocs.Length);
        foreach (var hit in top.ScoreDocs)
        {
            var doc = _searcher.Doc(hit.Doc);
            _ = doc.Get("t");
            _ = doc.Get("s");
            ids.Add(doc.GetField("id").GetInt64Value()!.Value);
        }

        return Task.FromResult(new SearchPage(ids, top.TotalHits));
    }

    /// <summary>Every typed word must occur, each as the phrase of its tokens in the title (boosted) or the body.</summary>
    private static Query Build(string query)
    {
        var all = new BooleanQuery();
        foreach (var word in query.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var tokens = ChineseText.Segment(word);
            if (tokens.Count == 0)
            {
                continue;
            }

            var either = new BooleanQuery();
            foreach (var (field, boost) in new[] { ("title", 2f), ("body", 1f) })
            {
                Query part;
                if (tokens.Count == 1)
                {
                    part = new TermQuery(new Term(field, tokens[0]));
                }
                else
                {
                    var phrase = new PhraseQuery();
                    foreach (var t in tokens)
                    {
                        phrase.Add(new Term(field, t));
                    }

                    part = phrase;
                }

                part.Boost = boost;
                either.Add(part, Occur.SHOULD);
            }

            all.Add(either, Occur.MUST);
        }

        return all;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
