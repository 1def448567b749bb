using Gongkai.Core.Cases;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Cases;

public class DecisionCatalogTests
{
    [Fact]
    public void Every_decision_type_has_exactly_one_entry()
    {
        Assert.Equal(Enum.GetValues<DecisionType>().Order(), DecisionCatalog.All.Select(d => d.Type).Order());
    }

    [Fact]
    public void Every_result_row_of_table_three_is_reached_by_some_decision_and_every_decision_lands_in_a_result_row()
    {
        var resultRows = Table3Layout.Rows2021.Where(r => r.Role == Table3RowRole.Result).Select(r => r.Key).ToHashSet();
        var disclosure = DecisionCatalog.All.Where(d => d.AppliesTo == CaseType.InformationDisclosure).ToList();
        Assert.All(disclosure, d => Assert.Contains(d.ReportRow!, resultRows));
        Assert.Equal(resultRows.Order(), disclosure.Select(d => d.ReportRow!).Distinct().Order());
    }

    [Fact]
    public void Correction_requests_are_not_counted_in_table_three()
    {
        var correction = DecisionCatalog.For(CaseType.RecordCorrection).Where(d => d.Type != DecisionType.Other).ToList();
        Assert.Equal(3, correction.Count);
        Assert.All(correction, d => Assert.Null(d.ReportRow));
        Assert.DoesNotContain(DecisionCatalog.For(CaseType.InformationDisclosure), d => d.AppliesTo == CaseType.RecordCorrection);
    }

    [Fact]
    public void Separable_information_counts_only_as_partly_disclosed()
    {
        Assert.Equal("partially_granted", DecisionCatalog.Of(DecisionType.PartiallyDisclosed).ReportRow);
        Assert.Single(DecisionCatalog.All, d => d.ReportRow == "partially_granted");
    }
}
