using System.Diagnostics;
using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Benchmarks;

/// <summary>
/// The portal search benchmark (bench/README.md): builds (or reuses) the corpus in SQLite, PostgreSQL and Lucene.Net,
/// then times the first page of every query of <see cref="Queries"/> on each engine, by relevance and by date,
/// the engines interleaved query by query so that they share the machine's load; prints p50/p95/max.
/// </summary>
public static class SearchLatency
{
    /// <summary>The query set: (category, query). The sampled ones are added from the corpus by <see cref="Sampled"/>.</summary>
    public static readonly (string Category, string Query)[] Fixed =
    [
        ("frequent", "工作"), ("frequent", "管理"), ("frequent", "服务"), ("frequent", "建设"), ("frequent", "公开"),
        ("frequent", "通知"), ("frequent", "情况"), ("frequent", "社区"),
        ("mid", "养老"), ("mid", "低保"), ("mid", "教育"), ("mid", "就业"), ("mid", "预算"), ("mid", "食品安全"),
        ("mid", "老年人"), ("mid", "政府采购"),
        ("compound", "养老服务中心"), ("compound", "城乡低保"), ("compound", "老旧小区改造"), ("compound", "基本公共卫生服务"),
        ("compound", "耕地地力保护补贴"), ("compound", "社区嵌入式养老"), ("compound", "低保边缘家庭"), ("compound", "高标准农田建设"),
        ("rare", "阿善遗址"), ("rare", "昆河湿地"), ("rare", "北梁棚户区"), ("rare", "百灵淖"), ("rare", "希拉穆仁"),
        ("rare", "春坤山"), ("rare", "巴彦塔拉大街"), ("rare", "哈屯高勒路"),
        ("two words", "养老 补贴"), ("two words", "低保 固阳县"), ("two words", "安全生产 行政处罚"), ("two words", "教育 九原区"),
    ];

    /// <summary>Eight queries taken from item titles of the corpus: two or three consecutive words (of two characters or more) of a title.</summary>
    public static IEnumerable<(string Category, string Query)> Sampled(int items)
    {
        var random = new Random(7);
        var blocks = (items + SearchCorpus.BlockSize - 1) / SearchCorpus.BlockSize;
        for (var k = 0; k < 8; k++)
        {
            var block = SearchCorpus.Block(random.Next(blocks), items);
            var title = block[random.Next(block.Count)].Title;
            var tokens = ChineseText.Segment(title).Where(t => t.Length >= 2 && !t.All(char.IsAsciiDigit)).ToList();
            var n = Math.Min(tokens.Count, 2 + random.Next(2));
            var at = random.Next(tokens.Count - n + 1);
            yield return ("from titles", string.Concat(tokens.Skip(at).Take(n)));
        }
    }

    public static async Task RunAsync(int items, bool sqlite, bool postgres, int rounds, bool rebuild, bool interim)
    {
        var stores = SearchStores.For(items, sqlite, postgres);
        string migration;
        await using (var db = DataServiceCollectionExtensions.CreateContext(stores.Sqlite ?? stores.Postgres ?? throw new ArgumentException("no database")))
        {
            migration = db.Database.GetMigrations().Last();
        }

        Console.WriteLine($"// Search benchmark: {items:N0} items; stores in {stores.Directory}; load average {LoadAverage()}");
        await BuildAsync(stores, migration, rebuild);

        var queries = Fixed.Concat(Sampled(items)).ToList();
        var engines = new List<ISearchEngine> { new LuceneSearchEngine(stores.LuceneDirectory) };
        if (stores.Sqlite is { } s)
        {
            engines.Add(new ProductSearchEngine(s));
            engines.Add(new ProductIndexEngine(s));
            if (interim)
            {
                engines.Add(new InterimSqliteEngine(s));
            }
        }

        if (stores.Postgres is { } p)
        {
            engines.Add(new ProductSearchEngine(p));
            engines.Add(new ProductIndexEngine(p));
            if (interim)
            {
                engines.Add(new InterimPostgresEngine(p));
            }
        }

        try
        {
            await MeasureAsync(engines, queries, rounds);
        }
        finally
        {
            foreach (var e in engines)
            {
                await e.DisposeAsync();
            }
        }
    }

    private static async Task BuildAsync(SearchStores stores, string migration, bool rebuild)
    {
        var built = rebuild ? [] : stores.Built(migration);
        var needed = new List<string>();
        if (!built.Contains("lucene"))
        {
            needed.Add("lucene");
        }

        if (stores.Sqlite is not null && !built.Contains("sqlite"))
        {
            needed.Add("sqlite");
        }

        // The server's database is shared by every corpus size: it counts as built only if it holds this corpus.
        if (stores.Postgres is not null && (!built.Contains("postgres") || await SearchIndexBuild.PostgresCountAsync(stores.Postgres) != stores.Items))
        {
            needed.Add("postgres");
        }

        if (needed.Count == 0)
        {
            Console.WriteLine("// Reusing the stores built earlier (--rebuild to build them again)");
            return;
        }

        var writers = new List<ICorpusWriter>();
        try
        {
            var engines = new List<string>();
            foreach (var name in needed)
            {
                switch (name)
                {
                    case "lucene":
                        writers.Add(new LuceneCorpusWriter(stores.LuceneDirectory));
                        break;
                    case "sqlite":
                        writers.Add(new SqliteCorpusWriter(stores.Sqlite!, await SearchIndexBuild.CreateDatabaseAsync(stores.Sqlite!)));
                        break;
                    default:
                        writers.Add(new PostgresCorpusWriter(stores.Postgres!, await SearchIndexBuild.CreateDatabaseAsync(stores.Postgres!)));
                        break;
                }

                engines.Add(name);
            }

            Console.WriteLine($"// Building {string.Join(", ", needed)}");
            await SearchIndexBuild.RunAsync(stores.Items, writers);
            for (var k = 0; k < writers.Count; k++)
            {
                var size = await writers[k].SizeAsync();
                Console.WriteLine($"// {writers[k].Name}: build {writers[k].Elapsed.TotalSeconds:F0} s, size {size / 1048576.0:N0} MB");
                stores.MarkBuilt(engines[k], migration);
            }
        }
        finally
        {
            foreach (var w in writers)
            {
                await w.DisposeAsync();
            }
        }
    }

    private static async Task MeasureAsync(List<ISearchEngine> engines, List<(string Category, string Query)> queries, int rounds)
    {
        var lucene = engines[0];
        var hits = new Dictionary<string, long>();
        var sameByDate = new Dictionary<string, int>();

        // Warm-up: every query once on every engine and sort; the Lucene total and whether the engines' first pages by
        // date agree with Lucene's (the same matches, newest first, must give the same 20 items).
        foreach (var (_, q) in queries)
        {
            var reference = await lucene.SearchAsync(q, byDate: true);
            hits[q] = reference.Total;
            await lucene.SearchAsync(q, byDate: false);
            foreach (var e in engines.Skip(1))
            {
                var page = await e.SearchAsync(q, byDate: true);
                if (page.Ids.SequenceEqual(reference.Ids))
                {
                    sameByDate[e.Name] = sameByDate.GetValueOrDefault(e.Name) + 1;
                }

                await e.SearchAsync(q, byDate: false);
            }
        }

        Console.WriteLine($"// Warmed up; load average {LoadAverage()}");
        var times = new Dictionary<(string Engine, bool ByDate), List<(string Category, string Query, double Ms)>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (category, q) in queries.OrderBy(_ => Random.Shared.Next()))
            {
                foreach (var e in engines)
                {
                    foreach (var byDate in new[] { false, true })
                    {
                        var start = Stopwatch.GetTimestamp();
                        await e.SearchAsync(q, byDate);
                        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                        if (!times.TryGetValue((e.Name, byDate), out var list))
                        {
                            times[(e.Name, byDate)] = list = [];
                        }

                        list.Add((category, q, ms));
                    }
                }
            }

            Console.WriteLine($"// Round {round + 1} of {rounds}; load average {LoadAverage()}");
        }

        Console.WriteLine();
        Console.WriteLine($"{queries.Count} queries × {rounds} rounds per engine and sort (first page of 20):");
        Console.WriteLine();
        Console.WriteLine("| engine | sort | p50 | p95 | max | same first page by date as Lucene |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var e in engines)
        {
            foreach (var byDate in new[] { false, true })
            {
                var ms = times[(e.Name, byDate)].Select(t => t.Ms).ToList();
                var same = e == lucene ? string.Empty : $"{sameByDate.GetValueOrDefault(e.Name)} of {queries.Count}";
                Console.WriteLine($"| {e.Name} | {(byDate ? "date" : "relevance")} | {F(Percentile(ms, 50))} | {F(Percentile(ms, 95))} | {F(ms.Max())} | {same} |");
            }
        }

        Console.WriteLine();
        Console.WriteLine("p95 by query category (ms): " + string.Join(", ", engines.Select(e => e.Name)) + ", each relevance / date");
        Console.WriteLine();
        foreach (var category in queries.Select(q => q.Category).Distinct())
        {
            var cells = engines.Select(e => string.Join(" / ", new[] { false, true }.Select(d => F(Percentile([.. times[(e.Name, d)].Where(t => t.Category == category).Select(t => t.Ms)], 95)))));
            Console.WriteLine($"| {category} | " + string.Join(" | ", cells) + " |");
        }

        Console.WriteLine();
        Console.WriteLine("Median per query (ms), relevance / date, with Lucene's number of matches:");
        Console.WriteLine();
        foreach (var (category, q) in queries)
        {
            var cells = engines.Select(e => string.Join(" / ", new[] { false, true }.Select(d => F(Percentile([.. times[(e.Name, d)].Where(t => t.Query == q).Select(t => t.Ms)], 50)))));
            Console.WriteLine($"| {category} | {q} | {hits[q]:N0} | " + string.Join(" | ", cells) + " |");
        }
    }

    private static string F(double ms) => ms.ToString(ms < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);

    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var rank = Math.Max(0, (int)Math.Ceiling(p / 100 * sorted.Count) - 1);
        return sorted[rank];
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
