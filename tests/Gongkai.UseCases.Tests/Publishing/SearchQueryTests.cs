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
        Assert.Equal("('养老' <-> '服务' <-> '中心')", query.ToTsPhraseCheck());
        Assert.Null(SearchQuery.Parse("低保 教育").ToTsPhraseCheck());
        Assert.True(SearchQuery.Parse("！？…… ").IsEmpty);
        Assert.Equal(SearchQuery.MaxLength, SearchQuery.Parse(new string('养', 300)).Words.Single().Length);
    }

    [Fact]
    public void The_postgresql_vector_holds_tokens_with_positions_and_adjacent_pairs()
    {
        var vector = SearchIndex.PostgresTsVector(70_000, ["养老", "服务", "中心"], ["低", "保", "养老", "#12:0"]);
        Assert.Contains("'养老':1A,7", vector, StringComparison.Ordinal);
        Assert.Contains("'养老 服务':1A", vector, StringComparison.Ordinal);
        Assert.Contains("'服务 中心':2A", vector, StringComparison.Ordinal);
        Assert.Contains("'低 保':5", vector, StringComparison.Ordinal);
        Assert.DoesNotContain("'中心 低'", vector, StringComparison.Ordinal);

        // The id's blocks of 4,096, 65,536 and 1,048,576 ids; a word in the text that looks like a block is not indexed.
        Assert.EndsWith("'#12:17' '#16:1' '#20:0'", vector, StringComparison.Ordinal);
        Assert.DoesNotContain("'#12:0'", vector, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4096, "#12:0")]
    [InlineData(4096, 12288, "#12:1 #12:2")]
    [InlineData(0, 65536, "#16:0")]
    [InlineData(61440, 135168, "#12:15 #16:1 #12:32")]
    [InlineData(0, 1118208, "#20:0 #16:16 #12:272")]
    [InlineData(8192, 8192, "")]
    public void Id_windows_are_covered_by_the_fewest_aligned_blocks(long start, long end, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchIndex.PostgresIdWindow(start, end)));
    }

    [Fact]
    public void An_unaligned_id_window_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchIndex.PostgresIdWindow(100, 4096));
    }
}
