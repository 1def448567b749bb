using Gongkai.Core.Agencies;
using Gongkai.Core.Publishing;

namespace Gongkai.Core.Tests.Publishing;

public class PersonalDataDetectorTests
{
    // Numbers made up for tests: check characters computed by the rules, not real people's or cards.
    private const string Id = "11010519491231002X";
    private const string Card = "6222021234567890128"; // 19 digits, passes Luhn

    private const string Filler = "关于进一步做好政府信息公开工作的通知各单位要认真落实主动公开目录依申请";

    [Theory]
    [InlineData("申请人张某，身份证号11010519491231002X，住址", Id)]
    [InlineData("身份证号：11010519491231002x。", Id)]
    [InlineData("身份证号 110105 19491231 002X 已核实", Id)]
    [InlineData("身份证号１１０１０５１９４９１２３１００２Ｘ", Id)]
    [InlineData("旧身份证号110105491231002，", "110105491231002")]
    public void An_id_number_with_a_valid_check_character_is_found(string text, string value)
    {
        var match = Assert.Single(PersonalDataDetector.Find(text));
        Assert.Equal(PersonalDataType.ResidentIdNumber, match.Type);
        Assert.Equal(value, match.Value);
        Assert.Equal(text.IndexOf(text.Substring(match.Start, match.Length), StringComparison.Ordinal), match.Start);
        Assert.True(char.IsDigit(text[match.Start]));
    }

    [Theory]
    [InlineData("联系电话13912345678。", "13912345678")]
    [InlineData("联系电话：139-1234-5678", "13912345678")]
    [InlineData("联系电话：139 1234 5678", "13912345678")]
    [InlineData("Tel: +86 13912345678", "13912345678")]
    [InlineData("+86-139-1234-5678", "13912345678")]
    [InlineData("电话：0472-1234567 13912345678", "13912345678")]
    [InlineData("13912345678,13812345678", "13912345678")]
    [InlineData("编号见附件。联系电话13912345678", "13912345678")]
    public void A_mobile_number_is_found(string text, string value)
    {
        var match = PersonalDataDetector.Find(text)[0];
        Assert.Equal(PersonalDataType.MobileNumber, match.Type);
        Assert.Equal(value, match.Value);
        Assert.Equal("139****5678", match.Masked);
    }

    [Fact]
    public void Two_mobile_numbers_separated_by_a_comma_are_both_found()
    {
        Assert.Equal(2, PersonalDataDetector.Find("13912345678,13812345678").Count);
    }

    [Theory]
    [InlineData("退款账户6222021234567890128（工商银行）")]
    [InlineData("退款账户 6222 0212 3456 7890 128")]
    [InlineData("退款账户 622202 1234567890128")]
    public void A_bank_card_number_passing_luhn_is_found(string text)
    {
        var match = Assert.Single(PersonalDataDetector.Find(text));
        Assert.Equal(PersonalDataType.BankCardNumber, match.Type);
        Assert.Equal(Card, match.Value);
        Assert.Equal("6222***********0128", match.Masked);
    }

    [Theory]
    [InlineData("内政发〔2024〕12号")]
    [InlineData("2024年1月1日至2024年12月31日，20240101—20241231")]
    [InlineData("办公电话：0472-1234567，传真：0472-7654321")]
    [InlineData("咨询电话（010）12345678、400-123-4567、12345")]
    [InlineData("预算金额13912345678元，增长13912345678.50万元")]
    [InlineData("合计1391234567800元，占比13912345678%")]
    [InlineData("统一社会信用代码：11441700007280420Y")]
    [InlineData("统一社会信用代码11341702486344515H，12620600MB0523338C")]
    [InlineData("索引号：11441700007280420Y/2021-00050")]
    [InlineData("身份证号110105194912310021（校验位错）")]
    [InlineData("编号011010519491231002X和110105194912310020123")]
    [InlineData("出生日期无效：110105194913310027")]
    [InlineData("订单号ABC13912345678，流水号13912345678ABC")]
    [InlineData("6222021234567890127（未通过 Luhn）")]
    [InlineData("2021 2022 2023 2024 年度数据")]
    [InlineData("项目编号 20231206000123456789")]
    [InlineData("版本 1.13912345678")]
    [InlineData("拟录用人员：张某，准考证号：14215010203，毕业院校")]
    [InlineData("项目编号13912345678")]
    public void Numbers_that_are_not_personal_data_are_not_flagged(string text)
    {
        var found = PersonalDataDetector.Find(text);
        Assert.True(found.Count == 0, string.Join("；", found.Select(f => $"{f.Type} {f.Value}")));
    }

    [Fact]
    public void An_all_digit_credit_code_is_skipped_only_when_labelled()
    {
        // An 18-digit value that passes both the credit code check and the id check.
        var both = Enumerable.Range(0, 1000).Select(n => "11010519491231" + n.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => s + CheckCharacter(s)).First(s => char.IsDigit(s[^1]) && CreditCode.TryParse(s, out _, out _));
        Assert.Empty(PersonalDataDetector.Find("统一社会信用代码：" + both));
        Assert.Single(PersonalDataDetector.Find("身份证号：" + both));
    }

    [Fact]
    public void Property_random_valid_id_numbers_in_random_text_are_always_found_where_they_are()
    {
        var random = new Random(11);
        for (var n = 0; n < 500; n++)
        {
            var id = RandomId(random);
            var written = random.Next(4) switch
            {
                0 => id,
                1 => id.ToLowerInvariant(),
                2 => $"{id[..6]} {id[6..14]} {id[14..]}",
                _ => new string(id.Select(c => c == 'X' ? 'Ｘ' : (char)(c - '0' + '０')).ToArray()),
            };
            var before = RandomText(random);
            var text = before + written + RandomText(random);

            var match = Assert.Single(PersonalDataDetector.Find(text));
            Assert.Equal((PersonalDataType.ResidentIdNumber, id, before.Length, written.Length), (match.Type, match.Value, match.Start, match.Length));
        }
    }

    [Fact]
    public void Property_seventeen_digits_with_a_wrong_check_character_are_never_an_id_number()
    {
        var random = new Random(12);
        for (var n = 0; n < 2000; n++)
        {
            var id = RandomId(random);
            var wrong = "0123456789X".Where(c => c != id[17]).ElementAt(random.Next(10));
            var text = RandomText(random) + id[..17] + wrong + RandomText(random);
            Assert.DoesNotContain(PersonalDataDetector.Find(text), m => m.Type == PersonalDataType.ResidentIdNumber);

            // Nor any run of 17 random digits and a character.
            var digits = new string(Enumerable.Range(0, 17).Select(_ => (char)('0' + random.Next(10))).ToArray());
            var check = CheckCharacter(digits);
            var other = "0123456789X".Where(c => c != check).ElementAt(random.Next(10));
            Assert.DoesNotContain(PersonalDataDetector.Find(RandomText(random) + digits + other + RandomText(random)), m => m.Type == PersonalDataType.ResidentIdNumber);
        }
    }

    [Fact]
    public void Property_a_valid_number_inside_a_longer_run_of_digits_is_never_found()
    {
        var random = new Random(13);
        for (var n = 0; n < 500; n++)
        {
            var value = random.Next(3) switch
            {
                0 => RandomId(random).Replace('X', '0'),
                1 => "1" + (char)('3' + random.Next(7)) + Digits(random, 9),
                _ => RandomCard(random),
            };
            var text = RandomText(random) + Digits(random, 1 + random.Next(3)) + value + Digits(random, random.Next(2)) + RandomText(random);
            var inside = PersonalDataDetector.Find(text).Where(m => m.Value == value).ToList();
            Assert.True(inside.Count == 0, text);
        }
    }

    [Fact]
    public void Property_random_mobile_and_card_numbers_are_found_and_a_wrong_luhn_digit_is_not_a_card()
    {
        var random = new Random(14);
        for (var n = 0; n < 500; n++)
        {
            var mobile = "1" + (char)('3' + random.Next(7)) + Digits(random, 9);
            var mobileText = RandomText(random) + (random.Next(2) == 0 ? mobile : $"{mobile[..3]}-{mobile[3..7]}-{mobile[7..]}") + RandomText(random);
            var found = Assert.Single(PersonalDataDetector.Find(mobileText));
            Assert.Equal((PersonalDataType.MobileNumber, mobile), (found.Type, found.Value));

            var card = RandomCard(random);
            var cardText = RandomText(random) + card + RandomText(random);
            var match = Assert.Single(PersonalDataDetector.Find(cardText), m => m.Type == PersonalDataType.BankCardNumber);
            Assert.Equal(card, match.Value);

            var broken = card[..^1] + (char)('0' + ((card[^1] - '0' + 1 + random.Next(9)) % 10));
            Assert.DoesNotContain(PersonalDataDetector.Find(RandomText(random) + broken + RandomText(random)), m => m.Type == PersonalDataType.BankCardNumber);
        }
    }

    [Theory]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    [InlineData("2111111111111117", false)] // starts with 2: not a card prefix
    [InlineData("411111111111111", false)]  // 15 digits
    public void Luhn_and_prefix_decide_a_bank_card(string value, bool expected)
    {
        Assert.Equal(expected, PersonalDataDetector.IsBankCardNumber(value));
    }

    internal static string RandomId(Random random)
    {
        string[] regions = ["110105", "310104", "150203", "440305", "510107", "650102", "820000", "320583"];
        var birth = new DateOnly(1930, 1, 1).AddDays(random.Next(365 * 90));
        var body = regions[random.Next(regions.Length)] + birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture) + Digits(random, 3);
        return body + CheckCharacter(body);
    }

    internal static string RandomCard(Random random)
    {
        var body = "62" + Digits(random, 13 + random.Next(4));
        for (var d = '0'; d <= '9'; d++)
        {
            if (PersonalDataDetector.IsBankCardNumber(body + d))
            {
                return body + d;
            }
        }

        throw new InvalidOperationException("Luhn always has a check digit.");
    }

    internal static string RandomText(Random random) =>
        new(Enumerable.Range(0, random.Next(0, 12)).Select(_ => Filler[random.Next(Filler.Length)]).ToArray());

    private static string Digits(Random random, int count) =>
        new(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))).ToArray());

    private static char CheckCharacter(string seventeen)
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = seventeen.Select((c, i) => (c - '0') * weights[i]).Sum();
        return "10X98765432"[sum % 11];
    }
}
