using Gongkai.Core.Publishing;
using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.Data.Search;
using Gongkai.UseCases.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>
/// The portal's Chinese full-text search (ADR 0014) on each database: two-character words and compounds found as
/// segmented tokens, the full-text index answering (not a substring scan), filters, highlighting, sorting, paging,
/// and the index following publication, scheduled publication, revision and withdrawal.
/// </summary>
public abstract class CatalogueSearchTests(DatabaseProvider provider) : CatalogueWorld(provider)
{
    private async Task<int> PublishedAsync(string title, string body, ColumnDirectory directory = ColumnDirectory.Statutory, DateTimeOffset? at = null)
    {
        var input = await InputAsync(title, body);
        var id = await CreateAsync(input with { Directory = directory, Article20Item = directory == ColumnDirectory.Statutory ? 11 : null, Summary = "本文件的主要内容。" });
        await SubmitAsync(id);
        await ReviewAndProofreadAsync(id);
        await PublishAsync(id, at);
        return id;
    }

    private Task<CatalogueSearchResult> SearchAsync(string? text, SearchSort sort = SearchSort.Relevance, int page = 1, int pageSize = 20, ColumnDirectory? directory = null, int? agencyId = null, int? year = null) =>
        UseCase<SearchCatalogue, CatalogueSearchResult>(u => u.ExecuteAsync(new CatalogueSearchRequest { Text = text, Sort = sort, Page = page, PageSize = pageSize, Directory = directory, AgencyId = agencyId, Year = year }));

    private async Task<List<int>> FoundAsync(string text, SearchSort sort = SearchSort.Relevance) => [.. (await SearchAsync(text, sort)).Page.Items.Select(r => r.Id)];

    private async Task<(int Pension, int Centre, int Allowance, int Other)> WorldAsync()
    {
        var pension = await PublishedAsync("关于做好冬季养老机构安全工作的通知", "各养老机构要落实消防安全责任，做好冬季取暖安全检查。");
        var centre = await PublishedAsync("昆都仑区养老服务中心建设项目公示", "区养老服务中心建设项目已完成立项，现予公示。");
        var allowance = await PublishedAsync("关于提高城乡低保标准的通知", "自2027年1月起，城乡低保标准每人每月提高50元。");
        var other = await PublishedAsync("2026年秋季学期义务教育招生工作方案", "现将义务教育阶段学校招生有关事项通知如下。", ColumnDirectory.Rules);
        return (pension, centre, allowance, other);
    }

    [ProviderFact]
    public async Task Two_character_words_and_compounds_are_found_as_words()
    {
        var w = await WorldAsync();
        Assert.Equal([w.Centre, w.Pension], await FoundAsync("养老", SearchSort.Date));
        Assert.Equal([w.Allowance], await FoundAsync("低保"));
        Assert.Equal([w.Centre], await FoundAsync("养老服务中心"));
        Assert.Equal([w.Allowance], await FoundAsync("城乡低保"));
        Assert.Equal([w.Centre], await FoundAsync("中心　养老"));

        // Words, not substrings: 老服 spans two words (养老|服务) and is not a word itself, so a LIKE scan would find the
        // centre but the index does not.
        Assert.Empty(await FoundAsync("老服"));
        Assert.Contains(w.Centre, await QueryAsync(db => db.SearchDocuments.Where(d => d.Title.Contains("老服")).Select(d => d.ItemId).ToListAsync()));
        Assert.Empty(await FoundAsync("火星探测"));

        // A compound is a phrase: its words apart (养老服务 … 服务中心) are not it, on either database, by date or rank.
        var apart = await PublishedAsync("养老服务补贴和便民服务中心开放时间", "详见附件。");
        Assert.Contains(apart, await FoundAsync("养老服务"));
        Assert.Contains(apart, await FoundAsync("服务中心"));
        Assert.Equal([w.Centre], await FoundAsync("养老服务中心"));
        Assert.Equal([w.Centre], await FoundAsync("养老服务中心", SearchSort.Date));
    }

    [ProviderFact]
    public async Task The_full_text_index_answers_the_query()
    {
        await WorldAsync();
        if (Database.Provider == DatabaseProvider.Postgres)
        {
            var plans = await PostgresPlansAsync("养老服务中心", SearchSort.Relevance);
            // The windows are read through the GIN index, never by walking the primary key…
            var windows = plans.Where(p => p.Contains("ORDER BY d.\"Id\" + 0", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(windows);
            Assert.All(windows, p =>
            {
                Assert.Contains("ix_search_documents_tsv", p, StringComparison.Ordinal);
                Assert.DoesNotContain("PK_search_documents", p, StringComparison.Ordinal);
            });

            // …and the candidates' phrase check and rank read them by id, never through the GIN index.
            var check = Assert.Single(plans, p => p.Contains("= ANY", StringComparison.Ordinal));
            Assert.Contains("ts_match_vq", check, StringComparison.Ordinal);
            Assert.Contains("PK_search_documents", check, StringComparison.Ordinal);
            Assert.DoesNotContain("ix_search_documents_tsv", check, StringComparison.Ordinal);
            return;
        }

        var plan = await QueryAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "EXPLAIN QUERY PLAN SELECT f.rowid FROM search_fts f JOIN search_documents d ON d.\"Id\" = f.rowid WHERE search_fts MATCH $m ORDER BY f.rowid DESC LIMIT 10";
            var p = cmd.CreateParameter();
            p.ParameterName = "$m";
            p.Value = SearchQuery.Parse("养老服务中心").ToFts5();
            cmd.Parameters.Add(p);
            var lines = new List<string>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
            }

            return string.Join('\n', lines);
        });
        Assert.Contains("VIRTUAL TABLE INDEX", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN d", plan, StringComparison.Ordinal);
    }

    /// <summary>
    /// The plans PostgreSQL used for the product's own statements of one search, as auto_explain reports them to the
    /// client. A sequential scan is switched off, since with a handful of rows it is always cheapest.
    /// </summary>
    private Task<List<string>> PostgresPlansAsync(string text, SearchSort sort) => QueryAsync(async db =>
    {
        await db.Database.OpenConnectionAsync();
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        var plans = new List<string>();
        conn.Notice += (_, e) => plans.Add(e.Notice.MessageText);
        await db.Database.ExecuteSqlRawAsync("LOAD 'auto_explain'; SET auto_explain.log_min_duration = 0; SET client_min_messages = log; SET enable_seqscan = off;");
        await SearchIndex.For(db).SearchAsync(new SearchFilter { Query = SearchQuery.Parse(text), Sort = sort });
        await db.Database.ExecuteSqlRawAsync("SET client_min_messages = notice");
        return plans;
    });

    [ProviderFact]
    public async Task Matches_far_apart_in_the_index_are_found_newest_first_within_the_bound()
    {
        // The PostgreSQL index reads the newest ids first, in windows of blocks of 4,096, 65,536 and 1,048,576 ids:
        // matches across those blocks must all be found, in order, and the bound must stop at the newest.
        var first = await PublishedAsync("养老机构等级评定结果", "评定结果予以公布。");
        await SkipIndexIdsAsync(70_000);
        var second = await PublishedAsync("养老服务补贴发放名单公示", "发放名单予以公示。");
        await SkipIndexIdsAsync(3_000_000);
        var third = await PublishedAsync("关于做好居家养老服务工作的通知", "做好居家养老服务。");
        await PublishedAsync("义务教育招生工作通知", "招生工作有关事项。");

        Assert.Equal([third, second, first], await FoundAsync("养老", SearchSort.Date));
        Assert.Equal([first, second, third], (await FoundAsync("养老")).Order());
        Assert.Equal([second], await FoundAsync("补贴"));

        var hits = await QueryAsync(db => SearchIndex.For(db, candidateLimit: 2).SearchAsync(new SearchFilter { Query = SearchQuery.Parse("养老"), Sort = SearchSort.Date }));
        var newest = await QueryAsync(db => db.SearchDocuments.Where(d => d.ItemId == third || d.ItemId == second).OrderByDescending(d => d.Id).Select(d => d.Id).ToListAsync());
        Assert.Equal(newest, hits.DocumentIds);
        Assert.True(hits.Capped);
        Assert.Contains(newest[0], await QueryAsync(db => db.SearchDocuments.Select(d => d.Id).Where(id => id > 3_000_000).ToListAsync()));
    }

    /// <summary>Makes the index's next document id larger than <paramref name="id"/>, as after years of publishing.</summary>
    private Task SkipIndexIdsAsync(long id) => QueryAsync(db => Database.Provider == DatabaseProvider.Postgres
        ? db.Database.ExecuteSqlAsync($"SELECT setval(pg_get_serial_sequence('search_documents', 'Id'), {id})")
        : db.Database.ExecuteSqlAsync($"UPDATE sqlite_sequence SET seq = {id} WHERE name = 'search_documents'"));

    [ProviderFact]
    public async Task Results_are_highlighted_filtered_sorted_and_paged()
    {
        var w = await WorldAsync();
        var result = await SearchAsync("养老");
        Assert.Equal(2, result.Page.Total);
        Assert.False(result.Capped);
        var centre = result.Page.Items.Single(r => r.Id == w.Centre);
        Assert.Equal(["昆都仑区", "养老", "服务中心建设项目公示"], centre.TitleSpans.Select(s => s.Text));
        Assert.Equal([false, true, false], centre.TitleSpans.Select(s => s.Hit));
        Assert.Contains(centre.Snippet, s => s.Hit && s.Text == "养老");
        Assert.Equal(Education, centre.AgencyName);

        // Relevance: a word in the title weighs more than one in the body; by date the newest comes first.
        var service = await PublishedAsync("养老服务补贴申领办法", "申领时请注意资金安全。");
        Assert.Equal([w.Pension, service], await FoundAsync("安全"));
        Assert.Equal([service, w.Pension], await FoundAsync("安全", SearchSort.Date));

        Assert.Equal([w.Other], (await SearchAsync("招生", directory: ColumnDirectory.Rules)).Page.Items.Select(r => r.Id));
        Assert.Empty((await SearchAsync("招生", directory: ColumnDirectory.Guide)).Page.Items);
        Assert.Empty((await SearchAsync("养老", year: 2025)).Page.Items);
        Assert.Equal(3, (await SearchAsync("养老", year: 2026)).Page.Total);
        Assert.Empty((await SearchAsync("养老", agencyId: -1)).Page.Items);

        var first = await SearchAsync("养老", SearchSort.Date, page: 1, pageSize: 2);
        var second = await SearchAsync("养老", SearchSort.Date, page: 2, pageSize: 2);
        var beyond = await SearchAsync("养老", SearchSort.Date, page: 99, pageSize: 2);
        Assert.Equal((3, 2, 2), (first.Page.Total, first.Page.PageCount, first.Page.Items.Count));
        Assert.Equal([w.Pension], second.Page.Items.Select(r => r.Id));
        Assert.Equal(2, beyond.Page.Number);

        // Without words the catalogue is listed, newest first publication first.
        var all = await SearchAsync(null);
        Assert.Equal(5, all.Page.Total);
        Assert.Equal(service, all.Page.Items[0].Id);
    }

    [ProviderFact]
    public async Task A_frequent_word_ranks_only_the_newest_candidates_and_says_so()
    {
        var w = await WorldAsync();
        var hits = await QueryAsync(db => SearchIndex.For(db, candidateLimit: 2).SearchAsync(new SearchFilter { Query = SearchQuery.Parse("通知"), Sort = SearchSort.Relevance }));
        Assert.True(hits.Capped);
        Assert.Equal(2, hits.Total);
        var newest = await QueryAsync(db => db.SearchDocuments.Where(d => d.ItemId == w.Allowance || d.ItemId == w.Other).Select(d => d.Id).ToListAsync());
        Assert.Equal(newest.Order(), hits.DocumentIds.Order());
    }

    [ProviderFact]
    public async Task The_index_follows_publication_revision_scheduling_and_withdrawal()
    {
        var w = await WorldAsync();

        // Published a moment ago: found at once.
        Assert.Contains(w.Allowance, await FoundAsync("低保"));

        // A revision under review leaves the published version in the index and the catalogue.
        await AsStaff<ReviseCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(w.Allowance, await VersionOf(w.Allowance), "更正标题。"));
        await AsStaff<UpdateCatalogueItem, int>(Clerk, async u => await u.ExecuteAsync(w.Allowance, await VersionOf(w.Allowance), await InputAsync("关于调整最低生活保障标准的通知", "最低生活保障标准调整。")));
        Assert.Contains(w.Allowance, await FoundAsync("低保"));
        Assert.Empty(await FoundAsync("最低生活保障"));
        Assert.Contains("关于提高城乡低保标准的通知", (await SearchAsync(null)).Page.Items.Select(r => r.Title));

        // Publishing the revision later: the old words stay until its time, then the new ones replace them.
        await SubmitAsync(w.Allowance);
        await ReviewAndProofreadAsync(w.Allowance);
        await PublishAsync(w.Allowance, Database.Clock.GetUtcNow().AddHours(2));
        Assert.Contains(w.Allowance, await FoundAsync("低保"));
        Assert.Empty(await FoundAsync("最低生活保障"));
        Database.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal([w.Allowance], await FoundAsync("最低生活保障"));
        Assert.Empty(await FoundAsync("低保"));
        Assert.Empty(await QueryAsync(db => db.SearchPending.ToListAsync()));

        // A new item scheduled for tomorrow is not found today.
        var later = await PublishedAsync("养老护理员培训补贴公告", "养老护理员培训补贴的申领条件。", at: Database.Clock.GetUtcNow().AddDays(1));
        Assert.DoesNotContain(later, await FoundAsync("养老"));
        Database.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains(later, await FoundAsync("养老"));

        // Withdrawal takes it out at once.
        await AsStaff<WithdrawCatalogueItem, int>(Head, async u => await u.ExecuteAsync(w.Centre, await VersionOf(w.Centre), "项目信息有误，撤回核实。"));
        Assert.Empty(await FoundAsync("养老服务中心"));
        Assert.DoesNotContain(w.Centre, (await SearchAsync(null)).Page.Items.Select(r => r.Id));
    }

    [ProviderFact]
    public async Task A_rebuild_gives_the_same_index()
    {
        var w = await WorldAsync();
        var before = await FoundAsync("养老", SearchSort.Date);
        var count = await InScopeAsync(sp => sp.GetRequiredService<CatalogueSearchIndexer>().RebuildAsync());
        Assert.Equal(4, count);
        Assert.Equal(before, await FoundAsync("养老", SearchSort.Date));
        Assert.Equal([w.Allowance], await FoundAsync("城乡低保"));
    }
}

public sealed class SqliteCatalogueSearchTests() : CatalogueSearchTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogueSearchTests() : CatalogueSearchTests(DatabaseProvider.Postgres);
