using System.Text.Json;
using Gongkai.Core.Common;
using Gongkai.Core.Fees;

namespace Gongkai.Core.Tests.Fees;

/// <summary>Every vector of data/vectors/fees.json.</summary>
public class InformationFeeTests
{
    private static IEnumerable<JsonElement> Vectors(string name)
    {
        using var doc = JsonDocument.Parse(Fixtures.Read("vectors/fees.json"));
        return doc.RootElement.GetProperty(name).EnumerateArray().Select(e => e.Clone()).ToList();
    }

    [Fact]
    public void Every_per_item_vector_holds()
    {
        var vectors = Vectors("per_item").ToList();
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.Equal(v.GetProperty("fee_yuan").GetInt64(), InformationFee.PerItem(v.GetProperty("nth_application_in_month").GetInt32())));
    }

    [Fact]
    public void Every_month_total_vector_holds()
    {
        var vectors = Vectors("per_item_month_total").ToList();
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.Equal(v.GetProperty("total_yuan").GetInt64(), InformationFee.PerItemMonthTotal(v.GetProperty("applications_in_month").GetInt32())));
    }

    [Fact]
    public void Every_per_page_vector_holds()
    {
        var vectors = Vectors("per_page").ToList();
        Assert.NotEmpty(vectors);
        Assert.All(vectors, v => Assert.Equal(v.GetProperty("fee_yuan").GetInt64(), InformationFee.PerPage(v.GetProperty("pages").GetInt32())));
    }

    [Fact]
    public void The_worked_examples_of_the_procedure_hold()
    {
        Assert.Equal(4_700, InformationFee.PerPage(250));
        Assert.Equal(200, InformationFee.PerItem(35));
    }

    [Fact]
    public void Negative_or_zero_inputs_are_refused_in_chinese()
    {
        Assert.Contains("从 1 开始", Assert.Throws<DomainException>(() => InformationFee.PerItem(0)).Message, StringComparison.Ordinal);
        Assert.Contains("负数", Assert.Throws<DomainException>(() => InformationFee.PerPage(-1)).Message, StringComparison.Ordinal);
        Assert.Equal(0, InformationFee.PerPage(0));
    }

    [Fact]
    public void A_local_schedule_changes_the_bands()
    {
        var local = new FeeSchedule { FreeApplicationsPerMonth = 5 };
        Assert.Equal(100, InformationFee.PerItem(6, local));
    }
}
