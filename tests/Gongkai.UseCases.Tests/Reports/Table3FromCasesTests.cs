using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Reports;
using Gongkai.UseCases.Tests.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Reports;

/// <summary>
/// Table 三 from the cases themselves: applications driven from intake to a served decision through the real steps
/// give the report's table cell by cell, every cell lists the cases behind it, and the grouped query of the
/// computation agrees with counting case by case on random data.
/// </summary>
public abstract class Table3FromCasesTests(DatabaseProvider provider) : CaseWorld(provider)
{
    [ProviderFact]
    public async Task Cases_driven_from_intake_to_a_served_decision_give_table_3_cell_by_cell()
    {
        var education = await AgencyIdAsync(Education);
        var expected = Table3Computation.Zero();
        void Expect(string row, int column) => Table3Computation.Add(expected, row, column, 1);
        var cases = new Dictionary<string, long>();

        // Received in 2025 and answered in 2025, one of several kinds of applicant and decision.
        async Task<long> DecidedAsync(string name, DateOnly arrived, ApplicantType type, DecisionType decision, DateOnly decided, DateOnly served)
        {
            var record = await RegisterAsync(arrived, type);
            await StepAsync(record.Id, new AcceptStep());
            await StepAsync(record.Id, new DecideStep(decision, decided, "答复内容。", decision == DecisionType.NotHeld ? "包头市昆都仑区财政局" : null));
            await StepAsync(record.Id, new ServeStep(served, ServiceMethod.Direct));
            cases[name] = record.Id;
            return record.Id;
        }

        await DecidedAsync("granted", new DateOnly(2025, 3, 3), ApplicantType.NaturalPerson, DecisionType.Disclosed, new DateOnly(2025, 3, 20), new DateOnly(2025, 3, 21));
        Expect("new_received", 0); Expect("granted", 0); Expect("total_processed", 0);
        await DecidedAsync("already", new DateOnly(2025, 4, 7), ApplicantType.CommercialEnterprise, DecisionType.AlreadyPublished, new DateOnly(2025, 4, 9), new DateOnly(2025, 4, 9));
        Expect("new_received", 1); Expect("granted", 1); Expect("total_processed", 1);
        await DecidedAsync("partial", new DateOnly(2025, 5, 6), ApplicantType.LegalServiceInstitution, DecisionType.PartiallyDisclosed, new DateOnly(2025, 5, 26), new DateOnly(2025, 5, 27));
        Expect("new_received", 4); Expect("partially_granted", 4); Expect("total_processed", 4);
        await DecidedAsync("not_held", new DateOnly(2025, 6, 3), ApplicantType.NaturalPerson, DecisionType.NotHeld, new DateOnly(2025, 6, 10), new DateOnly(2025, 6, 11));
        Expect("new_received", 0); Expect("unavailable_not_held", 0); Expect("total_processed", 0);
        await DecidedAsync("process", new DateOnly(2025, 7, 1), ApplicantType.ResearchInstitution, DecisionType.WithheldProcessInformation, new DateOnly(2025, 7, 15), new DateOnly(2025, 7, 16));
        Expect("new_received", 2); Expect("withheld_process_info", 2); Expect("total_processed", 2);

        // Received in December 2024, answered in January 2025: 上年结转 in 2025.
        await DecidedAsync("over", new DateOnly(2024, 12, 30), ApplicantType.NaturalPerson, DecisionType.Disclosed, new DateOnly(2025, 1, 8), new DateOnly(2025, 1, 9));
        Expect("carried_over", 0); Expect("granted", 0); Expect("total_processed", 0);

        // Received in late December 2025, decided in December but served in January 2026: 结转下年度 in 2025.
        await DecidedAsync("forward", new DateOnly(2025, 12, 29), ApplicantType.SocialWelfareOrganization, DecisionType.Disclosed, new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 5));
        Expect("new_received", 3); Expect("carried_forward", 3);

        // Received in 2025 and still open: 结转下年度.
        var open = await RegisterAsync(new DateOnly(2025, 12, 30), ApplicantType.Other);
        await StepAsync(open.Id, new AcceptStep());
        cases["open"] = open.Id;
        Expect("new_received", 5); Expect("carried_forward", 5);

        // Not counted: a 更正申请, an application answered in 2024, and one received in 2026.
        await RegisterAsync(new DateOnly(2025, 8, 4), ApplicantType.NaturalPerson, CaseType.RecordCorrection);
        await DecidedAsync("old", new DateOnly(2024, 5, 6), ApplicantType.NaturalPerson, DecisionType.Disclosed, new DateOnly(2024, 5, 20), new DateOnly(2024, 5, 21));
        await RegisterAsync(new DateOnly(2026, 2, 2), ApplicantType.NaturalPerson);

        var computed = await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(education, 2025));
        foreach (var row in Table3Layout.Rows2021)
        {
            Assert.True(expected[row.Key].SequenceEqual(computed.Table3[row.Key]), $"{row.Key}: expected [{string.Join(",", expected[row.Key])}], computed [{string.Join(",", computed.Table3[row.Key])}]");
        }

        Assert.DoesNotContain(Core.Reports.Validation.ReportValidator.Validate(computed.ToReport()), f => f.IsError);

        // Each cell lists its cases.
        var id = await AsStaff<OpenAnnualReport, int>(Head, u => u.ExecuteAsync(education, 2025));
        async Task<long[]> Cell(string row, int column) => [.. (await AsStaff<ListReportCellCases, IReadOnlyList<ReportCellCase>>(Head, u => u.ExecuteAsync(id, row, column))).Select(c => c.Id)];
        Assert.Equal([cases["granted"], cases["over"]], (await Cell("granted", 0)).Order());
        Assert.Equal([cases["forward"], cases["open"]], (await Cell("carried_forward", Table3Layout.TotalColumn)).Order());
        Assert.Equal([cases["over"]], await Cell("carried_over", Table3Layout.TotalColumn));
        Assert.Empty(await Cell("withheld_state_secret", Table3Layout.TotalColumn));
        await Assert.ThrowsAsync<Core.Common.DomainException>(() => Cell("no_such_row", 0));
    }

    [ProviderFact]
    public async Task The_grouped_query_agrees_with_counting_case_by_case_on_random_cases()
    {
        var ids = new[] { await AgencyIdAsync(Education), await AgencyIdAsync("包头市昆都仑区民政局"), await AgencyIdAsync("包头市昆都仑区沼潭街道办事处") };
        var random = new Random(20261128);
        var decisions = Enum.GetValues<DecisionType>().Where(d => DecisionCatalog.Of(d).ReportRow is not null).ToArray();
        var records = new List<ApplicationRecord>();
        for (var i = 0; i < 600; i++)
        {
            var received = new DateOnly(2023, 10, 1).AddDays(random.Next(0, 900));
            DateOnly? served = random.Next(10) < 8 ? received.AddDays(random.Next(0, 60)) : null;
            records.Add(new ApplicationRecord
            {
                CaseNumber = $"随机〔{i:D4}〕号",
                AgencyId = ids[random.Next(ids.Length)],
                Type = random.Next(20) == 0 ? CaseType.RecordCorrection : CaseType.InformationDisclosure,
                ApplicantType = random.Next(3) == 0 ? (ApplicantType)random.Next(1, 6) : ApplicantType.NaturalPerson,
                ApplicantName = "随机申请人",
                Description = "随机",
                Arrived = received,
                Received = random.Next(30) == 0 ? null : received,
                Decision = served is null ? null : decisions[random.Next(decisions.Length)],
                Served = served,
                State = served is null ? CaseState.Processing : CaseState.Served,
                RegisteredAt = DateTimeOffset.UnixEpoch,
                UpdatedAt = DateTimeOffset.UnixEpoch,
            });
        }

        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Data.GongkaiDbContext>();
            db.Applications.AddRange(records);
            await db.SaveChangesAsync();
            return true;
        });
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
        {
            var grouped = await UseCase<ReportComputation, IReadOnlyDictionary<int, Table3>>(u => u.Table3ByAgencyAsync(ids, year));
            foreach (var agency in ids)
            {
                var byCase = Table3Computation.Compute(records.Where(r => r.AgencyId == agency).Select(Table3Cases.Of).OfType<Table3Case>(), year);
                foreach (var row in Table3Layout.Rows2021)
                {
                    Assert.True(byCase[row.Key].SequenceEqual(grouped[agency][row.Key]), $"{year} agency {agency} {row.Key}: by case [{string.Join(",", byCase[row.Key])}], grouped [{string.Join(",", grouped[agency][row.Key])}]");
                }
            }
        }

        // Generated from these records, the report's documents read back as the same tables (HTML and Word here; PDF
        // in the import tests, which have Chromium).
        foreach (var agency in ids)
        {
            var generated = await UseCase<GenerateAnnualReport, GeneratedReport>(u => u.ExecuteAsync(agency, 2025));
            foreach (var format in new[] { ReportFileFormat.Html, ReportFileFormat.Docx })
            {
                var file = await UseCase<ReportDocuments, ReportFile>(u => u.BuildAsync(generated.Report, generated.Introduction, generated.Computed.AgencyName, format, default));
                var read = Gongkai.Reports.Import.ReportFileImporter.Import(file.Content, file.FileName).Report;
                Assert.All(Table3Layout.Rows2021, row => Assert.Equal(generated.Report.Table3[row.Key], read.Table3[row.Key]));
                Assert.Equal(generated.Report.Table4.Cells, read.Table4.Cells);
                Assert.Equal(generated.Report.Table2Of2021, read.Table2Of2021);
            }
        }
    }

    private async Task<ApplicationRecord> RegisterAsync(DateOnly arrived, ApplicantType type, CaseType caseType = CaseType.InformationDisclosure)
    {
        var input = await InputAsync(arrived, type: caseType);
        if (type != ApplicantType.NaturalPerson)
        {
            const string first17 = "91150203MA0N00001";
            input = input with
            {
                ApplicantType = type,
                ApplicantName = "某某组织（测试）",
                IdDocumentType = IdDocumentType.CreditCode,
                IdNumber = first17 + UseCases.Demo.DemoHistory.CreditCheckCharacter(first17),
                ContactPerson = "李四",
            };
        }

        return await AsStaff<RegisterApplication, ApplicationRecord>(Head, u => u.ExecuteAsync(input));
    }
}

public sealed class SqliteTable3FromCasesTests() : Table3FromCasesTests(DatabaseProvider.Sqlite);

public sealed class PostgresTable3FromCasesTests() : Table3FromCasesTests(DatabaseProvider.Postgres);
