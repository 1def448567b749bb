using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>The messy shapes published reports come in.</summary>
public enum RenderStyle
{
    /// <summary>Cells separated by " | ", group labels in their own cell, padding cells at the end (the mirror-site shape).</summary>
    Pipe,

    /// <summary>A markdown table: leading and trailing |, a |---| rule under the header.</summary>
    Markdown,

    /// <summary>Cells separated by spaces, one row a line.</summary>
    Spaces,

    /// <summary>Crawled text: the digits of a table-三/四 row printed together without separators.</summary>
    RunTogether,

    /// <summary>Each label on its own line, its numbers on the next line.</summary>
    LabelLineThenNumbers,

    /// <summary>All labels of table 三 first, then all its number rows (a converter that read the columns apart).</summary>
    LabelsColumnThenNumbersColumn,

    /// <summary>A PDF converter's lines: long labels wrapped in two, the numbers (vertically centred) between the halves.</summary>
    WrappedLabels,

    /// <summary>Spaces, with a page footer and a repeated header inside table 三 and one row broken across the page.</summary>
    PageBreaks,

    /// <summary>The pipe shape as a mirror site copies it: traditional characters, pinyin after some, "?" lines (<see cref="MirrorCopy"/>).</summary>
    MirrorCopy,
}

/// <summary>Renders a report into the text shapes of <see cref="RenderStyle"/>.</summary>
public static class ReportRenderer
{
    public static string Render(AnnualReport report, RenderStyle style)
    {
        if (style == RenderStyle.MirrorCopy)
        {
            return Reports.MirrorCopy.Apply(Render(report, RenderStyle.Pipe));
        }

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{report.Agency}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"{report.Year}年政府信息公开工作年度报告");
        sb.AppendLine(report.Format == ReportFormat.V2019
            ? "本报告根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。"
            : "本报告根据《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。");
        sb.AppendLine("一、总体情况").AppendLine(report.Sections["一"]);
        sb.AppendLine("二、主动公开政府信息情况");
        foreach (var (label, values) in Table2Rows(report))
        {
            if (values is null)
            {
                sb.AppendLine(Join(style, [label]));
            }
            else
            {
                sb.AppendLine(Row(style is RenderStyle.RunTogether or RenderStyle.LabelsColumnThenNumbersColumn or RenderStyle.PageBreaks or RenderStyle.WrappedLabels ? RenderStyle.Spaces : style, [label], values));
            }
        }

        sb.AppendLine("三、收到和处理政府信息公开申请情况");
        sb.AppendLine(Join(style, ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"]));
        if (style == RenderStyle.Markdown)
        {
            sb.AppendLine("|---|---|---|---|---|---|---|---|");
        }

        sb.AppendLine(Join(style, ["自然人", "法人或其他组织", "总计"]));
        sb.AppendLine(Join(style, ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]));
        var rows = report.Table3.Rows;
        var printedGroups = new HashSet<string>(StringComparer.Ordinal);
        var labelLines = new List<string>();
        var numberLines = new List<string>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var labels = new List<string>();
            if (row.Group.Length > 0 && printedGroups.Add(row.Group))
            {
                labels.Add(row.Group);
            }

            labels.Add(row.Label);
            var values = report.Table3[row.Key].Select(Cell).ToList();
            switch (style)
            {
                case RenderStyle.LabelsColumnThenNumbersColumn:
                    labelLines.Add(string.Join(' ', labels));
                    numberLines.Add(string.Join(' ', values));
                    break;
                case RenderStyle.WrappedLabels when row.Label.Length > 16:
                    var cut = row.Label.Length / 2;
                    sb.AppendLine(string.Join(' ', labels.Take(labels.Count - 1).Append(row.Label[..cut])));
                    sb.AppendLine(string.Join(' ', values));
                    sb.AppendLine(row.Label[cut..]);
                    break;
                case RenderStyle.WrappedLabels:
                    sb.AppendLine(Row(RenderStyle.Spaces, labels, values));
                    break;
                case RenderStyle.PageBreaks when i == 9:
                    sb.AppendLine(string.Join(' ', labels) + " " + string.Join(' ', values.Take(3)));
                    sb.AppendLine("— 7 —");
                    sb.AppendLine("自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计");
                    sb.AppendLine(string.Join(' ', values.Skip(3)));
                    break;
                case RenderStyle.PageBreaks when i == 15:
                    sb.AppendLine("第 8 页 共 12 页");
                    sb.AppendLine(Row(RenderStyle.Spaces, labels, values));
                    break;
                case RenderStyle.PageBreaks:
                    sb.AppendLine(Row(RenderStyle.Spaces, labels, values));
                    break;
                default:
                    sb.AppendLine(Row(style, labels, values));
                    break;
            }
        }

        foreach (var l in labelLines)
        {
            sb.AppendLine(l);
        }

        foreach (var l in numberLines)
        {
            sb.AppendLine(l);
        }

        sb.AppendLine("四、政府信息公开行政复议、行政诉讼情况");
        sb.AppendLine(Join(style, ["行政复议", "行政诉讼"]));
        sb.AppendLine(Join(style, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]));
        sb.AppendLine(Join(style, ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]));
        var t4 = report.Table4.Cells.Select(Cell).ToList();
        sb.AppendLine(style switch
        {
            RenderStyle.RunTogether => string.Concat(t4),
            RenderStyle.LabelLineThenNumbers or RenderStyle.LabelsColumnThenNumbersColumn or RenderStyle.PageBreaks or RenderStyle.Spaces or RenderStyle.WrappedLabels => string.Join(' ', t4),
            _ => Join(style, t4),
        });
        sb.AppendLine("五、存在的主要问题及改进情况").AppendLine(report.Sections["五"]);
        sb.AppendLine("六、其他需要报告的事项").AppendLine(report.Sections["六"]);
        return sb.ToString();
    }

    private static string Cell(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Row(RenderStyle style, List<string> labels, IReadOnlyList<string> values) => style switch
    {
        RenderStyle.RunTogether => string.Join(' ', labels) + string.Concat(values),
        RenderStyle.LabelLineThenNumbers => string.Join(' ', labels) + "\n" + string.Join(' ', values),
        RenderStyle.Spaces => string.Join(' ', labels) + " " + string.Join(' ', values),
        _ => Join(style, [.. labels, .. values]),
    };

    private static string Join(RenderStyle style, IReadOnlyList<string> cells) => style switch
    {
        RenderStyle.Pipe => string.Join(" | ", cells) + " | ||",
        RenderStyle.Markdown => "| " + string.Join(" | ", cells) + " |",
        _ => string.Join(' ', cells),
    };

    private static IEnumerable<(string Label, IReadOnlyList<string>? Values)> Table2Rows(AnnualReport report)
    {
        static string N(long? v) => Cell(v);
        if (report.Table2Of2021 is { } t)
        {
            yield return ("第二十条第（一）项", null);
            yield return ("信息内容 本年制发件数 本年废止件数 现行有效件数", null);
            yield return ("规章", [N(t.Regulations.Issued), N(t.Regulations.Repealed), N(t.Regulations.InForce)]);
            yield return ("行政规范性文件", [N(t.NormativeDocuments.Issued), N(t.NormativeDocuments.Repealed), N(t.NormativeDocuments.InForce)]);
            yield return ("第二十条第（五）项", null);
            yield return ("信息内容 本年处理决定数量", null);
            yield return ("行政许可", [N(t.AdministrativeLicensing)]);
            yield return ("第二十条第（六）项", null);
            yield return ("信息内容 本年处理决定数量", null);
            yield return ("行政处罚", [N(t.AdministrativePenalty)]);
            yield return ("行政强制", [N(t.AdministrativeCoercion)]);
            yield return ("第二十条第（八）项", null);
            yield return ("信息内容 本年收费金额（单位：万元）", null);
            yield return ("行政事业性收费", [t.AdministrativeFees.Text ?? "—"]);
        }

        if (report.Table2Of2019 is { } o)
        {
            static string[] Items(ItemCounts c, bool decisions) => decisions
                ? [N(c.PreviousYearItems), N(c.Change), N(c.Decisions)]
                : [N(c.PreviousYearItems), N(c.Change)];
            yield return ("第二十条第（一）项", null);
            yield return ("信息内容 本年新制作数量 本年新公开数量 对外公开总数量", null);
            yield return ("规章", [N(o.Regulations.NewlyMade), N(o.Regulations.NewlyPublished), N(o.Regulations.TotalPublished)]);
            yield return ("规范性文件", [N(o.NormativeDocuments.NewlyMade), N(o.NormativeDocuments.NewlyPublished), N(o.NormativeDocuments.TotalPublished)]);
            yield return ("第二十条第（五）项", null);
            yield return ("信息内容 上一年项目数量 本年增/减 处理决定数量", null);
            yield return ("行政许可", Items(o.AdministrativeLicensing, true));
            yield return ("其他对外管理服务事项", Items(o.OtherExternalManagementServices, true));
            yield return ("第二十条第（六）项", null);
            yield return ("信息内容 上一年项目数量 本年增/减 处理决定数量", null);
            yield return ("行政处罚", Items(o.AdministrativePenalty, true));
            yield return ("行政强制", Items(o.AdministrativeCoercion, true));
            yield return ("第二十条第（八）项", null);
            yield return ("信息内容 上一年项目数量 本年增/减", null);
            yield return ("行政事业性收费", Items(o.AdministrativeFees, false));
            yield return ("第二十条第（九）项", null);
            yield return ("信息内容 采购项目数量 采购总金额（单位：万元）", null);
            yield return ("政府集中采购", [N(o.CentralizedProcurement.Projects), o.CentralizedProcurement.TotalAmount.Text ?? "—"]);
        }
    }
}
