using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Similarity;

namespace Gongkai.Core.Tests.Reports;

public class TextSimilarityTests
{
    private static readonly AnnualReport Kundulun = TextReportImporter.Import(Fixtures.Read("seeds/kundulun-2024-scraped.txt")).Report;

    [Fact]
    public void A_text_compared_with_itself_is_entirely_similar_in_one_passage()
    {
        var text = Kundulun.Sections["五"];

        var result = TextSimilarity.Compare(text, text);

        Assert.Equal(100, result.Percent);
        var passage = Assert.Single(result.Passages);
        Assert.StartsWith("一)存在问题", passage.Text, StringComparison.Ordinal);
        Assert.Equal(passage.Start, passage.OtherStart);
    }

    [Fact]
    public void Updated_years_and_figures_do_not_hide_a_copied_paragraph()
    {
        const string ThisYear = "2024年，本局新收到政府信息公开申请109件，均已按照条例规定的期限和程序完成答复，未发生行政复议和行政诉讼。";
        const string LastYear = "2023年，本局新收到政府信息公开申请85件，均已按照条例规定的期限和程序完成答复，未发生行政复议和行政诉讼。";

        Assert.Equal(100, TextSimilarity.Compare(ThisYear, LastYear).Percent);
    }

    [Fact]
    public void Traditional_characters_and_pinyin_junk_are_compared_after_normalisation()
    {
        const string Mirror = "加強監督，對未能在規定時間內發(fā)布信息的部門進行通報，督促各部門提高信息公開效率。";
        const string Original = "加强监督，对未能在规定时间内发布信息的部门进行通报，督促各部门提高信息公开效率。";

        Assert.Equal(100, TextSimilarity.Compare(Mirror, Original).Percent);
    }

    [Fact]
    public void Unrelated_narratives_share_little()
    {
        var result = TextSimilarity.Compare(Kundulun.Sections["一"], Kundulun.Sections["五"]);

        Assert.True(result.Percent < 15, $"similarity {result.Percent}%");
    }

    [Fact]
    public void A_partly_copied_section_reports_the_share_and_the_copied_passage()
    {
        const string Copied = "建立健全监督机制，将政府信息公开纳入年度目标绩效考核";
        var underReview = "今年我们重点做了三件事情：一是培训，二是检查，三是整改。" + Copied + "。";
        var other = "去年的情况完全不同。" + Copied + "，并开展了专项检查。";

        var result = TextSimilarity.Compare(underReview, other);

        var passage = Assert.Single(result.Passages);
        Assert.Equal(Copied, passage.Text);
        Assert.Equal(other.IndexOf(Copied, StringComparison.Ordinal), passage.OtherStart);
        Assert.Equal(Math.Round(100.0 * Copied.Count(TextNormalizer.IsIdeograph) / result.ComparedCharacters, MidpointRounding.AwayFromZero), result.Percent);
        Assert.InRange(result.Percent, 40, 60);
    }

    [Fact]
    public void Texts_shorter_than_a_shingle_are_not_similar()
    {
        Assert.Equal(0, TextSimilarity.Compare("无。", "无。").Percent);
    }

    [Fact]
    public void Report_similarity_compares_each_section_present_in_both()
    {
        var other = new AnnualReport("某局", 2024, ReportFormat.V2021);
        other.Sections["五"] = Kundulun.Sections["五"];
        other.Sections["六"] = "本年度未收取任何信息处理费用，也没有其他需要报告的事项。";

        var result = ReportSimilarity.Compare(Kundulun, other);

        Assert.Equal(["五", "六"], result.Select(r => r.Section).ToArray());
        Assert.Equal(100, result[0].Result.Percent);
        Assert.True(result[1].Result.Percent < 50);
    }
}
