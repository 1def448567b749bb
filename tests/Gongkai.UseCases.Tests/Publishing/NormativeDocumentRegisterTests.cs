using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Gongkai.UseCases.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Publishing;

/// <summary>The normative-document register: entries, changes with history, what was in force on a day, and table 二 （一）.</summary>
public abstract class NormativeDocumentRegisterTests(DatabaseProvider provider) : DemoWorld(provider)
{
    private const string Office = "gkb";

    private async Task<int> RegisterAsync(string number, DateOnly issued, string user = Office, string? key = null, DateOnly? expires = null) =>
        await AsStaff<RegisterNormativeDocument, int>(user, async u => await u.ExecuteAsync(new NormativeDocumentInput
        {
            AgencyId = await AgencyIdAsync("包头市昆都仑区人民政府"),
            Title = "关于印发某办法的通知（" + number + "）",
            DocumentNumber = number,
            Issued = issued,
            Expires = expires,
        }, key));

    [ProviderFact]
    public async Task Entries_are_checked_unique_per_agency_and_registered_once_per_submit()
    {
        var district = await AgencyIdAsync("包头市昆都仑区人民政府");
        var bad = await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<RegisterNormativeDocument, int>(Office, u => u.ExecuteAsync(new NormativeDocumentInput { AgencyId = district, Issued = new DateOnly(2027, 1, 1), Expires = new DateOnly(2026, 1, 1) })));
        Assert.Equal(["DocumentNumber", "Expires", "Issued", "Title"], bad.Errors.Keys.Order());
        Assert.Contains("不能晚于今天", bad.Errors["Issued"], StringComparison.Ordinal);

        var id = await RegisterAsync("昆政发〔2024〕2号", new DateOnly(2024, 6, 20), key: "k1");
        Assert.Equal(id, await RegisterAsync("昆政发〔2024〕2号", new DateOnly(2024, 6, 20), key: "k1"));
        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => RegisterAsync("昆政发〔2024〕2号", new DateOnly(2024, 7, 1)));
        Assert.Contains("已有文号", duplicate.Errors["DocumentNumber"], StringComparison.Ordinal);

        // Another branch cannot register for the district, nor see its documents.
        await Assert.ThrowsAsync<DomainException>(() => RegisterAsync("昆政发〔2024〕3号", new DateOnly(2024, 7, 1), user: "zt-cb"));
        var theirs = await AsStaff<ListNormativeDocuments, Page<NormativeDocumentItem>>("zt-cb", u => u.ExecuteAsync(new NormativeDocumentQuery()));
        Assert.Equal(0, theirs.Total);
        await Assert.ThrowsAsync<DomainException>(() => AsStaff<GetNormativeDocument, NormativeDocumentDetail>("zt-cb", u => u.ExecuteAsync(id)));
        Assert.Equal(1, await QueryAsync(db => db.NormativeDocuments.CountAsync()));
    }

    [ProviderFact]
    public async Task Changes_are_recorded_and_the_register_answers_what_was_in_force_on_any_day_and_table_2()
    {
        var a = await RegisterAsync("昆政发〔2021〕5号", new DateOnly(2021, 3, 15));
        var b = await RegisterAsync("昆政发〔2022〕8号", new DateOnly(2022, 5, 26), expires: new DateOnly(2024, 5, 25));
        var c = await RegisterAsync("昆政发〔2024〕2号", new DateOnly(2024, 6, 20));

        await Assert.ThrowsAsync<ValidationFailedException>(() => AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(a, 1, new RepealDocument(new DateOnly(2020, 1, 1), null))));
        var v = await AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(a, 1, new RepealDocument(new DateOnly(2024, 6, 20), "昆政发〔2024〕2号"), "r1"));
        Assert.Equal(v, await AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(a, 1, new RepealDocument(new DateOnly(2024, 6, 20), "昆政发〔2024〕2号"), "r1")));
        var stale = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(a, 1, new AmendDocument(new DateOnly(2024, 1, 1), "修改第三条"))));
        Assert.Equal(CaseHistory.ConcurrentChangeCode, stale.Code);
        var again = await Assert.ThrowsAsync<DomainException>(() => AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(a, v, new RepealDocument(new DateOnly(2024, 7, 1), null))));
        Assert.Contains("已于", again.Message, StringComparison.Ordinal);
        await AsStaff<ChangeNormativeDocument, int>(Office, u => u.ExecuteAsync(c, 1, new AmendDocument(new DateOnly(2025, 3, 1), "依据昆政发〔2025〕4号修改第五条")));

        var detail = await AsStaff<GetNormativeDocument, NormativeDocumentDetail>(Office, u => u.ExecuteAsync(a));
        Assert.Equal(["registered", "repealed"], detail.History.Select(h => h.Kind));
        Assert.Equal(new DateOnly(2024, 6, 20), detail.Document.Repealed);

        async Task<int[]> InForce(DateOnly day) => [.. (await AsStaff<ListNormativeDocuments, Page<NormativeDocumentItem>>(Office, u => u.ExecuteAsync(new NormativeDocumentQuery { InForceOn = day }))).Items.Select(i => i.Id).Order()];
        Assert.Equal([a, b], await InForce(new DateOnly(2023, 12, 31)));
        Assert.Equal([a], await InForce(new DateOnly(2024, 6, 1)));
        Assert.Equal([c], await InForce(new DateOnly(2024, 12, 31)));

        // Table 二 （一） of the district's report comes from the register (the scope's documents), not the figures.
        var district = await AgencyIdAsync("包头市昆都仑区人民政府");
        await AsStaff<SaveReportFigures, int>(Office, u => u.ExecuteAsync(district, 2024, new ReportFiguresInput { NormativeDocumentsIssued = "99" }, 0));
        var computed = await UseCase<ReportComputation, ComputedReport>(u => u.ComputeAsync(district, 2024));
        Assert.Equal(new Core.Reports.DocumentCounts(1, 1, 1), computed.Table2.NormativeDocuments);
        Assert.Equal(new Core.Reports.DocumentCounts(0, 0, 0), computed.Table2.Regulations);
        var many = await UseCase<ReportComputation, IReadOnlyDictionary<int, (Core.Reports.Table2Of2021 Table2, Core.Reports.Table3 Table3, Core.Reports.Table4 Table4)>>(u => u.ComputeOwnAsync([district], 2024));
        Assert.Equal(computed.Table2.NormativeDocuments, many[district].Table2.NormativeDocuments);
    }
}

public sealed class SqliteNormativeDocumentRegisterTests() : NormativeDocumentRegisterTests(DatabaseProvider.Sqlite);

public sealed class PostgresNormativeDocumentRegisterTests() : NormativeDocumentRegisterTests(DatabaseProvider.Postgres);
