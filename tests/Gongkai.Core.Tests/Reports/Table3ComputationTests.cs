using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

public sealed class Table3ComputationTests
{
    private static readonly DateOnly Dec31 = new(2024, 12, 31);

    [Fact]
    public void A_case_is_processed_in_the_year_its_reply_is_served_and_carried_otherwise()
    {
        Table3Case[] cases =
        [
            new(0, new DateOnly(2023, 12, 20), new DateOnly(2024, 1, 8), "granted"),          // carried over, processed
            new(0, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 20), "unavailable_not_held"),
            new(1, new DateOnly(2024, 5, 6), Dec31, "withheld_third_party_rights"),           // served on 31 December: processed
            new(0, new DateOnly(2024, 12, 18), new DateOnly(2025, 1, 2), "granted"),          // carried forward
            new(5, new DateOnly(2024, 12, 30), null, null),                                   // open at year end
            new(0, new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 20), "granted"),           // another year
        ];

        var t = Table3Computation.Compute(cases, 2024);

        Assert.Equal([2L, 1, 0, 0, 0, 1, 4], t["new_received"]);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 1], t["carried_over"]);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 1], t["granted"]);
        Assert.Equal([0L, 1, 0, 0, 0, 0, 1], t["withheld_third_party_rights"]);
        Assert.Equal([1L, 0, 0, 0, 0, 0, 1], t["unavailable_not_held"]);
        Assert.Equal([2L, 1, 0, 0, 0, 0, 3], t["total_processed"]);
        Assert.Equal([1L, 0, 0, 0, 0, 1, 2], t["carried_forward"]);
        Assert.All(t.Rows, r => Assert.All(t[r.Key], cell => Assert.NotNull(cell)));
        Assert.True(Table3Computation.Compute([], 2024)["total_processed"].All(v => v == 0));

        // 新收 + 上年结转 = 办理 + 结转 holds by construction.
        for (var col = 0; col < 7; col++)
        {
            Assert.Equal(t["new_received"][col] + t["carried_over"][col], t["total_processed"][col] + t["carried_forward"][col]);
        }
    }

    [Fact]
    public void A_column_outside_the_six_applicant_columns_or_a_served_case_without_a_row_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Table3Computation.Compute([new(6, Dec31, null, "granted")], 2024));
        Assert.Throws<ArgumentException>(() => Table3Computation.Compute([new(0, Dec31, Dec31, null)], 2024));
    }
}
