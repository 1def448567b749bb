using System.Collections.Immutable;

namespace Gongkai.Core.Calendar;

/// <summary>One entry of the State Council's yearly holiday notice: a day off, or a make-up working day (调休上班).</summary>
public sealed record CalendarDay(DateOnly Date, string Name, bool IsOffDay);

/// <summary>
/// The official calendar of one year as published by the State Council (国务院办公厅关于部分节假日安排的通知).
/// A notice for year Y may also list late-December dates of Y−1; they are kept with the notice that named them.
/// </summary>
public sealed record CalendarYear(int Year, ImmutableArray<string> Papers, ImmutableArray<CalendarDay> Days)
{
    /// <summary>A stable fingerprint of the content, used to tell whether a reload changed anything.</summary>
    public string Fingerprint()
    {
        var lines = Days.OrderBy(d => d.Date).Select(d => $"{d.Date:yyyy-MM-dd}|{(d.IsOffDay ? 1 : 0)}|{d.Name}");
        var text = $"{Year}\n{string.Join('\n', lines)}";
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
