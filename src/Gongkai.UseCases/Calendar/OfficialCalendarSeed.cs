using System.Reflection;
using Gongkai.Core.Calendar;

namespace Gongkai.UseCases.Calendar;

/// <summary>The official calendar years shipped inside the product (holiday-cn data, MIT; see data/README.md).</summary>
public static class OfficialCalendarSeed
{
    public const string SourceName = "内置数据（holiday-cn）";

    public static IReadOnlyList<CalendarYear> Years()
    {
        var assembly = typeof(Data.GongkaiDbContext).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Gongkai.Data.Seed.holiday-cn.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => HolidayNoticeJson.Parse(ReadResource(assembly, n)))
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
