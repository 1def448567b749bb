using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.UseCases.Calendar;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>The working-day calculator as JSON, for integrations (e.g. a province's unified application platform).</summary>
public static class CalendarApi
{
    public sealed record WorkingDaysResponse(string Start, int Days, string Date, bool Provisional, IReadOnlyList<int> MissingYears, string? Warning);

    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/calendar").AllowAnonymous();
        group.MapGet("/working-days", AddAsync).WithName("AddWorkingDays");
        return api;
    }

    private static async Task<Results<Ok<WorkingDaysResponse>, ProblemHttpResult>> AddAsync(string? start, string? days, bool? sameDay, AddWorkingDays useCase, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problem("calendar.invalid_argument", "参数 start 应为 YYYY-MM-DD 格式的有效日期。");
        }

        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 3650)
        {
            return Problem("calendar.invalid_argument", "参数 days 应为 0 到 3650 之间的整数。");
        }

        try
        {
            var r = await useCase.ExecuteAsync(date, n, sameDay == true ? DayCounting.SameDay : DayCounting.NextDay, ct);
            return TypedResults.Ok(new WorkingDaysResponse(start!, n, r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.IsProvisional, r.MissingYears.IsDefault ? [] : [.. r.MissingYears], r.ProvisionalWarning));
        }
        catch (DomainException ex)
        {
            return Problem(ex.Code, ex.Message);
        }
    }

    private static ProblemHttpResult Problem(string code, string message) =>
        TypedResults.Problem(title: message, statusCode: StatusCodes.Status400BadRequest, type: "https://gongkai.invalid/errors/" + code, extensions: new Dictionary<string, object?> { ["code"] = code });
}
