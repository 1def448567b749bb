using Gongkai.Data.Search;
using Xunit;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>How typed text becomes the two databases' full-text queries, and what the PostgreSQL index stores.</summary>
public sealed class SearchQueryTests
{
    [Fact]
    public void Words_become_phrases_for_fts5_and_pairs_for_postgresql()
    {
        var query = SearchQuery.Parse("养老服务中心，低保  教育 低保");
        Assert.Equal(["养老服务中心", "低保", "教育"], query.Words);
        Assert.Equal("\"养老 服务 中心\" AND \"低 保\" AND \"教育\"", query.ToFts5());
        Assert.Equal("'养老 服务' & '服务 中心' & '低 保' & '教育'", query.ToTsQuery());
        Assert.True(SearchQuery.Parse("！？…… ").IsEmpty);
        Assert.Equal(SearchQuery.MaxLength, SearchQuery.Parse(new string('养', 300)).Words.Single().Length);
    }

    [Fact]
    public void The_postgresql_vector_holds_tokens_with_positions_and_adjacent_pairs()
    {
        var vector = SearchIndex.PostgresTsVector(["养老", "服务", "中心"], ["低", "保", "养老"]);
        Assert.Contains("'养老':1A,7", vector, StringComparison.Ordinal);
        Assert.Contains("'养老 服务':1A", vector, StringComparison.Ordinal);
        Assert.Contains("'服务 中心':2A", vector, StringComparison.Ordinal);
        Assert.Contains("'低 保':5", vector, StringComparison.Ordinal);
        Assert.DoesNotContain("'中心 低'", vector, StringComparison.Ordinal);
    }
}
