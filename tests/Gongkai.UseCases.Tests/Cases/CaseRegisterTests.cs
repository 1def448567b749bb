using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Demo;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Gongkai.UseCases.Tests.Cases;

/// <summary>The 台账: export → import into an empty database reproduces the cases; one broken row means nothing is imported.</summary>
public abstract class CaseRegisterTests(DatabaseProvider provider) : DemoWorld(provider)
{
    protected override bool DemoApplications => true;

    private async Task<(TestDatabase Db, ServiceProvider Services)> EmptyPlatformAsync()
    {
        var db = await TestDatabase.CreateAsync(Database.Provider);
        var services = db.Services(configure: s => s.PostConfigure<GongkaiOptions>(o => o.Demo.Applications = false));
        foreach (var step in new Func<IServiceProvider, Task>[] { sp => sp.GetRequiredService<MigrateDatabase>().ExecuteAsync(), sp => sp.GetRequiredService<LoadDemoData>().ExecuteAsync() })
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("系统");
            await step(scope.ServiceProvider);
        }

        return (db, services);
    }

    private static async Task<T> AsOperatorAsync<T>(ServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试操作员");
        return await work(scope.ServiceProvider);
    }

    [ProviderFact]
    public async Task Export_then_import_into_an_empty_database_reproduces_the_cases()
    {
        var xlsx = await UseCase<ExportCaseRegister, byte[]>(u => u.ExecuteAsync(2026, fullPersonalData: true));
        var (other, services) = await EmptyPlatformAsync();
        await using (other)
        await using (services)
        {
            var imported = await AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(xlsx), "2026台账.xlsx"));
            var original = await QueryAsync(db => db.Applications.AsNoTracking().Include(a => a.Pauses).OrderBy(a => a.CaseNumber).ToListAsync());
            Assert.Equal(original.Count, imported.Count);
            Assert.Equal([2026], imported.Years);
            Assert.False(imported.Repeated);
            await using var copyDb = other.OpenContext();
            var copies = await copyDb.Applications.AsNoTracking().Include(a => a.Pauses).OrderBy(a => a.CaseNumber).ToListAsync();
            Assert.Equal(original.Select(a => a.CaseNumber), copies.Select(a => a.CaseNumber));
            foreach (var (a, b) in original.Zip(copies))
            {
                Assert.Equal(a.Snapshot() with { Pauses = [] }, b.Snapshot() with { Pauses = [] });
                Assert.Equal(a.Snapshot().Pauses, b.Snapshot().Pauses);
                Assert.Equal((a.ApplicantName, a.ApplicantType, a.IdDocumentType, a.Description, a.DecisionSummary, a.ServiceMethod, a.DueDate), (b.ApplicantName, b.ApplicantType, b.IdDocumentType, b.Description, b.DecisionSummary, b.ServiceMethod, b.DueDate));
            }

            // The same applicant is recognised in the copy: the blind index is recomputed from the full ID number.
            var copyContact = await AsOperatorAsync(services, async sp => await sp.GetRequiredService<RevealApplicantContact>().ExecuteAsync(copies[0].Id));
            var originalContact = await UseCase<RevealApplicantContact, ApplicantContact>(u => u.ExecuteAsync(original[0].Id));
            Assert.Equal(originalContact, copyContact);
        }
    }

    [ProviderFact]
    public async Task A_broken_row_is_named_and_nothing_is_imported_and_a_masked_export_cannot_be_imported()
    {
        var xlsx = await UseCase<ExportCaseRegister, byte[]>(u => u.ExecuteAsync(2026, fullPersonalData: true));
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
        rows[2]["到达日期"] = "2026-13-40";
        rows[4]["答复类型"] = "同意";
        using var broken = new MemoryStream();
        broken.SaveAs(rows);

        var (other, services) = await EmptyPlatformAsync();
        await using (other)
        await using (services)
        {
            var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(broken.ToArray()), "x.xlsx")));
            Assert.Equal([4, 6], ex.Errors.Select(e => e.Row));
            Assert.Contains("到达日期“2026-13-40”不是有效日期", ex.Errors[0].Message, StringComparison.Ordinal);
            Assert.Contains("答复类型“同意”无效", ex.Errors[1].Message, StringComparison.Ordinal);
            await using var copyDb = other.OpenContext();
            Assert.Equal(0, await copyDb.Applications.CountAsync());

            // Masked personal data cannot make a real case.
            var masked = await UseCase<ExportCaseRegister, byte[]>(u => u.ExecuteAsync(2026, fullPersonalData: false));
            var refused = await Assert.ThrowsAsync<ImportRejectedException>(() => AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(masked), "masked.xlsx")));
            Assert.Contains("已遮盖", refused.Errors[0].Message, StringComparison.Ordinal);

            // Importing the same register twice: the second time every 受理编号 already exists.
            await AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(xlsx), "2026.xlsx"));
            var twice = await Assert.ThrowsAsync<ImportRejectedException>(() => AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(xlsx), "2026.xlsx")));
            Assert.Contains("已存在", twice.Errors[0].Message, StringComparison.Ordinal);
        }

        // An export is recorded; a clerk of one unit exports only that unit's cases, masked unless asked.
        var audits = await QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "导出台账"));
        Assert.True(audits >= 2);
        var clerkExport = await AsStaff<ExportCaseRegister, byte[]>("zt-cb", u => u.ExecuteAsync(2026, fullPersonalData: false));
        var clerkRows = new MemoryStream(clerkExport).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.All(clerkRows, r => Assert.Equal("包头市昆都仑区沼潭街道办事处", r["受理机关"]));
        Assert.All(clerkRows, r => Assert.Contains("*", Convert.ToString(r["联系电话"], System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task A_repeated_submit_imports_once_even_when_both_arrive_together_and_returns_the_first_result()
    {
        var xlsx = await UseCase<ExportCaseRegister, byte[]>(u => u.ExecuteAsync(2026, fullPersonalData: true));
        var expected = new MemoryStream(xlsx).Query(useHeaderRow: true).Count();
        var (other, services) = await EmptyPlatformAsync();
        await using (other)
        await using (services)
        {
            Task<CaseRegisterImport> Submit(string key) => AsOperatorAsync(services, sp => sp.GetRequiredService<ImportCaseRegister>().ExecuteAsync(new MemoryStream(xlsx), "2026台账.xlsx", key));
            var together = await Task.WhenAll(Submit("form:1"), Submit("form:1"));
            Assert.Single(together, r => !r.Repeated);
            Assert.All(together, r => Assert.Equal((expected, 2026), (r.Count, Assert.Single(r.Years))));

            var later = await Submit("form:1");
            Assert.True(later.Repeated);
            Assert.Equal(expected, later.Count);
            await using var copyDb = other.OpenContext();
            Assert.Equal(expected, await copyDb.Applications.CountAsync());
            Assert.Equal(expected, await copyDb.ApplicationEvents.CountAsync(e => e.Kind == ImportCaseRegister.ImportedKind && e.RequestKey == "form:1"));

            // Another submit of the same file is a new import: every 受理编号 already exists.
            var ex = await Assert.ThrowsAsync<ImportRejectedException>(() => Submit("form:2"));
            Assert.Equal(expected, ex.Errors.Count);
        }
    }

    [ProviderFact]
    public async Task The_blank_template_has_every_column_described_and_importing_it_unfilled_is_refused()
    {
        Assert.Equal(CaseRegisterLayout.Columns, CaseRegisterLayout.Guide.Select(c => c.Name));
        var template = CaseRegisterLayout.Template();
        Assert.Equal([CaseRegisterLayout.Sheet, "填写说明"], MiniExcel.GetSheetNames(new MemoryStream(template)));
        var guide = new MemoryStream(template).Query(useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(CaseRegisterLayout.Columns.Length, guide.Count);
        Assert.Equal("必填", guide[0]["是否必填"]);
        var refused = await Assert.ThrowsAsync<Gongkai.Core.Common.DomainException>(() => UseCase<ImportCaseRegister, CaseRegisterImport>(u => u.ExecuteAsync(new MemoryStream(template), "模板.xlsx")));
        Assert.Equal(SpreadsheetRows.InvalidFileCode, refused.Code);
    }
}

public sealed class SqliteCaseRegisterTests() : CaseRegisterTests(DatabaseProvider.Sqlite);

public sealed class PostgresCaseRegisterTests() : CaseRegisterTests(DatabaseProvider.Postgres);
