using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.Core.Common;
using Gongkai.UseCases.Calendar;

namespace Gongkai.Web.Pages.Shared;

/// <summary>The working-day calculator shown on the public portal and in the back office; reads its inputs from the query string.</summary>
public sealed class WorkingDayCalculatorView
{
    public string Action { get; init; } = string.Empty;

    public string? Start { get; private set; }

    public int? Days { get; private set; }

    public CalendarDate? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The input the error is about ("start" or "days"), marked invalid and described by the error.</summary>
    public string? ErrorField { get; private set; }

    public string Weekday => Result is { } r ? CultureInfo.GetCultureInfo("zh-CN").DateTimeFormat.GetDayName(r.Date.DayOfWeek) : string.Empty;

    public async Task ComputeAsync(string? start, string? days, AddWorkingDays useCase, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(useCase);
        Start = start;
        if (start is null && days is null)
        {
            Days = 20;
            return;
        }

        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 3650)
        {
            Error = "工作日数应为 0 到 3650 之间的整数。";
            ErrorField = "days";
            return;
        }

        Days = n;
        if (!DateOnly.TryParseExact(start, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error = "请输入有效的起算日，格式为 年-月-日（如 2024-09-27）。";
            ErrorField = "start";
            return;
        }

        try
        {
            Result = await useCase.ExecuteAsync(date, n, DayCounting.NextDay, ct);
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            ErrorField = "start";
        }
    }
}
