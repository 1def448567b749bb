using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class LinkExtractorTests
{
    [Fact]
    public void Href_and_src_values_and_bare_urls_are_found_with_their_offsets()
    {
        const string html = """<p>详见<a href="https://www.gov.cn/zhengce/a.html?x=1&amp;y=2">通知</a>，附件<img src='http://example.cn/1.png'>，原文 https://example.org/b.pdf。</p>""";

        var links = LinkExtractor.Extract(html);

        Assert.Equal(3, links.Count);
        Assert.Equal("https://www.gov.cn/zhengce/a.html?x=1&y=2", links[0].Url.ToString());
        Assert.Equal("https://www.gov.cn/zhengce/a.html?x=1&amp;y=2", html.Substring(links[0].Start, links[0].Length));
        Assert.Equal("http://example.cn/1.png", html.Substring(links[1].Start, links[1].Length));
        Assert.Equal("https://example.org/b.pdf", html.Substring(links[2].Start, links[2].Length));
    }

    [Theory]
    [InlineData("见 https://example.org/a.html.", "https://example.org/a.html")]
    [InlineData("（https://example.org/a）", "https://example.org/a")]
    [InlineData("网址：http://example.org/a，电话", "http://example.org/a")]
    [InlineData("(see https://example.org/a?b=c)", "https://example.org/a?b=c")]
    [InlineData("请访问https://www.gov.cn查询", "https://www.gov.cn")]
    [InlineData("详见http://example.org/a%E6%94%BF.html等文件", "http://example.org/a%E6%94%BF.html")]
    public void A_bare_url_ends_before_punctuation(string text, string url)
    {
        var link = Assert.Single(LinkExtractor.Extract(text));
        Assert.Equal(url, link.Text);
    }

    [Fact]
    public void Relative_links_are_resolved_against_a_base_address_or_left_out()
    {
        const string html = """<a href="/xxgk/1.html">一</a><a href=2.html>二</a><a href="#top">顶部</a><a href="mailto:a@b.cn">信</a><a href="javascript:void(0)">空</a>""";

        Assert.Empty(LinkExtractor.Extract(html));

        var links = LinkExtractor.Extract(html, new Uri("https://www.example.gov.cn/xxgk/index.html"));
        Assert.Equal(["https://www.example.gov.cn/xxgk/1.html", "https://www.example.gov.cn/xxgk/2.html"], links.Select(l => l.Url.ToString()).ToArray());
    }

    [Fact]
    public void A_url_in_another_attribute_of_a_tag_is_not_a_bare_link()
    {
        var link = Assert.Single(LinkExtractor.Extract("""<a href="https://a.example/" title="https://b.example/">链接</a>"""));
        Assert.Equal("https://a.example/", link.Url.ToString());
    }
}
