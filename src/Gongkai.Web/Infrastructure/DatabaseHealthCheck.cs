using System.Text.Json;
using Gongkai.Data;
using Gongkai.UseCases.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Healthy when the database answers and is migrated; degraded when this year's (or, from December, next year's)
/// official calendar is not loaded, because deadlines there would be provisional.
/// </summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, AgencyClock clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("无法连接数据库");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"数据库有 {pending} 个迁移未应用，请运行 gongkai db migrate");
            }

            var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(cancellationToken);
            var today = clock.Today();
            var missing = Core.Calendar.WorkingDayCalendar.YearsNeededOn(today).Where(y => !years.Contains(y)).ToList();
            var data = new Dictionary<string, object> { ["calendarYears"] = years.Order().ToList() };
            return missing.Count == 0
                ? HealthCheckResult.Healthy("数据库正常", data)
                : HealthCheckResult.Degraded($"{string.Join("、", missing)} 年的官方日历尚未导入，相关期限为暂定", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("数据库错误：" + ex.GetType().Name);
        }
    }

    public static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
