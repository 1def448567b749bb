using Gongkai.Core.Reports.Import;

namespace Gongkai.Core.Tests.Reports;

public class LabelMatcherTests
{
    private const string NoCorrection = "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请";

    [Theory]
    [InlineData("六其他处理1申请人无正当理由逾期不补正", NoCorrection, true)]
    [InlineData("1申请人无正当理由逾期不补正行政机关不再", NoCorrection, true)]
    [InlineData("行政机关不再处理其政府信息公开申请", NoCorrection, false)]
    [InlineData("2申请人逾期未按收费通知要求缴纳费", NoCorrection, false)]
    [InlineData("1申请人无正当理由逾期不", NoCorrection, true)]
    [InlineData("2申请人逾期未按收费通知要", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", true)]
    [InlineData("2申请人逾期未按", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", false)]
    [InlineData("4保护第三方合法权", "保护第三方合法权益", true)]
    [InlineData("4保护第叁方合法权益", "保护第三方合法权益", true)]
    [InlineData("2其他法律行政法规禁止公开", "3其他", false)]
    [InlineData("六其他处理3其他", "3其他", true)]
    [InlineData("自然人法人或其他组织总计", "总计", true)]
    [InlineData("予以公幵", "予以公开", true)]
    [InlineData("部分公开", "予以公开", false)]
    public void A_line_matches_a_row_signature_with_tolerance_for_typos_and_wrapping(string line, string signature, bool matches)
    {
        Assert.Equal(matches, LabelMatcher.Score(line, signature) >= LabelMatcher.Threshold);
    }

    [Fact]
    public void Prose_matches_only_when_it_contains_the_signature_verbatim()
    {
        const string Prose = "本年度共办理各类申请并全部按时答复其中部分涉及保护第三方的合法权利的情形已依法征求第三方意见并作出答复";

        Assert.Equal(0, LabelMatcher.Score(Prose, "保护第三方合法权益"));
    }

    [Fact]
    public void Alignment_keeps_the_printed_order_so_a_header_cannot_take_the_total_row()
    {
        var lines = new[] { "自然人法人或其他组织总计", "一本年新收政府信息公开申请数量", "七总计" };
        var rows = new[] { new RowLabel("new_received", "本年新收政府信息公开申请数量"), new RowLabel("total_processed", "总计") };

        var alignment = LabelMatcher.Align(lines, rows);

        Assert.Equal(1, alignment[0]!.Value.Line);
        Assert.Equal(2, alignment[1]!.Value.Line);
    }
}
