using System.Globalization;
using Gongkai.Data;
using Gongkai.Data.Configuration;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// The daily detection of due and overdue applications inside the web app: once a day at Gongkai:Reminders:DailyAt
/// (the agencies' time zone), and at start-up when today's run was missed. The day of the last run is kept in the
/// database, so several web servers or a restart do not notify twice (the notices are also unique per day).
/// </summary>
public sealed class DueReminderService(IServiceScopeFactory scopes, AgencyClock clock, IOptions<GongkaiOptions> options, ILogger<DueReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var at = TimeOnly.TryParseExact(options.Value.Reminders.DailyAt, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : new TimeOnly(8, 30);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(at, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "The daily detection of due applications failed; it is tried again in an hour");
            }

            await Task.Delay(TimeSpan.FromMinutes(10), clock.Time, stoppingToken);
        }
    }

    /// <summary>Runs today's detection if its time has come and it has not run today.</summary>
    public async Task<ReminderRunResult?> RunIfDueAsync(TimeOnly at, CancellationToken ct)
    {
        var local = clock.ToLocal(clock.UtcNow);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < at)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var mark = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = await db.SystemSettings.AsNoTracking().Where(s => s.Key == SendDueReminders.LastRunKey).Select(s => s.Value).SingleOrDefaultAsync(ct);
        if (last is not null && string.CompareOrdinal(last, mark) >= 0)
        {
            return null;
        }

        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("系统（到期提醒）");
        var result = await scope.ServiceProvider.GetRequiredService<SendDueReminders>().ExecuteAsync(today, ct);
        log.LogInformation("Due reminders for {Day}: {Overdue} overdue, {DueSoon} due soon, {Notified} notices, {Emailed} e-mails", mark, result.Overdue, result.DueSoon, result.Notified, result.Emailed);
        return result;
    }
}
