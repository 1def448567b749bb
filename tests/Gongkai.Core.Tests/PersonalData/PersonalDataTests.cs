using Gongkai.Core.Common;
using Gongkai.Core.PersonalData;

namespace Gongkai.Core.Tests.PersonalData;

public class PersonalDataTests
{
    // A syntactically valid number made up for tests (check character computed by the rule), not a real person's.
    private const string ValidId = "11010519491231002X";

    [Fact]
    public void An_id_number_is_masked_to_its_first_and_last_four_characters()
    {
        Assert.Equal("1502**********1234", Masking.IdNumber("150203199001011234"));
        Assert.Equal("1101**********002X", ResidentIdNumber.Parse(ValidId).Masked);
        Assert.Equal("1101**********002X", ResidentIdNumber.Parse(ValidId).ToString());
    }

    [Fact]
    public void A_mobile_number_is_masked_to_its_first_three_and_last_four_digits()
    {
        Assert.Equal("138****5678", Masking.Phone("13812345678"));
        Assert.Equal(string.Empty, Masking.Phone(null));
        Assert.Equal("1**4", Masking.Phone("1234"));
    }

    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData(" 11010519491231002x ")]
    public void A_valid_id_number_passes_its_check_character(string text)
    {
        Assert.Equal(ValidId, ResidentIdNumber.Parse(text).Value);
    }

    [Theory]
    [InlineData("110105194912310021", "校验位不正确")]
    [InlineData("11010519491331002X", "出生日期无效")]
    [InlineData("1101051949123100", "应为 18 位")]
    [InlineData("1101051949123100AX", "应为数字")]
    public void An_invalid_id_number_is_refused_with_a_chinese_reason(string text, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => ResidentIdNumber.Parse(text));
        Assert.Equal(ResidentIdNumber.InvalidCode, ex.Code);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }
}
