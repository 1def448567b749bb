using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Configuration;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Demo;

/// <summary>
/// The demo catalogue (<see cref="DemoCatalogue"/>): its 2024 gives the sample report's narrative figures through the
/// report computation, every item went through 三审三校 with three different reviewers, 索引号 follow the agencies'
/// pattern, a few units published late, and the current year (the test clock's 2026-11-27) is in progress with overdue
/// and due-soon items.
/// </summary>
public abstract class DemoCatalogueTests(DatabaseProvider provider) : DemoWorld(provider)
{
    protected override bool DemoApplications => true;

    protected override bool DemoHistory => true;

    // Loading the past years takes seconds, so one fact checks several things of one load.
    [ProviderFact]
    public async Task The_demo_catalogue_gives_the_sample_figures_follows_the_review_and_numbering_rules_and_the_current_year_is_in_progress()
    {
        await The_2024_catalogue_gives_the_sample_reports_figures_through_the_report_computation();
        await Every_item_was_reviewed_by_three_different_people_on_the_official_deadline();
        await Index_numbers_are_unique_per_agency_and_follow_the_agencys_pattern();
        await The_current_year_has_overdue_due_soon_and_recently_late_items();
    }

    private async Task The_2024_catalogue_gives_the_sample_reports_figures_through_the_report_computation()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var computed = await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(district, 2024));
        var f = computed.Figures;
        Assert.True(f.FromCatalogue);
        Assert.Equal((3918L, 293L, 30L, 43L), (f.ItemsPublished!.Value, f.KeyAreaItems!.Value, f.PolicyInterpretations!.Value, f.NewMediaAccounts!.Value));
        Assert.Equal(DemoCatalogue.FigureCounts2024, NarrativeFigures.KeyAreaFigureCodes.ToDictionary(c => c.Code, c => f.KeyAreaFigure(c.Code)!.Value));

        // The published 2024 report quotes them, sub-figures included.
        var content = await QueryAsync(db => db.AnnualReports.Where(r => r.AgencyId == district && r.Year == 2024).Select(r => r.Content).SingleAsync());
        Assert.Contains("主动公开政府信息3918条，其中重点领域信息293条（政策文件31条、建议提案办理27条、义务教育4条、稳岗就业9条、养老服务16条）；发布政策解读30篇", Core.Reports.ReportJson.Read(content).Sections["一"], StringComparison.Ordinal);

        // 2025 has no catalogue items: the entered figures, without sub-figures.
        var y2025 = (await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(district, 2025))).Figures;
        Assert.False(y2025.FromCatalogue);
        Assert.Equal((4102L, 318L, 33L), (y2025.ItemsPublished!.Value, y2025.KeyAreaItems!.Value, y2025.PolicyInterpretations!.Value));
        Assert.Null(y2025.PolicyDocuments);

        // Each interpretation is linked to a 政策文件 of the same unit; the register's 2024 documents are linked from their items.
        var items = await QueryAsync(db => db.CatalogueItems.AsNoTracking().Where(i => i.FirstPublishedOn!.Value.Year == 2024).ToDictionaryAsync(i => i.Id));
        var tags = await QueryAsync(db => (from t in db.CatalogueItemTags join term in db.CatalogueTerms on t.TermId equals term.Id select new { t.ItemId, term.Name }).ToListAsync());
        var links = await QueryAsync(db => db.CatalogueLinks.AsNoTracking().ToListAsync());
        var policy = tags.Where(t => t.Name == "政策文件").Select(t => t.ItemId).ToHashSet();
        var linked2024 = links.Where(l => items.ContainsKey(l.InterpretationId)).ToList();
        Assert.Equal(30, linked2024.Count);
        Assert.All(linked2024, l => Assert.True(items[l.InterpretationId].Kind == ItemKind.Interpretation && policy.Contains(l.DocumentId) && items[l.DocumentId].AgencyId == items[l.InterpretationId].AgencyId));
        Assert.Equal(30, linked2024.Select(l => l.DocumentId).Distinct().Count());
        Assert.DoesNotContain(tags, t => items.TryGetValue(t.ItemId, out var i) && i.Kind == ItemKind.Interpretation);
        Assert.Equal(293, tags.Count(t => items.ContainsKey(t.ItemId)));
        var register = await QueryAsync(db => db.NormativeDocuments.AsNoTracking().Where(d => d.Issued.Year == 2024).ToListAsync());
        Assert.Equal(4, register.Count);
        Assert.All(register, d => Assert.Single(items.Values, i => i.NormativeDocumentId == d.Id && i.DocumentNumber == d.DocumentNumber && i.Validity == "有效"));

        // Late publications: a few per cent, most by three units.
        var late = items.Values.Where(i => i.Revision == 1 && i.FirstPublishedOn > i.DueOn).ToList();
        Assert.InRange(late.Count, 3918 * 2 / 100, 3918 * 4 / 100);
        var names = await QueryAsync(db => db.Agencies.ToDictionaryAsync(a => a.Id, a => a.ShortName));
        Assert.Equal(["区住建局", "昆河镇", "沼潭街道"], late.GroupBy(i => i.AgencyId).OrderByDescending(g => g.Count()).Take(3).Select(g => names[g.Key]).Order(StringComparer.Ordinal));

        // A few revised with a note, two withdrawn with a reason; 主动公开 and 法定主动公开内容 mostly, with items of 第二十条 or 第二十一条.
        var revised = await QueryAsync(db => db.CatalogueRevisions.AsNoTracking().Where(r => r.Revision == 2).ToListAsync());
        Assert.InRange(revised.Count, 3, 20);
        Assert.All(revised, r => Assert.NotEmpty(r.ChangeNote));
        var withdrawn = items.Values.Where(i => i.Stage == ItemStage.Withdrawn).ToList();
        Assert.Equal(2, withdrawn.Count);
        Assert.All(withdrawn, i => Assert.False(string.IsNullOrEmpty(i.WithdrawReason)));
        Assert.All(items.Values, i => Assert.Equal(DisclosureAttribute.Proactive, i.Attribute));
        var statutory = items.Values.Where(i => i.Directory == ColumnDirectory.Statutory).ToList();
        Assert.True(statutory.Count > 3800);
        Assert.All(statutory, i => Assert.True(i.Article20Item is >= 1 and <= 15 || (i.Article21Item is { } a && (CatalogueNames.Article21County.Contains(a) || CatalogueNames.Article21Township.Contains(a))), i.Title));
        Assert.Contains(statutory, i => i.Article21Item is not null);
        var topics = await QueryAsync(db => db.CatalogueTerms.Where(t => t.Kind == CatalogueTermKind.Topic).Select(t => t.Name).ToListAsync());
        Assert.All(items.Values, i => Assert.Contains(i.Topic, topics));
        Assert.DoesNotContain(items.Values, i => i.Title.Contains('{', StringComparison.Ordinal) || i.Summary.Contains('{', StringComparison.Ordinal) || i.Body.Contains('{', StringComparison.Ordinal));
        Assert.All(items.Values.Where(i => i.DocumentNumber is not null), i => Assert.Equal("有效", i.Validity));
    }

    private async Task Every_item_was_reviewed_by_three_different_people_on_the_official_deadline()
    {
        var calendar = Fixtures.OfficialCalendar();
        var items = await QueryAsync(db => db.CatalogueItems.AsNoTracking().ToListAsync());
        var events = (await QueryAsync(db => db.CatalogueItemEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync())).ToLookup(e => e.ItemId);
        var revisions = (await QueryAsync(db => db.CatalogueRevisions.AsNoTracking().ToListAsync())).ToLookup(r => r.ItemId);
        var accounts = DemoAccounts.All.Select(a => a.DisplayName).ToHashSet();
        foreach (var item in items)
        {
            var history = events[item.Id].ToList();
            Assert.Equal("created", history[0].Kind);
            Assert.Equal(item.Version, history.Count);
            Assert.Equal(history.Select(e => e.At).Order(), history.Select(e => e.At));
            Assert.All(history, e => Assert.Contains(e.Actor, accounts));
            Assert.Equal(calendar.AddWorkingDays(item.Changed ?? item.Formed, PublicationTimeliness.StatutoryWorkingDays).Date, item.DueOn);
            for (var revision = 1; revision <= item.Revision; revision++)
            {
                // The reviews of the current submission (since the last time it was submitted): each by another person.
                var cycle = history.Where(e => e.Revision == revision).ToList();
                var submitted = cycle.FindLastIndex(e => e.Kind == "submitted");
                var reviews = cycle.Skip(submitted + 1).Where(e => e.Kind == "approved" && ReviewWorkflow.IsReview(e.Stage)).ToList();
                Assert.Equal(reviews.Count, reviews.Select(e => e.ActorUserId).Distinct().Count());
                if (revision <= item.PublishedRevision)
                {
                    Assert.Equal([ItemStage.FirstReview, ItemStage.SecondReview, ItemStage.FinalReview], reviews.Select(e => e.Stage));
                    Assert.Equal([1, 2, 3], cycle.Where(e => e.Stage == ItemStage.Proofreading && e.Kind == "approved").Select(e => e.Round!.Value));
                    var published = cycle.Single(e => e.Kind == "published");
                    var row = Assert.Single(revisions[item.Id], r => r.Revision == revision);
                    Assert.Equal(published.At, row.PublishedAt);
                    Assert.Contains(reviews[2].Actor, row.Reviewers, StringComparison.Ordinal);
                    Assert.StartsWith("{", row.Snapshot, StringComparison.Ordinal);
                }
            }

            if (item.Stage is ItemStage.Published or ItemStage.Withdrawn)
            {
                Assert.Equal(item.FirstPublishedOn, revisions[item.Id].Single(r => r.Revision == 1).PublishedOn);
            }
        }
    }

    private async Task Index_numbers_are_unique_per_agency_and_follow_the_agencys_pattern()
    {
        // A demo item reads on the public page like one published through the workflow (same snapshot of its metadata).
        var sample = await QueryAsync(db => db.CatalogueItems.AsNoTracking().Where(i => i.FirstPublishedOn!.Value.Year == 2024 && i.WithdrawnAt == null && i.Revision == 2).OrderBy(i => i.Id).FirstAsync());
        var shown = await UseCase<UseCases.Publishing.GetPublicCatalogueItem, UseCases.Publishing.PublicCatalogueItem>(u => u.ExecuteAsync(sample.Id));
        Assert.Equal((sample.IndexNumber, sample.Formed, sample.PublishingAgency, 2), (shown.Metadata.IndexNumber, shown.Metadata.Formed, shown.Metadata.PublishingAgency, shown.Revision));
        Assert.Equal([2, 1], shown.History.Select(h => h.Revision));

        var agencies = await QueryAsync(db => db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id));
        var items = await QueryAsync(db => db.CatalogueItems.AsNoTracking().Where(i => i.FirstPublishedOn != null).ToListAsync());
        var sequences = await QueryAsync(db => db.IndexNumberSequences.AsNoTracking().ToListAsync());
        Assert.All(agencies.Values, a => Assert.Null(a.CreditCode)); // the demo does not make up the units' codes
        foreach (var group in items.GroupBy(i => i.AgencyId))
        {
            var agency = agencies[group.Key];
            Assert.Equal(group.Count(), group.Select(i => i.IndexNumber).Distinct().Count());
            Assert.All(group, i =>
            {
                Assert.Equal(i.FirstPublishedOn!.Value.Year, i.IndexYear);
                Assert.Equal(NumberPattern.Format(agency.IndexNumberPattern, i.IndexYear!.Value, i.IndexSerial!.Value, agency.ShortName, agency.CreditCode), i.IndexNumber);
                Assert.Matches($"^150203-\\d{{3}}/{i.IndexYear}-\\d{{5}}$", i.IndexNumber!);
            });
            foreach (var year in group.GroupBy(i => i.IndexYear!.Value))
            {
                Assert.Equal(Enumerable.Range(1, year.Count()), year.Select(i => i.IndexSerial!.Value).Order());
                Assert.Equal(year.Count() + 1, sequences.Single(s => s.AgencyId == group.Key && s.Year == year.Key).Next);
            }
        }
    }

    private async Task The_current_year_has_overdue_due_soon_and_recently_late_items()
    {
        var calendar = Fixtures.OfficialCalendar();
        var today = new DateOnly(2026, 11, 27);
        var items = await QueryAsync(db => db.CatalogueItems.AsNoTracking().Where(i => i.CreatedAt >= new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero)).ToListAsync());
        var published = items.Where(i => i.FirstPublishedOn?.Year == 2026).ToList();
        Assert.InRange(published.Count, 150, 400);
        Assert.All(published, i => Assert.True(i.FirstPublishedOn < today));
        Assert.True(published.Count(i => i.FirstPublishedOn!.Value.Month == 11 && i.FirstPublishedOn > i.DueOn) >= 2);
        Assert.True(published.Count(i => i.FirstPublishedOn!.Value.Month == 10 && i.FirstPublishedOn > i.DueOn) >= 2);

        var open = items.Where(i => i.FirstPublishedOn is null).ToList();
        var states = open.Select(i => PublicationTimeliness.Of(calendar, i.Formed, null, today).State).ToList();
        Assert.True(states.Count(s => s == TimelinessState.Overdue) >= 3);
        Assert.True(states.Count(s => s == TimelinessState.DueSoon) >= 3);
        Assert.Contains(TimelinessState.Open, states);
        foreach (var stage in new[] { ItemStage.Draft, ItemStage.FirstReview, ItemStage.SecondReview, ItemStage.FinalReview, ItemStage.Proofreading, ItemStage.ReadyToPublish })
        {
            Assert.Contains(open, i => i.Stage == stage);
        }

        Assert.All(open, i => Assert.Null(i.IndexNumber));
        Assert.All(open.Where(i => i.Stage == ItemStage.Proofreading), i => Assert.InRange(i.ProofreadingRound, 1, 3));
    }
}

public sealed class SqliteDemoCatalogueTests() : DemoCatalogueTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoCatalogueTests() : DemoCatalogueTests(DatabaseProvider.Postgres);
