using System.Text.Json;
using Gongkai.Core.Calendar;

namespace Gongkai.TestSupport;

/// <summary>Reads the fixtures copied next to the test assembly from the repository's data/ folder.</summary>
public static class Fixtures
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "data", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    public static IReadOnlyList<CalendarYear> OfficialYears() =>
        Directory.GetFiles(PathOf("holiday-cn"), "20*.json").Order(StringComparer.Ordinal)
            .Select(f => HolidayNoticeJson.Parse(File.ReadAllText(f))).ToList();

    public static WorkingDayCalendar OfficialCalendar() => WorkingDayCalendar.From(OfficialYears());

    public static IEnumerable<JsonElement> DeadlineVectors(string kind)
    {
        using var doc = JsonDocument.Parse(Read("vectors/deadlines.json"));
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == kind)
            .Select(c => c.Clone())
            .ToList();
    }

    public static DateOnly Date(this JsonElement e, string name) => DateOnly.Parse(e.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
