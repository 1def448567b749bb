using Gongkai.Core.Publishing;
using Gongkai.Data.Configuration;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Reports;

/// <summary>
/// The narrative's figures come from the catalogue once the report's agencies have items first published in the year
/// (over the report's scope, by the key-area terms' figure codes), and from the entered figures otherwise; new-media
/// figures always from the entered ones.
/// </summary>
public abstract class CatalogueNarrativeFiguresTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Education = "包头市昆都仑区教育局";

    [ProviderFact]
    public async Task Figures_fall_back_to_the_entered_ones_until_the_catalogue_has_items_first_published_in_the_year()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var education = await AgencyIdAsync(Education);
        await UseCase<SaveReportFigures, int>(u => u.ExecuteAsync(district, 2024, new ReportFiguresInput { ItemsPublished = "3918", KeyAreaItems = "293", PolicyInterpretations = "30", NewMediaAccounts = "43" }, 0));

        var entered = await FiguresAsync(district);
        Assert.False(entered.FromCatalogue);
        Assert.Equal((3918L, 293L, 30L, 43L), (entered.ItemsPublished!.Value, entered.KeyAreaItems!.Value, entered.PolicyInterpretations!.Value, entered.NewMediaAccounts!.Value));
        Assert.All(NarrativeFigures.KeyAreaFigureCodes, c => Assert.Null(entered.KeyAreaFigure(c.Code)));

        // Items of other years, unpublished items and items of agencies outside the scope do not switch the source.
        var terms = await QueryAsync(db => db.CatalogueTerms.Where(t => t.Kind == CatalogueTermKind.KeyArea).ToDictionaryAsync(t => t.Name, t => t.Id));
        await AddAsync(education, new DateOnly(2023, 12, 28), ItemKind.Information, terms["养老服务"]);
        await AddAsync(education, null, ItemKind.Information, terms["义务教育"]);
        Assert.False((await FiguresAsync(district)).FromCatalogue);

        // Items first published in 2024 in the district's subtree: counted from the catalogue, sub-figures by figure code.
        var document = await AddAsync(education, new DateOnly(2024, 3, 5), ItemKind.Information, terms["政策文件"]);
        var reading = await AddAsync(education, new DateOnly(2024, 3, 6), ItemKind.Interpretation);
        await AddAsync(education, new DateOnly(2024, 5, 6), ItemKind.Information, terms["义务教育"]);
        await AddAsync(district, new DateOnly(2024, 12, 31), ItemKind.Information, terms["财政预决算"], terms["养老服务"]);
        await AddAsync(district, new DateOnly(2024, 1, 2), ItemKind.Information);
        await InScopeAsync(async sp =>
        {
            var db = sp.GetService(typeof(Data.GongkaiDbContext)) as Data.GongkaiDbContext ?? throw new InvalidOperationException();
            db.CatalogueLinks.Add(new CatalogueLinkRecord { InterpretationId = reading, DocumentId = document });
            return await db.SaveChangesAsync();
        });

        var counted = await FiguresAsync(district);
        Assert.True(counted.FromCatalogue);
        Assert.Equal((5L, 3L, 1L, 43L), (counted.ItemsPublished!.Value, counted.KeyAreaItems!.Value, counted.PolicyInterpretations!.Value, counted.NewMediaAccounts!.Value));
        Assert.Equal((1L, 0L, 1L, 0L, 1L), (counted.PolicyDocuments!.Value, counted.ProposalReplies!.Value, counted.CompulsoryEducation!.Value, counted.EmploymentStabilisation!.Value, counted.ElderlyCare!.Value));
        var draft = ReportDrafts.Sections(await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(district, 2024)))["一"];
        Assert.Contains("主动公开政府信息5条，其中重点领域信息3条（政策文件1条、义务教育1条、养老服务1条）；发布政策解读1篇", draft, StringComparison.Ordinal);

        // The per-agency variant: each agency's own items.
        var civilAffairs = await AgencyIdAsync("包头市昆都仑区民政局");
        var byAgency = await UseCase<ReportComputation, IReadOnlyDictionary<int, CatalogueYearFigures>>(u => u.CatalogueFiguresByAgencyAsync([district, education, civilAffairs], 2024));
        Assert.Equal(2, byAgency.Count);
        Assert.Equal((3L, 2L, 1L), (byAgency[education].ItemsPublished, byAgency[education].KeyAreaItems, byAgency[education].Interpretations));
        Assert.Equal((2L, 1L, 0L, 1L), (byAgency[district].ItemsPublished, byAgency[district].KeyAreaItems, byAgency[district].Interpretations, byAgency[district].ByFigure["elderly_care"]));

        // 2025 has none: the entered figures (none entered here).
        Assert.Null((await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(district, 2025))).Figures.ItemsPublished);
    }

    private async Task<NarrativeFigures> FiguresAsync(int agencyId) =>
        (await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(agencyId, 2024))).Figures;

    private static int _serial;

    private Task<int> AddAsync(int agencyId, DateOnly? published, ItemKind kind, params int[] terms) => InScopeAsync(async sp =>
    {
        var db = sp.GetService(typeof(Data.GongkaiDbContext)) as Data.GongkaiDbContext ?? throw new InvalidOperationException();
        var serial = Interlocked.Increment(ref _serial);
        var at = published is { } p ? new DateTimeOffset(p.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero) : (DateTimeOffset?)null;
        var item = new CatalogueItemRecord
        {
            AgencyId = agencyId,
            Kind = kind,
            Stage = published is null ? ItemStage.Draft : ItemStage.Published,
            PublishedRevision = published is null ? 0 : 1,
            IndexNumber = published is null ? null : $"TEST/{serial}",
            Title = "测试信息",
            Formed = published ?? new DateOnly(2024, 6, 3),
            DueOn = published ?? new DateOnly(2024, 7, 1),
            FirstPublishedAt = at,
            FirstPublishedOn = published,
            LastPublishedAt = at,
            CreatedAt = at ?? new DateTimeOffset(2024, 6, 3, 1, 0, 0, TimeSpan.Zero),
            UpdatedAt = at ?? new DateTimeOffset(2024, 6, 3, 1, 0, 0, TimeSpan.Zero),
        };
        db.CatalogueItems.Add(item);
        await db.SaveChangesAsync();
        foreach (var term in terms)
        {
            db.CatalogueItemTags.Add(new CatalogueItemTagRecord { ItemId = item.Id, TermId = term });
        }

        await db.SaveChangesAsync();
        return item.Id;
    });
}

public sealed class SqliteCatalogueNarrativeFiguresTests() : CatalogueNarrativeFiguresTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogueNarrativeFiguresTests() : CatalogueNarrativeFiguresTests(DatabaseProvider.Postgres);
