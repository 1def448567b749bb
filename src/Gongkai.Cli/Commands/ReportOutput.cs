using System.Globalization;
using System.Text;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Similarity;
using Spectre.Console;
using Spectre.Console.Rendering;
using SpectreText = Spectre.Console.Text;

namespace Gongkai.Cli.Commands;

/// <summary>
/// The readable (non-JSON) output of `gongkai report`: the tables, findings, notes and similarity as console tables.
/// Every text that comes from a file is cleaned of control characters before it reaches a terminal and is never
/// interpreted as console markup.
/// </summary>
internal sealed class ReportOutput
{
    private readonly Text _t;

    public ReportOutput(Text t, IAnsiConsole console)
    {
        _t = t;
        Console = console;
    }

    public IAnsiConsole Console { get; }

    /// <summary>
    /// A console writing to <paramref name="writer"/>. Colours and cursor control only when the writer is the process's
    /// own terminal; otherwise plain text, wide enough that tables are not squeezed.
    /// </summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>Is this writer the process's stdout or stderr, and is that a terminal (not redirected)?</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected)
        || (ReferenceEquals(writer, System.Console.Error) && !System.Console.IsErrorRedirected);

    /// <summary>Text from a file, safe for a terminal: control characters (escape sequences included) become spaces.</summary>
    public static string Clean(string? text, int max = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text)
        {
            if (sb.Length >= max)
            {
                sb.Append('…');
                break;
            }

            sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E' or '\u202D' ? ' ' : c);
        }

        return sb.ToString();
    }

    private static SpectreText Plain(string? text) => new(Clean(text));

    private static string N(long? v) => v?.ToString("N0", CultureInfo.InvariantCulture) ?? "空";

    public string FormatName(ReportFormat format) => format == ReportFormat.V2019
        ? _t["2019 试行格式（国办公开办函〔2019〕60号）", "2019 trial format"]
        : _t["2021 格式（国办公开办函〔2021〕30号）", "2021 format"];

    /// <summary>Header, tables, findings and notes of an imported or validated report.</summary>
    public void Report(ReportEnvelope envelope, string source)
    {
        var report = envelope.Report;
        Console.Write(Plain(_t[
            $"{source}：{report.Agency ?? "（未识别机构）"} {report.Year} 年度政府信息公开工作年度报告，{FormatName(report.Format)}",
            $"{source}: {report.Agency ?? "(agency not found)"}, report on {report.Year}, {FormatName(report.Format)}"]));
        Console.WriteLine();
        if (envelope.Provenance.Count > 0)
        {
            var parts = envelope.Provenance.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{TableName(p.Key)} {p.Value.Method} {p.Value.Confidence.ToString("P0", CultureInfo.InvariantCulture)}");
            Console.Write(Plain(_t["读取方式与可信度：", "How it was read (confidence): "] + string.Join(_t["；", "; "], parts)));
            Console.WriteLine();
        }

        Tables(report);
        Findings(envelope.Findings, report);
        Notes(envelope.Notes);
    }

    private string TableName(string key) => key switch
    {
        "table2" => _t["表二", "table 2"],
        "table3" => _t["表三", "table 3"],
        "table4" => _t["表四", "table 4"],
        "sections" => _t["章节", "sections"],
        _ => key,
    };

    public void Tables(AnnualReport report)
    {
        var t2 = new Table().Title(_t["二、主动公开政府信息情况", "2. Proactive disclosure"]).AddColumn(_t["项目", "item"]).AddColumn(new TableColumn(_t["数量", "value"]).RightAligned());
        foreach (var (label, value) in Table2Rows(report))
        {
            t2.AddRow(Plain(label), Plain(value));
        }

        Console.Write(t2);

        var t3 = new Table().Title(_t["三、收到和处理政府信息公开申请情况", "3. Applications received and handled"]).AddColumn(_t["行", "row"]);
        foreach (var column in Table3Layout.Columns)
        {
            t3.AddColumn(new TableColumn(column.Label).RightAligned());
        }

        foreach (var row in report.Table3.Rows)
        {
            var cells = new List<IRenderable> { Plain(ShortLabel(row)) };
            cells.AddRange(report.Table3[row.Key].Select(v => Plain(N(v))));
            t3.AddRow(cells);
        }

        Console.Write(t3);

        var t4 = new Table().Title(_t["四、政府信息公开行政复议、行政诉讼情况", "4. Administrative review and litigation"]).AddColumn(_t["类别", "block"]);
        foreach (var part in Table4.PartLabels)
        {
            t4.AddColumn(new TableColumn(part).RightAligned());
        }

        foreach (var block in Enum.GetValues<Table4Block>())
        {
            var cells = new List<IRenderable> { Plain(Table4.BlockLabel(block)) };
            foreach (var v in report.Table4.Block(block))
            {
                cells.Add(Plain(N(v)));
            }

            t4.AddRow(cells);
        }

        Console.Write(t4);
        Console.Write(Plain(_t["（“空”表示原文空白或无法识别，不按 0 计。）", "(\"空\" means blank or unreadable in the source; it is not read as 0.)"]));
        Console.WriteLine();
    }

    /// <summary>A table-三 row label short enough for a column: the group's number and the row's own label.</summary>
    public static string ShortLabel(Table3Row row)
    {
        var group = row.Group.StartsWith('（') && row.Group.Contains('）', StringComparison.Ordinal) ? row.Group[..(row.Group.IndexOf('）', StringComparison.Ordinal) + 1)] : string.Empty;
        var label = group + row.Label;
        return label.Length > 26 ? label[..25] + "…" : label;
    }

    private static IEnumerable<(string Label, string Value)> Table2Rows(AnnualReport report)
    {
        if (report.Table2Of2021 is { } t)
        {
            yield return ("规章 本年制发件数", N(t.Regulations.Issued));
            yield return ("规章 本年废止件数", N(t.Regulations.Repealed));
            yield return ("规章 现行有效件数", N(t.Regulations.InForce));
            yield return ("行政规范性文件 本年制发件数", N(t.NormativeDocuments.Issued));
            yield return ("行政规范性文件 本年废止件数", N(t.NormativeDocuments.Repealed));
            yield return ("行政规范性文件 现行有效件数", N(t.NormativeDocuments.InForce));
            yield return ("行政许可 本年处理决定数量", N(t.AdministrativeLicensing));
            yield return ("行政处罚 本年处理决定数量", N(t.AdministrativePenalty));
            yield return ("行政强制 本年处理决定数量", N(t.AdministrativeCoercion));
            yield return ("行政事业性收费 本年收费金额（万元）", t.AdministrativeFees.Text ?? "空");
        }

        if (report.Table2Of2019 is { } o)
        {
            yield return ("规章 本年新制作数量", N(o.Regulations.NewlyMade));
            yield return ("规章 本年新公开数量", N(o.Regulations.NewlyPublished));
            yield return ("规章 对外公开总数量", N(o.Regulations.TotalPublished));
            yield return ("规范性文件 本年新制作数量", N(o.NormativeDocuments.NewlyMade));
            yield return ("规范性文件 本年新公开数量", N(o.NormativeDocuments.NewlyPublished));
            yield return ("规范性文件 对外公开总数量", N(o.NormativeDocuments.TotalPublished));
            foreach (var (label, c, decisions) in new[]
            {
                ("行政许可", o.AdministrativeLicensing, true),
                ("其他对外管理服务事项", o.OtherExternalManagementServices, true),
                ("行政处罚", o.AdministrativePenalty, true),
                ("行政强制", o.AdministrativeCoercion, true),
                ("行政事业性收费", o.AdministrativeFees, false),
            })
            {
                yield return (label + " 上一年项目数量", N(c.PreviousYearItems));
                yield return (label + " 本年增/减", N(c.Change));
                if (decisions)
                {
                    yield return (label + " 处理决定数量", N(c.Decisions));
                }
            }

            yield return ("政府集中采购 采购项目数量", N(o.CentralizedProcurement.Projects));
            yield return ($"政府集中采购 采购总金额（{o.CentralizedProcurement.TotalAmountUnit ?? "单位未注明"}）", o.CentralizedProcurement.TotalAmount.Text ?? "空");
        }
    }

    /// <summary>The findings: a count line, then one row per finding (hard rules first).</summary>
    public void Findings(IReadOnlyList<Finding> findings, AnnualReport report)
    {
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var infos = findings.Count(f => f.Severity == FindingSeverity.Info);
        Console.Write(Plain(_t[
            $"核对结果：硬性规则不通过 {errors} 项，提示 {warnings} 项，无法核对 {infos} 项。",
            $"Validation: {errors} hard-rule failure(s), {warnings} warning(s), {infos} not assessable."]));
        Console.WriteLine();
        if (findings.Count == 0)
        {
            return;
        }

        // One line per finding, hard rules first: the messages are sentences and read better unwrapped than in a grid.
        foreach (var f in findings.OrderBy(f => f.Severity).ThenBy(f => f.Rule, StringComparer.Ordinal))
        {
            var numbers = f.Numbers.Count == 0 ? string.Empty : $"（{Numbers(f.Numbers)}）";
            var message = f.Severity == FindingSeverity.Info && f.Message.StartsWith("无法核对：", StringComparison.Ordinal) ? f.Message["无法核对：".Length..] : f.Message;
            Console.Write(Plain($"  [{SeverityName(f.Severity)}] {f.Rule} {Where(f.Location, report)}：{message}{numbers}"));
            Console.WriteLine();
        }
    }

    public string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => _t["错误", "error"],
        FindingSeverity.Warning => _t["提示", "warning"],
        _ => _t["无法核对", "not assessable"],
    };

    private static string Numbers(IReadOnlyList<FindingNumber> numbers) =>
        string.Join(", ", numbers.Select(n => $"{n.Name}={n.Value?.ToString(CultureInfo.InvariantCulture) ?? "空"}"));

    /// <summary>Where a finding is, in the words of the printed report.</summary>
    public static string Where(FindingLocation location, AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(location);
        var column = location.Column is { } c ? Table3Layout.Columns.FirstOrDefault(x => x.Key == c)?.Label : null;
        switch (location.Table)
        {
            case "table3":
                var row = location.Row is { } r && report.Table3.HasRow(r) ? report.Table3.Rows.First(x => x.Key == r) : null;
                return (row, column) switch
                {
                    (not null, not null) => $"表三“{ShortLabel(row)}”行·{column}",
                    (not null, null) => $"表三“{ShortLabel(row)}”行",
                    (null, not null) => $"表三“{column}”列",
                    _ => "表三",
                };
            case "table4":
                var block = Enum.GetValues<Table4Block>().Where(b => Table4.BlockKey(b) == location.Block).Select(Table4.BlockLabel).FirstOrDefault();
                var part = location.Column is { } p && Table4.PartKeys.Contains(p) ? Table4.PartLabels[Table4.PartKeys.ToList().IndexOf(p)] : null;
                return "表四" + (block is null ? string.Empty : $"“{block}”") + (part is null ? string.Empty : "·" + part);
            case "table2":
                return "表二" + (location.Row is { } k ? " " + k : string.Empty);
            case "sections":
                return location.Section is { } s ? $"第{s}部分" : "正文";
            case "publication":
                return "发布日期";
            default:
                return location.ToString();
        }
    }

    public void Notes(IReadOnlyList<ImportNote> notes)
    {
        if (notes.Count == 0)
        {
            return;
        }

        var table = new Table().Title(_t["导入备注", "Import notes"]).AddColumn(_t["位置", "where"]).AddColumn(_t["说明", "message"]).AddColumn(_t["原文", "printed"]).AddColumn(_t["可能的拆分", "candidate splits"]);
        foreach (var n in notes)
        {
            var candidates = n.Candidates is null ? string.Empty : string.Join(" / ", n.Candidates.Take(6).Select(c => string.Join(",", c))) + (n.Candidates.Count > 6 ? " …" : string.Empty);
            table.AddRow(Plain(n.Location), Plain(n.Message), Plain(Clean(n.Printed, 60)), Plain(candidates));
        }

        Console.Write(table);
    }

    /// <summary>The 雷同 comparison, section by section, with the overlapping passages.</summary>
    public void Similarity(IReadOnlyList<SectionSimilarity> sections, string a, string b, double threshold)
    {
        Console.Write(Plain(_t[$"雷同比对：{a} 与 {b}（按 {a} 计算：其中有多少内容也出现在 {b} 中）", $"Similarity: how much of {a} also appears in {b}"]));
        Console.WriteLine();
        if (sections.Count == 0)
        {
            Console.Write(Plain(_t["两份报告没有共同的章节可比对。", "The two reports have no section in common."]));
            Console.WriteLine();
            return;
        }

        var table = new Table().AddColumn(_t["部分", "section"]).AddColumn(new TableColumn(_t["相似度", "similarity"]).RightAligned()).AddColumn(new TableColumn(_t["比对字数", "characters"]).RightAligned()).AddColumn(new TableColumn(_t["重合段落", "passages"]).RightAligned()).AddColumn(_t["判断", "verdict"]);
        foreach (var s in sections)
        {
            var flagged = s.Result.ComparedCharacters >= Core.Reports.Validation.ReportValidator.MinimumCharactersForSimilarity && s.Result.Ratio >= threshold;
            table.AddRow(
                Plain(AnnualReport.SectionHeading(s.Section)),
                Plain(s.Result.Percent.ToString(CultureInfo.InvariantCulture) + "%"),
                Plain(s.Result.ComparedCharacters.ToString(CultureInfo.InvariantCulture)),
                Plain(s.Result.Passages.Count.ToString(CultureInfo.InvariantCulture)),
                Plain(flagged ? _t["可能雷同", "possibly copied"] : s.Result.ComparedCharacters < Core.Reports.Validation.ReportValidator.MinimumCharactersForSimilarity ? _t["过短，不判断", "too short to judge"] : string.Empty));
        }

        Console.Write(table);
        foreach (var s in sections.Where(s => s.Result.Passages.Count > 0))
        {
            Console.Write(Plain(_t[$"{AnnualReport.SectionHeading(s.Section)}：重合段落", $"{AnnualReport.SectionHeading(s.Section)}: overlapping passages"]));
            Console.WriteLine();
            foreach (var p in s.Result.Passages)
            {
                Console.Write(Plain($"  [{p.Start}+{p.Length}] {Clean(p.Text, 120)}"));
                Console.WriteLine();
            }
        }
    }
}
