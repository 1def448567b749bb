using System.Text.Json;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Demo;
using PastYears = Gongkai.UseCases.Demo.DemoHistory;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Demo;

/// <summary>
/// The demo's past years 2023–2025 of the district government: 2024 gives the sample report's tables 三 and 四
/// (data/seeds/kundulun-2024.expected.json), the years chain by their carried-over cases, and fees exist in 2023 and
/// 2025 but not in 2024. Table 三 is counted here with a small helper (the report computation is its own feature):
/// cases received by the district government, by the year of receipt (new), of service (processed, in the row of
/// <see cref="DecisionCatalog"/>), or unserved at a year's start or end (carried over / forward).
/// </summary>
public abstract class DemoHistoryTests(DatabaseProvider provider) : DemoWorld(provider)
{
    protected override bool DemoApplications => true;

    protected override bool DemoHistory => true;

    // Loading the past years takes seconds, so each fact checks several things of one load.
    [ProviderFact]
    public async Task The_2024_year_gives_the_sample_reports_tables_3_and_4_the_years_chain_and_fees_are_charged_only_in_2023_and_2025()
    {
        await The_2024_cases_of_the_district_give_table_3_of_the_sample_report_cell_by_cell();
        await Table_4_of_2024_is_the_sample_reports_and_the_suit_is_judged_in_2025();
        await The_years_chain_through_their_carried_cases_and_2023_and_2025_have_a_realistic_mix();
        await Fees_were_charged_in_2023_and_2025_by_page_and_by_item_and_none_in_2024();
        await The_districts_reports_are_computed_from_these_records_and_published_clean_and_the_board_shows_every_state();
    }

    [ProviderFact]
    public Task Every_past_case_went_through_its_steps_on_the_official_calendar_mostly_on_time() => Past_cases_went_through_their_steps_on_the_official_calendar_mostly_on_time();

    private async Task The_2024_cases_of_the_district_give_table_3_of_the_sample_report_cell_by_cell()
    {
        var expected = Expected().GetProperty("table3");
        var table = Table3(await DistrictCasesAsync(), 2024);
        var checkedRows = 0;
        foreach (var row in Table3Layout.Rows2021)
        {
            var want = expected.GetProperty(row.Key).EnumerateArray().Select(e => e.GetInt32()).ToArray();
            Assert.True(want.SequenceEqual(table[row.Key]), $"{row.Key}: expected [{string.Join(",", want)}], demo gives [{string.Join(",", table[row.Key])}]");
            checkedRows++;
        }

        Assert.Equal(25, checkedRows);
        Assert.Equal(109, table["new_received"][Table3Layout.TotalColumn]);
    }

    private async Task The_years_chain_through_their_carried_cases_and_2023_and_2025_have_a_realistic_mix()
    {
        var cases = await DistrictCasesAsync();
        var tables = PastYears.Years.Concat([2026]).ToDictionary(y => y, y => Table3(cases, y));
        Assert.Equal(0, tables[2023]["carried_over"][Table3Layout.TotalColumn]);
        foreach (var year in PastYears.Years)
        {
            // What a year carries forward is what the next carries over: received in the last days of December and
            // answered in the first weeks of January.
            var t = tables[year];
            Assert.Equal(t["carried_forward"], tables[year + 1]["carried_over"]);
            Assert.InRange(t["new_received"][Table3Layout.TotalColumn], 80, 120);
            var forward = cases.Where(c => c.Received!.Value.Year == year && c.Served!.Value.Year > year).ToList();
            Assert.Equal(t["carried_forward"][Table3Layout.TotalColumn], forward.Count);
            Assert.All(forward, c => Assert.True(c.Received!.Value.Month == 12 && c.Received.Value.Day >= 15 && c.Served!.Value.Year == year + 1 && c.Served.Value.Month == 1, c.CaseNumber));
        }

        Assert.Equal([4, 4, 3], PastYears.Years.Select(y => tables[y]["carried_forward"][Table3Layout.TotalColumn]));

        // Realistic mixes: 2023 and 2025 have more kinds of answers than the sample year, with 补正, lapses and withdrawals.
        foreach (var year in new[] { 2023, 2025 })
        {
            Assert.True(Table3Layout.Rows2021.Count(r => r.Role == Table3RowRole.Result && tables[year][r.Key][Table3Layout.TotalColumn] > 0) >= 10);
            Assert.True(tables[year]["other_no_correction_overdue"][Table3Layout.TotalColumn] > 0);
            Assert.True(tables[year]["other_other"][Table3Layout.TotalColumn] > 0);
        }

        var past = cases.Where(c => c.Received!.Value.Year < 2026).ToList();
        Assert.All(past, c => Assert.True(c.State is CaseState.Served or CaseState.Archived, c.CaseNumber));
        Assert.True(past.Count(c => c.CorrectionRequested is not null) >= 6);
        Assert.True(past.Count(c => c.ExtensionWorkingDays > 0) >= 9);
        Assert.True(past.Count(c => c.Pauses.Any(p => p.Reason == PauseReason.ThirdPartyConsultation)) >= 12);
        Assert.True(past.Count(c => c.AssignedAgencyId is not null) >= 100);
    }

    private async Task Past_cases_went_through_their_steps_on_the_official_calendar_mostly_on_time()
    {
        var calendar = Fixtures.OfficialCalendar();
        var cases = (await DistrictCasesAsync()).Where(c => c.Received!.Value.Year < 2026).ToList();
        var events = (await QueryAsync(db => db.ApplicationEvents.AsNoTracking().ToListAsync())).ToLookup(e => e.ApplicationId);
        foreach (var c in cases)
        {
            var history = events[c.Id].OrderBy(e => e.Id).ToList();
            Assert.Equal(CaseEvents.Registered, history[0].Kind);
            Assert.Equal(c.Version, history.Count);
            Assert.Contains(history, e => e.Kind == nameof(CaseAction.Serve) && e.OnDate == c.Served);

            // Every dated step lies between arrival and service (archiving after it), in the order taken.
            var dated = history.Where(e => e.OnDate is not null && e.Kind != nameof(CaseAction.Archive)).Select(e => e.OnDate!.Value).ToList();
            Assert.Equal(dated.Order(), dated);
            Assert.All(dated, d => Assert.InRange(d, c.Arrived, c.Served!.Value));
            Assert.Equal(ApplicationCase.Restore(c.Snapshot()).Deadline(calendar)?.Due.Date, c.DueDate);
        }

        var late = cases.Count(c => c.Served > c.DueDate);
        Assert.InRange(late, 3, 8);
        Assert.True(cases.Where(c => c.ExtensionWorkingDays > 0).All(c => events[c.Id].Single(e => e.Kind == nameof(CaseAction.Extend)).OnDate!.Value.Year == c.Received!.Value.Year));
    }

    private async Task Table_4_of_2024_is_the_sample_reports_and_the_suit_is_judged_in_2025()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var expected = Expected().GetProperty("table4").EnumerateArray().Select(e => (long?)e.GetInt64()).ToArray();
        var t2024 = await AsStaff<ReviewTable4, Table4>("gkb", u => u.ExecuteAsync(2024, [district]));
        Assert.Equal(expected, t2024.Cells);

        var t2025 = await AsStaff<ReviewTable4, Table4>("gkb", u => u.ExecuteAsync(2025, [district]));
        Assert.Equal(new long?[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1 }, t2025.Cells);

        var reviews = await AsStaff<ListReviewCases, IReadOnlyList<ReviewCaseItem>>("gkb", u => u.ExecuteAsync(district));
        var review = Assert.Single(reviews, r => r.Kind == ReviewKind.AdministrativeReview);
        var suit = Assert.Single(reviews, r => r.Kind == ReviewKind.LitigationAfterReview);
        Assert.Equal(review.Id, suit.PreviousReviewId);
        Assert.Equal(review.ApplicationId, suit.ApplicationId);
        Assert.True(suit.Filed <= suit.FilingDeadline);
        Assert.True(review.Filed <= review.FilingDeadline);
        Assert.False(review.AnswerOverdue);
        Assert.False(suit.AnswerOverdue);
    }

    private async Task Fees_were_charged_in_2023_and_2025_by_page_and_by_item_and_none_in_2024()
    {
        var cases = await DistrictCasesAsync();
        var charged = cases.Where(c => c.FeeMethod is not null).ToList();
        Assert.DoesNotContain(charged, c => c.Received!.Value.Year == 2024);
        Assert.Contains(charged, c => c.Received!.Value.Year == 2023 && c.FeePaid is not null);
        Assert.Contains(charged, c => c.Received!.Value.Year == 2023 && c.Decision == DecisionType.FeeNotPaid);
        Assert.Contains(charged, c => c.Received!.Value.Year == 2025 && c.FeeMethod == Core.Fees.FeeMethod.PerPage && c.FeePaid is not null);
        var perItem = charged.Where(c => c.FeeMethod == Core.Fees.FeeMethod.PerItem).ToList();
        Assert.Equal(2, perItem.Count);
        Assert.All(perItem, c => Assert.Equal(100, c.FeeYuan));
        Assert.Equal([11, 12], perItem.Select(c => c.FeeNthInMonth!.Value).Order());

        var collected = await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>("gkb", u => u.ExecuteAsync(2024));
        Assert.Empty(collected);
        Assert.NotEmpty(await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>("gkb", u => u.ExecuteAsync(2023)));
        Assert.NotEmpty(await AsStaff<ListFeesCollected, IReadOnlyList<FeesCollectedByAgency>>("gkb", u => u.ExecuteAsync(2025)));
    }

    private async Task The_districts_reports_are_computed_from_these_records_and_published_clean_and_the_board_shows_every_state()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        var computed = await UseCase<UseCases.Reports.ReportComputation, UseCases.Reports.ComputedReport>(u => u.ComputeAsync(district, 2024));
        var expected = Core.Reports.ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json").Replace("\"file\"", "\"_file\"", StringComparison.Ordinal));
        Assert.Equal(expected.Table2Of2021, computed.Table2);
        Assert.All(Table3Layout.Rows2021, row => Assert.Equal(expected.Table3[row.Key], computed.Table3[row.Key]));
        Assert.Equal(expected.Table4.Cells, computed.Table4.Cells);
        Assert.Equal((3918L, 293L, 30L), (computed.Figures.ItemsPublished!.Value, computed.Figures.KeyAreaItems!.Value, computed.Figures.PolicyInterpretations!.Value));

        // The published reports pass every hard rule, chain across years (W1, W2), quote their tables (W3), are not
        // copies of each other (W5) and were published on time (W6).
        var ids = await QueryAsync(db => db.AnnualReports.Where(r => r.AgencyId == district).OrderBy(r => r.Year).Select(r => r.Id).ToListAsync());
        Assert.Equal(3, ids.Count);
        foreach (var id in ids)
        {
            var detail = await AsStaff<UseCases.Reports.GetAnnualReport, UseCases.Reports.AnnualReportDetail>("gkb", u => u.ExecuteAsync(id));
            Assert.Equal(Data.Reports.AnnualReportStatus.Published, detail.Record.Status);
            var problems = detail.Findings.Where(f => f.Severity != FindingSeverity.Info).ToList();
            Assert.True(problems.Count == 0, $"{detail.Record.Year}: " + string.Join(" / ", problems.Select(f => $"{f.Rule} {f.Message}")));
            if (detail.Record.Year > 2023)
            {
                // Last year's report is there, so the cross-year rules were assessed (not "无法核对") and hold.
                Assert.DoesNotContain(detail.Findings, f => f.Rule is "W1" or "W2");
            }
        }

        var board = await AsStaff<UseCases.Reports.GetReportBoard, UseCases.Reports.ReportBoard>("gkb", u => u.ExecuteAsync(2025));
        UseCases.Reports.ReportBoardRow Row(string name) => board.Rows.Single(r => r.AgencyName == name);
        Assert.Equal((Data.Reports.AnnualReportStatus.Published, false), (Row(DemoAgencies.DistrictGovernment).Status!.Value, Row(DemoAgencies.DistrictGovernment).IsLate));
        Assert.Equal((Data.Reports.AnnualReportStatus.Published, false), (Row("包头市昆都仑区教育局").Status!.Value, Row("包头市昆都仑区教育局").IsLate));
        Assert.Equal((Data.Reports.AnnualReportStatus.Published, true), (Row("包头市昆都仑区民政局").Status!.Value, Row("包头市昆都仑区民政局").IsLate));
        Assert.Equal((Data.Reports.AnnualReportStatus.Draft, true), (Row("包头市昆都仑区沼潭街道办事处").Status!.Value, Row("包头市昆都仑区沼潭街道办事处").IsLate));
        Assert.Equal(Data.Reports.AnnualReportStatus.Submitted, Row("包头市昆都仑区卫生健康委员会").Status);
        Assert.True(Row("包头市昆都仑区财政局") is { Status: null, IsLate: true });
    }

    private static JsonElement Expected() => JsonDocument.Parse(Fixtures.Read("seeds/kundulun-2024.expected.json")).RootElement;

    private async Task<List<ApplicationRecord>> DistrictCasesAsync()
    {
        var district = await AgencyIdAsync(DemoAgencies.DistrictGovernment);
        return await QueryAsync(db => db.Applications.AsNoTracking().Include(a => a.Pauses)
            .Where(a => a.AgencyId == district && a.Type == CaseType.InformationDisclosure && a.Received != null).ToListAsync());
    }

    /// <summary>Table 三 of <paramref name="year"/> by row key, each row the seven columns (总计 last), as the product computes it.</summary>
    private static Dictionary<string, int[]> Table3(IEnumerable<ApplicationRecord> cases, int year)
    {
        var table = Table3Computation.Compute(cases.Select(Table3Cases.Of).OfType<Table3Case>(), year);
        return table.Rows.ToDictionary(r => r.Key, r => table[r.Key].Select(v => (int)v!.Value).ToArray());
    }
}

public sealed class SqliteDemoHistoryTests() : DemoHistoryTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoHistoryTests() : DemoHistoryTests(DatabaseProvider.Postgres);
