using Gongkai.Core.Calendar;
using Gongkai.Core.Common;

using Gongkai.TestSupport;

namespace Gongkai.Core.Tests.Calendar;

public class HolidayNoticeJsonTests
{
    [Fact]
    public void Every_shipped_year_parses_and_round_trips()
    {
        foreach (var year in Fixtures.OfficialYears())
        {
            var again = HolidayNoticeJson.Parse(HolidayNoticeJson.Write(year));
            Assert.Equal(year.Fingerprint(), again.Fingerprint());
            Assert.NotEmpty(year.Days);
        }
    }

    [Theory]
    [InlineData("not json", "不是有效的 JSON")]
    [InlineData("[]", "顶层应为对象")]
    [InlineData("{\"papers\":[],\"days\":[]}", "缺少年份")]
    [InlineData("{\"year\":2027,\"days\":[]}", "缺少 papers")]
    [InlineData("{\"year\":2027,\"papers\":[]}", "缺少 days")]
    [InlineData("{\"year\":2027,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2027-13-01\",\"isOffDay\":true}]}", "不是 YYYY-MM-DD")]
    [InlineData("{\"year\":2027,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2025-01-01\",\"isOffDay\":true}]}", "不属于 2027 年")]
    [InlineData("{\"year\":2027,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\"}]}", "缺少 isOffDay")]
    [InlineData("{\"year\":2027,\"papers\":[],\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true},{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}", "出现了两次")]
    [InlineData("{\"year\":3000,\"papers\":[],\"days\":[]}", "超出支持范围")]
    public void A_malformed_file_is_refused_with_a_chinese_message(string json, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => HolidayNoticeJson.Parse(json));
        Assert.Equal(HolidayNoticeJson.ErrorCode, ex.Code);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
