namespace Gongkai.Core.Reports;

/// <summary>
/// A 政府信息公开工作年度报告 as figures and text: the tables of its format and the narrative sections.
/// Exactly one of <see cref="Table2Of2021"/> / <see cref="Table2Of2019"/> is set, matching <see cref="Format"/>.
/// </summary>
public sealed class AnnualReport
{
    /// <summary>The headings 一 … 六, in order (keys of <see cref="Sections"/>).</summary>
    public static IReadOnlyList<string> SectionKeys { get; } = ["一", "二", "三", "四", "五", "六"];

    /// <summary>The narrative sections (not tables): 一 总体情况, 五 问题及改进, 六 其他事项.</summary>
    public static IReadOnlyList<string> NarrativeSectionKeys { get; } = ["一", "五", "六"];

    public AnnualReport(string? agency, int year, ReportFormat format)
    {
        Agency = agency;
        Year = year;
        Format = format;
        Table3 = new Table3(format);
        if (format == ReportFormat.V2019)
        {
            Table2Of2019 = new Table2Of2019();
        }
        else
        {
            Table2Of2021 = new Table2Of2021();
        }
    }

    public string? Agency { get; set; }

    public int Year { get; }

    public ReportFormat Format { get; }

    public Table2Of2021? Table2Of2021 { get; set; }

    public Table2Of2019? Table2Of2019 { get; set; }

    public Table3 Table3 { get; }

    public Table4 Table4 { get; set; } = new();

    /// <summary>Section heading number (一 … 六) → its text. Absent when the source has no such section.</summary>
    public Dictionary<string, string> Sections { get; } = new(StringComparer.Ordinal);

    public static string SectionHeading(string key) => key switch
    {
        "一" => "一、总体情况",
        "二" => "二、主动公开政府信息情况",
        "三" => "三、收到和处理政府信息公开申请情况",
        "四" => "四、政府信息公开行政复议、行政诉讼情况",
        "五" => "五、存在的主要问题及改进情况",
        "六" => "六、其他需要报告的事项",
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "sections are 一 … 六"),
    };
}
