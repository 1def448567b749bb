using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.Data.Search;
using Gongkai.UseCases;
using Gongkai.UseCases.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Benchmarks;

/// <summary>
/// The product's search as the portal's search page runs it: <see cref="SearchCatalogue"/> (the use case: the index's
/// query through <see cref="ISearchIndex"/>, then the page's rows with their agencies, highlighting and snippets) in
/// its own DI scope per query, like one web request, from the product's own service registration.
/// </summary>
public sealed class ProductSearchEngine(GongkaiDatabaseSettings settings) : ISearchEngine
{
    private readonly ServiceProvider _services = ProductServices.For(settings);

    public string Name => $"Gongkai {(settings.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} (SearchCatalogue)";

    public async Task<SearchPage> SearchAsync(string query, bool byDate)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SearchCatalogue>().ExecuteAsync(new CatalogueSearchRequest
        {
            Text = query,
            Sort = byDate ? SearchSort.Date : SearchSort.Relevance,
        });
        return new SearchPage([.. result.Page.Items.Select(r => (long)r.Id)], result.Page.Total);
    }


    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>The product's index query alone: <see cref="ISearchIndex.SearchAsync"/> (first page of 20) on a new context per query.</summary>
public sealed class ProductIndexEngine(GongkaiDatabaseSettings settings) : ISearchEngine
{
    private readonly ServiceProvider _services = ProductServices.For(settings);

    public string Name => $"Gongkai {(settings.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL")} (ISearchIndex only)";

    public async Task<SearchPage> SearchAsync(string query, bool byDate)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var hits = await SearchIndex.For(db).SearchAsync(new SearchFilter
        {
            Query = SearchQuery.Parse(query),
            Sort = byDate ? SearchSort.Date : SearchSort.Relevance,
        });
        return new SearchPage(hits.DocumentIds, hits.Total);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
