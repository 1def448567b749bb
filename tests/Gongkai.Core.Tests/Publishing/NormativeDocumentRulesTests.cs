using Gongkai.Core.Publishing;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Publishing;

public sealed class NormativeDocumentRulesTests
{
    private static RegisteredDocument Doc(DateOnly issued, DateOnly? repealed = null, DateOnly? expires = null, NormativeDocumentKind kind = NormativeDocumentKind.NormativeDocument) => new(kind, issued, repealed, expires);

    [Fact]
    public void A_document_is_in_force_from_its_issue_until_the_day_before_its_repeal_and_through_the_last_day_of_its_term()
    {
        var d = Doc(new DateOnly(2024, 3, 1), repealed: new DateOnly(2025, 6, 1));
        Assert.False(NormativeDocumentRules.InForceOn(d, new DateOnly(2024, 2, 29)));
        Assert.True(NormativeDocumentRules.InForceOn(d, new DateOnly(2024, 3, 1)));
        Assert.True(NormativeDocumentRules.InForceOn(d, new DateOnly(2025, 5, 31)));
        Assert.False(NormativeDocumentRules.InForceOn(d, new DateOnly(2025, 6, 1)));
        var term = Doc(new DateOnly(2020, 1, 1), expires: new DateOnly(2024, 12, 31));
        Assert.True(NormativeDocumentRules.InForceOn(term, new DateOnly(2024, 12, 31)));
        Assert.False(NormativeDocumentRules.InForceOn(term, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Table_2_counts_issued_and_repealed_in_the_year_and_in_force_on_31_December_and_an_expiry_is_not_a_repeal()
    {
        var docs = new[]
        {
            Doc(new DateOnly(2021, 3, 15), repealed: new DateOnly(2024, 6, 20)),
            Doc(new DateOnly(2022, 5, 26)),
            Doc(new DateOnly(2019, 5, 26), expires: new DateOnly(2024, 5, 25)),
            Doc(new DateOnly(2024, 6, 20)),
            Doc(new DateOnly(2024, 12, 31)),
            Doc(new DateOnly(2025, 1, 2)),
            Doc(new DateOnly(2024, 2, 1), kind: NormativeDocumentKind.Regulation),
        };
        Assert.Equal(new DocumentCounts(2, 1, 3), NormativeDocumentRules.Count(docs, NormativeDocumentKind.NormativeDocument, 2024));
        Assert.Equal(new DocumentCounts(1, 0, 1), NormativeDocumentRules.Count(docs, NormativeDocumentKind.Regulation, 2024));

        // The expiry makes W2's chain break legitimately: 2023 had 3 in force, 2024 issued 2 and repealed 1, yet 3 are in force.
        var before = NormativeDocumentRules.Count(docs, NormativeDocumentKind.NormativeDocument, 2023);
        Assert.Equal(3, before.InForce);
    }

    [Fact]
    public void On_random_registers_in_force_chains_across_years_when_nothing_expires()
    {
        var random = new Random(7);
        for (var run = 0; run < 200; run++)
        {
            var docs = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var issued = new DateOnly(2018, 1, 1).AddDays(random.Next(0, 2900));
                DateOnly? repealed = random.Next(3) == 0 ? issued.AddDays(random.Next(1, 1500)) : null;
                return Doc(issued, repealed);
            }).ToList();
            for (var year = 2019; year <= 2025; year++)
            {
                var last = NormativeDocumentRules.Count(docs, NormativeDocumentKind.NormativeDocument, year - 1);
                var now = NormativeDocumentRules.Count(docs, NormativeDocumentKind.NormativeDocument, year);
                Assert.Equal(last.InForce + now.Issued - now.Repealed, now.InForce);
            }
        }
    }
}
