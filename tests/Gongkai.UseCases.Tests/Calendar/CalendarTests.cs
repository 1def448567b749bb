using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.UseCases.Tests.Calendar;

public abstract class CalendarTests(DatabaseProvider provider) : ProviderTestBase(provider)
{
    private const string Year2027 = """
        {"year": 2027, "papers": ["https://example.invalid/2027-notice"],
         "days": [
           {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
           {"name": "春节", "date": "2027-02-06", "isOffDay": true},
           {"name": "春节", "date": "2027-02-07", "isOffDay": false}
         ]}
        """;

    private const string Admin = "王管理员";

    [ProviderFact]
    public async Task Every_add_working_days_vector_holds_on_the_calendar_loaded_in_the_database()
    {
        foreach (var v in Fixtures.DeadlineVectors("add_working_days"))
        {
            var result = await UseCase<AddWorkingDays, CalendarDate>(u => u.ExecuteAsync(v.Date("start"), v.GetProperty("working_days").GetInt32()));
            Assert.Equal(v.Date("expected"), result.Date);
            Assert.False(result.IsProvisional);
        }
    }

    [ProviderFact]
    public async Task A_date_in_a_year_without_a_calendar_is_provisional_until_that_year_is_loaded()
    {
        var before = await UseCase<AddWorkingDays, CalendarDate>(u => u.ExecuteAsync(new DateOnly(2026, 12, 18), 20));
        Assert.True(before.IsProvisional);
        Assert.Equal([2027], before.MissingYears.ToArray());

        var import = await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(Year2027, "2027.json"), Admin);
        Assert.Equal(CalendarImportOutcome.Loaded, import.Outcome);

        var after = await UseCase<AddWorkingDays, CalendarDate>(u => u.ExecuteAsync(new DateOnly(2026, 12, 18), 20));
        Assert.False(after.IsProvisional);
        Assert.Equal(new DateOnly(2027, 1, 15), before.Date);
        Assert.Equal(new DateOnly(2027, 1, 18), after.Date); // 2027-01-01 is now a holiday
    }

    [ProviderFact]
    public async Task Reloading_a_year_mid_year_replaces_its_days_records_the_change_and_changes_the_result()
    {
        await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(Year2027, "2027.json"), Admin);
        var first = await UseCase<AddWorkingDays, CalendarDate>(u => u.ExecuteAsync(new DateOnly(2027, 2, 1), 10));

        // A second notice extends the Spring Festival by one day (as happened in 2020).
        var amended = Year2027.Replace("""{"name": "春节", "date": "2027-02-06", "isOffDay": true},""", """{"name": "春节", "date": "2027-02-06", "isOffDay": true}, {"name": "春节", "date": "2027-02-08", "isOffDay": true},""", StringComparison.Ordinal);
        Database.Clock.Advance(TimeSpan.FromDays(40));
        var reload = await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(amended, "2027-第二次通知.json"), Admin);
        Assert.Equal(CalendarImportOutcome.Reloaded, reload.Outcome);
        Assert.Equal(2, reload.Revision);
        Assert.Contains("新增 2027-02-08 放假（春节）", reload.Summary, StringComparison.Ordinal);

        var second = await UseCase<AddWorkingDays, CalendarDate>(u => u.ExecuteAsync(new DateOnly(2027, 2, 1), 10));
        Assert.Equal(new DateOnly(2027, 2, 12), first.Date);
        Assert.Equal(new DateOnly(2027, 2, 15), second.Date);

        var history = await UseCase<ListCalendarYears, Page<CalendarChangeEntry>>(u => u.HistoryAsync(1, 10));
        var latest = history.Items[0];
        Assert.Equal(2027, latest.Year);
        Assert.Equal("重新导入", latest.Kind);
        Assert.Equal("王管理员", latest.ChangedBy);
        Assert.Equal("2027-第二次通知.json", latest.Source);
        Assert.Equal(Database.Clock.GetUtcNow(), latest.ChangedAt);
        var years = await UseCase<ListCalendarYears, IReadOnlyList<CalendarYearSummary>>(u => u.ExecuteAsync());
        Assert.Equal(2, years.Single(y => y.Year == 2027).Revision);
        Assert.Equal(3, years.Single(y => y.Year == 2027).OffDays);
    }

    [ProviderFact]
    public async Task Reloading_identical_content_changes_nothing_but_is_recorded()
    {
        await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(Year2027, "2027.json"), Admin);
        var again = await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(Year2027, "2027.json"), Admin);
        Assert.Equal(CalendarImportOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Revision);
        Assert.Equal(2, await QueryAsync(db => db.CalendarChanges.CountAsync(c => c.Year == 2027)));
    }

    [ProviderFact]
    public async Task A_malformed_file_is_refused_and_nothing_is_written()
    {
        var before = await QueryAsync(db => db.CalendarChanges.CountAsync());
        var ex = await Assert.ThrowsAsync<DomainException>(() => UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync("{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"x\", \"date\": \"2027-02-30\", \"isOffDay\": true}]}", "bad.json"), Admin));
        Assert.Equal(HolidayNoticeJson.ErrorCode, ex.Code);
        Assert.Contains("2027-02-30", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, await QueryAsync(db => db.CalendarChanges.CountAsync()));
        Assert.False(await QueryAsync(db => db.CalendarYears.AnyAsync(y => y.Year == 2027)));
    }

    [ProviderFact]
    public async Task An_oversized_file_is_refused_before_it_is_parsed()
    {
        var huge = new string(' ', ImportCalendarYear.MaxFileBytes + 1);
        var ex = await Assert.ThrowsAsync<DomainException>(() => UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(huge, "huge.json"), Admin));
        Assert.Contains("超过", ex.Message, StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task Two_administrators_reloading_the_same_year_at_once_leave_one_consistent_result()
    {
        await UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(Year2027, "2027.json"), Admin);
        var a = Year2027.Replace("2027-02-07", "2027-02-13", StringComparison.Ordinal);
        var b = Year2027.Replace("2027-02-07", "2027-02-14", StringComparison.Ordinal);
        var results = await Task.WhenAll(
            Attempt(() => UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(a, "a.json"), "甲")),
            Attempt(() => UseCase<ImportCalendarYear, CalendarImportResult>(u => u.ExecuteAsync(b, "b.json"), "乙")));
        Assert.Contains(results, r => r is CalendarImportResult);
        Assert.All(results, r => Assert.True(r is CalendarImportResult || r is DomainException { Code: ImportCalendarYear.ConcurrentChangeCode }, $"unexpected {r}"));

        var days = await QueryAsync(db => db.CalendarDays.Where(d => d.Year == 2027).Select(d => d.Date).ToListAsync());
        Assert.Equal(3, days.Count);
        var revision = await QueryAsync(db => db.CalendarYears.Where(y => y.Year == 2027).Select(y => y.Revision).SingleAsync());
        Assert.Equal(1 + results.Count(r => r is CalendarImportResult), revision);

        static async Task<object> Attempt(Func<Task<CalendarImportResult>> f)
        {
            try
            {
                return await f();
            }
            catch (DomainException ex)
            {
                return ex;
            }
        }
    }
}

public sealed class SqliteCalendarTests() : CalendarTests(DatabaseProvider.Sqlite);

public sealed class PostgresCalendarTests() : CalendarTests(DatabaseProvider.Postgres);
