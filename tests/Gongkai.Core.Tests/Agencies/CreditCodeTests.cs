using Gongkai.Core.Agencies;
using Gongkai.Core.Common;

namespace Gongkai.Core.Tests.Agencies;

public class CreditCodeTests
{
    [Theory]
    [InlineData("11441700007280420Y")]
    [InlineData("12620600MB0523338C")]
    [InlineData("11341702486344515H")]
    [InlineData(" 11441700007280420y ")]
    public void Real_codes_pass_the_check_character(string text)
    {
        Assert.Equal(text.Trim().ToUpperInvariant(), CreditCode.Parse(text).Value);
    }

    [Theory]
    [InlineData("11441700007280420X", "校验位不正确")]
    [InlineData("1144170000728042", "应为 18 位")]
    [InlineData("11441700007280420I", "不是有效字符")]
    [InlineData("", "应为 18 位")]
    [InlineData(null, "应为 18 位")]
    public void Bad_codes_are_refused_with_a_chinese_reason(string? text, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => CreditCode.Parse(text));
        Assert.Equal(CreditCode.InvalidCode, ex.Code);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_code_is_detected()
    {
        const string valid = "11441700007280420Y";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var i = 0; i < 18; i++)
        {
            foreach (var c in alphabet.Where(c => c != valid[i]))
            {
                var changed = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                Assert.False(CreditCode.TryParse(changed, out _, out _), changed);
            }
        }
    }
}
