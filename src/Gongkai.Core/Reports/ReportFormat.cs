namespace Gongkai.Core.Reports;

/// <summary>Which national format a report follows.</summary>
public enum ReportFormat
{
    /// <summary>国办公开办函〔2021〕30号, report years 2021 onward.</summary>
    V2021 = 0,

    /// <summary>试行格式 国办公开办函〔2019〕60号, report years 2019–2020.</summary>
    V2019 = 1,
}

public static class ReportFormats
{
    /// <summary>The value used in JSON: "2021" or "2019".</summary>
    public static string ToJson(this ReportFormat format) => format == ReportFormat.V2019 ? "2019" : "2021";

    public static ReportFormat? FromJson(string? value) => value switch
    {
        "2021" => ReportFormat.V2021,
        "2019" => ReportFormat.V2019,
        _ => null,
    };

    /// <summary>The format a report on <paramref name="year"/> should use when the document does not say.</summary>
    public static ReportFormat ForYear(int year) => year is >= 2019 and <= 2020 ? ReportFormat.V2019 : ReportFormat.V2021;
}
