using Gongkai.Core.Cases;
using Gongkai.Core.PersonalData;
using Gongkai.Data.Configuration;
using Gongkai.Data.PersonalData;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.UseCases.Tests.Demo;

/// <summary>The demo applications fill every work queue around today, with consistent histories and due dates.</summary>
public abstract class DemoCasesTests(DatabaseProvider provider) : DemoWorld(provider)
{
    protected override bool DemoApplications => true;

    [ProviderFact]
    public async Task The_demo_fills_every_queue_around_today()
    {
        async Task<int> Count(CaseQueue queue) => (await AsStaff<ListApplications, Page<ApplicationListItem>>("gkb", u => u.ExecuteAsync(new ApplicationQuery { Queue = queue, PageSize = 100 }))).Total;

        Assert.Equal(19, await Count(CaseQueue.All));
        Assert.Equal(2, await Count(CaseQueue.AwaitingConfirmation));
        Assert.Equal(1, await Count(CaseQueue.AwaitingCorrection));
        Assert.Equal(4, await Count(CaseQueue.DueSoon));
        Assert.Equal(1, await Count(CaseQueue.Overdue));
        Assert.Equal(1, await Count(CaseQueue.AwaitingService));
        Assert.Equal(8, await Count(CaseQueue.Closed));

        var cases = await QueryAsync(db => db.Applications.AsNoTracking().Include(a => a.Pauses).ToListAsync());
        Assert.Single(cases, c => c.Decision is null && c.Pauses.Any(p => p.Until == null && p.Limit == null));
        Assert.Single(cases, c => c.ExtensionWorkingDays > 0 && c.Decision is null);
        Assert.Equal(3, cases.Count(c => c.State == CaseState.Archived));
        Assert.True(cases.Where(c => c.Decision is not null).Select(c => c.Decision).Distinct().Count() >= 8);
        Assert.True(cases.Select(c => c.AgencyId).Distinct().Count() >= 5);
        Assert.All(cases, c => Assert.Equal(2026, c.Arrived.Year));
    }

    [ProviderFact]
    public async Task Every_demo_case_has_its_history_a_due_date_from_its_facts_and_a_valid_fictional_id_number()
    {
        var calendar = Fixtures.OfficialCalendar();
        var cases = await QueryAsync(db => db.Applications.AsNoTracking().Include(a => a.Pauses).ToListAsync());
        var events = await QueryAsync(db => db.ApplicationEvents.AsNoTracking().ToListAsync());
        await using var scope = Services.CreateAsyncScope();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        foreach (var c in cases)
        {
            var history = events.Where(e => e.ApplicationId == c.Id).OrderBy(e => e.Id).ToList();
            Assert.Equal(CaseEvents.Registered, history[0].Kind);
            Assert.Equal(c.Version, history.Count);
            Assert.Equal(c.State, history[^1].StateAfter);
            Assert.Equal(ApplicationCase.Restore(c.Snapshot()).Deadline(calendar)?.Due.Date, c.DueDate);
            Assert.Equal(c.DueDate, history[^1].DueAfter);
            Assert.True(ResidentIdNumber.TryParse(protector.Unprotect(c.IdNumberProtected)!, out _, out var error), error);
            Assert.StartsWith("138000001", protector.Unprotect(c.PhoneProtected), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteDemoCasesTests() : DemoCasesTests(DatabaseProvider.Sqlite);

public sealed class PostgresDemoCasesTests() : DemoCasesTests(DatabaseProvider.Postgres);
