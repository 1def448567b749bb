using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Common;

namespace Gongkai.Core.Reports.Import;

/// <summary>What the caller knows about the document better than the document itself.</summary>
public sealed record ReportImportOptions
{
    public string? Agency { get; init; }

    public int? Year { get; init; }

    public ReportFormat? Format { get; init; }
}

/// <summary>
/// Reads an annual report from plain text or markdown (crawled pages, PDF/OCR conversions, mirror copies): normalises
/// the text (<see cref="TextNormalizer"/>), finds the section headings, then reads each table's rows by their labels.
/// It returns what is printed: a blank or unreadable cell is null, a run of digits that splits more than one way is
/// null with its candidates in the notes, and a figure that breaks a rule is kept as printed.
/// </summary>
public static partial class TextReportImporter
{
    public const string UnreadableCode = "report.unreadable";

    private static readonly (string Key, string[] Headings)[] SectionHeadings =
    [
        ("一", ["一总体情况"]),
        ("二", ["二主动公开政府信息情况"]),
        ("三", ["三收到和处理政府信息公开申请情况"]),
        ("四", ["四政府信息公开行政复议行政诉讼情况"]),
        ("五", ["五存在的主要问题及改进情况", "五存在的问题及改进情况"]),
        ("六", ["六其他需要报告的事项"]),
    ];

    private static readonly RowLabel[] Table2Of2021Labels =
    [
        new("regulations", "规章"),
        new("normative_documents", "规范性文件"),
        new("administrative_licensing", "行政许可"),
        new("administrative_penalty", "行政处罚"),
        new("administrative_coercion", "行政强制"),
        new("administrative_fees", "行政事业性收费"),
    ];

    private static readonly RowLabel[] Table2Of2019Labels =
    [
        new("regulations", "规章"),
        new("normative_documents", "规范性文件"),
        new("administrative_licensing", "行政许可"),
        new("other_external_management_services", "其他对外管理服务事项"),
        new("administrative_penalty", "行政处罚"),
        new("administrative_coercion", "行政强制"),
        new("administrative_fees", "行政事业性收费"),
        new("centralized_procurement", "政府集中采购"),
    ];

    private static readonly Dictionary<string, string[]> Table3Signatures = new(StringComparer.Ordinal)
    {
        ["new_received"] = ["本年新收政府信息公开申请数量"],
        ["carried_over"] = ["上年结转政府信息公开申请数量"],
        ["granted"] = ["予以公开"],
        ["partially_granted"] = ["部分公开"],
        ["withheld_state_secret"] = ["属于国家秘密"],
        ["withheld_other_law"] = ["其他法律行政法规禁止公开"],
        ["withheld_three_safeties_one_stability"] = ["危及三安全一稳定"],
        ["withheld_third_party_rights"] = ["保护第三方合法权益"],
        ["withheld_internal_affairs"] = ["属于三类内部事务信息"],
        ["withheld_process_info"] = ["属于四类过程性信息"],
        ["withheld_law_enforcement_file"] = ["属于行政执法案卷"],
        ["withheld_administrative_query"] = ["属于行政查询事项"],
        ["unavailable_not_held"] = ["本机关不掌握相关政府信息"],
        ["unavailable_needs_creation"] = ["没有现成信息需要另行制作"],
        ["unavailable_unclear_after_correction"] = ["补正后申请内容仍不明确"],
        ["not_processed_petition_complaint"] = ["信访举报投诉类申请"],
        ["not_processed_repeated"] = ["重复申请"],
        ["not_processed_publication"] = ["要求提供公开出版物"],
        ["not_processed_massive_unreasonable"] = ["无正当理由大量反复申请"],
        ["not_processed_confirm_or_reissue"] = ["要求行政机关确认或重新出具已获取信息"],
        ["other_no_correction_overdue"] = ["申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"],
        ["other_fee_not_paid"] = ["申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"],
        ["other_other"] = ["3其他"],
        ["other"] = ["其他处理"],
        ["total_processed"] = ["总计"],
        ["carried_forward"] = ["结转下年度继续办理"],
    };

    private static readonly string[] Table4RowWords = ["行政复议", "行政诉讼", "直接起诉", "复议后起诉"];

    public static ReportEnvelope Import(string text, ReportImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        return ImportNormalizedLines(normalized.Split('\n'), options ?? new ReportImportOptions());
    }

    /// <summary>Imports lines that are already normalised (<see cref="TextNormalizer.Normalize"/>), e.g. by a caller that normalised the whole document.</summary>
    public static ReportEnvelope ImportNormalizedLines(IReadOnlyList<string> rawLines, ReportImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(rawLines);
        ArgumentNullException.ThrowIfNull(options);
        var lines = rawLines.Select((l, i) => ReportLine.Parse(i, l)).ToList();
        var fullText = string.Join('\n', rawLines);

        var year = options.Year ?? DetectYear(fullText)
            ?? throw new DomainException(UnreadableCode, "无法读取：找不到报告年度（如“2024年政府信息公开工作年度报告”），请指定年度。");
        var format = options.Format ?? DetectFormat(fullText, year);
        var report = new AnnualReport(options.Agency ?? DetectAgency(rawLines, year), year, format);
        var envelope = new ReportEnvelope(report);
        var context = new ReadContext(envelope);

        var headings = FindHeadings(lines);
        ReadSections(lines, headings, report);
        envelope.Provenance["sections"] = new TableProvenance("headings", headings.Count / 6.0);

        var found = 0;
        found += format == ReportFormat.V2019
            ? ReadTable2Of2019(Region(lines, headings, "二"), context)
            : ReadTable2Of2021(Region(lines, headings, "二"), context);
        found += ReadTable3(Region(lines, headings, "三"), context);
        found += ReadTable4(Table4Region(lines, headings), context);

        if (found == 0 && headings.Count == 0)
        {
            throw new DomainException(UnreadableCode, "无法读取：文本中既没有年度报告的章节标题，也没有可识别的表格行。");
        }

        return envelope;
    }

    private static int? DetectYear(string text)
    {
        var m = TitleYear().Match(text);
        if (m.Success)
        {
            return int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        m = PeriodYear().Match(text);
        return m.Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
    }

    private static string? DetectAgency(IReadOnlyList<string> lines, int year)
    {
        var head = string.Concat(lines.Where(l => l.Trim().Length > 0).Take(4).Select(l => l.Trim()));
        // Office exports space digits apart from ideographs ("人民政府 2024 年").
        var match = Regex.Match(head, year.ToString(CultureInfo.InvariantCulture) + @"\s*年", RegexOptions.CultureInvariant);
        var at = match.Success ? match.Index : -1;
        if (at <= 0)
        {
            return null;
        }

        var agency = head[..at].Trim();
        if (agency.EndsWith("关于", StringComparison.Ordinal))
        {
            agency = agency[..^2].Trim();
        }

        return agency.Length is > 0 and <= 40 && agency.All(c => TextNormalizer.IsIdeograph(c) || c is '（' or '）' or '(' or ')') ? agency : null;
    }

    private static ReportFormat DetectFormat(string text, int year)
    {
        var key = TextNormalizer.LabelKey(text);
        if (key.Contains("2021", StringComparison.Ordinal) && key.Contains("30号", StringComparison.Ordinal) && key.Contains("国办公开办函2021", StringComparison.Ordinal))
        {
            return ReportFormat.V2021;
        }

        if (key.Contains("国办公开办函201960号", StringComparison.Ordinal))
        {
            return ReportFormat.V2019;
        }

        if (key.Contains("本年制发件数", StringComparison.Ordinal) || key.Contains("本年废止件数", StringComparison.Ordinal))
        {
            return ReportFormat.V2021;
        }

        if (key.Contains("本年新制作数量", StringComparison.Ordinal) || key.Contains("上一年项目数量", StringComparison.Ordinal))
        {
            return ReportFormat.V2019;
        }

        return ReportFormats.ForYear(year);
    }

    private static Dictionary<string, int> FindHeadings(List<ReportLine> lines)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var from = 0;
        foreach (var (key, headings) in SectionHeadings)
        {
            for (var i = from; i < lines.Count; i++)
            {
                var lineKey = lines[i].LabelKey;
                if (lineKey.Length == 0 || !lineKey.StartsWith(key, StringComparison.Ordinal) || lines[i].HasValues)
                {
                    continue;
                }

                if (headings.Any(h => lineKey.Length <= h.Length + 6 && LabelMatcher.LongestCommonSubsequence(lineKey, h) >= h.Length * 0.8))
                {
                    found[key] = i;
                    from = i + 1;
                    break;
                }
            }
        }

        return found;
    }

    private static void ReadSections(List<ReportLine> lines, Dictionary<string, int> headings, AnnualReport report)
    {
        foreach (var key in AnnualReport.NarrativeSectionKeys)
        {
            if (!headings.TryGetValue(key, out var start))
            {
                continue;
            }

            var end = headings.Values.Where(v => v > start).DefaultIfEmpty(lines.Count).Min();
            // Lines of nothing but "?" are characters a mirror site lost (a bullet, a symbol), not text.
            var text = string.Join('\n', lines.Skip(start + 1).Take(end - start - 1).Where(l => !l.IsPageFooter).Select(l => l.Text.Trim()).Where(t => t.Length > 0 && !t.All(c => c is '?' or '？')));
            report.Sections[key] = text;
        }
    }

    private static List<ReportLine> Region(List<ReportLine> lines, Dictionary<string, int> headings, string key)
    {
        if (!headings.TryGetValue(key, out var start))
        {
            // No heading: the whole text; the in-order label alignment still finds the rows.
            return lines;
        }

        var end = headings.Values.Where(v => v > start).DefaultIfEmpty(lines.Count).Min();
        return lines.GetRange(start + 1, end - start - 1);
    }

    private static List<ReportLine> Table4Region(List<ReportLine> lines, Dictionary<string, int> headings)
    {
        if (headings.ContainsKey("四"))
        {
            return Region(lines, headings, "四");
        }

        var header = lines.FindIndex(l => l.LabelKey.Contains("行政复议", StringComparison.Ordinal) && l.LabelKey.Contains("行政诉讼", StringComparison.Ordinal) && l.LabelKey.Length < 60);
        if (header < 0)
        {
            return [];
        }

        var end = headings.Values.Where(v => v > header).DefaultIfEmpty(lines.Count).Min();
        return lines.GetRange(header, Math.Min(end - header, 12));
    }

    // ---- table 二 ----------------------------------------------------------------------------------------------

    private static int ReadTable2Of2021(List<ReportLine> region, ReadContext ctx)
    {
        var rows = ReadRows(region, Table2Of2021Labels, k => k is "regulations" or "normative_documents" ? 3 : 1, ctx, "table2");
        var cells = new Dictionary<string, decimal?[]>(StringComparer.Ordinal);
        var printed = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var label in Table2Of2021Labels)
        {
            var n = label.Key is "regulations" or "normative_documents" ? 3 : 1;
            var isFee = label.Key == "administrative_fees";
            cells[label.Key] = rows.TryGetValue(label.Key, out var read)
                ? ToCells(read.Tokens, n, DigitRunSplitter.NoRule, "table2." + label.Key, ctx, allowDecimal: isFee, allowNegative: false).Cells
                : new decimal?[n];
            printed[label.Key] = isFee && read is not null ? PrintedNumber(read.Tokens) : null;
        }

        ctx.Envelope.Report.Table2Of2021 = new Table2Of2021
        {
            Regulations = new DocumentCounts(Long(cells["regulations"][0]), Long(cells["regulations"][1]), Long(cells["regulations"][2])),
            NormativeDocuments = new DocumentCounts(Long(cells["normative_documents"][0]), Long(cells["normative_documents"][1]), Long(cells["normative_documents"][2])),
            AdministrativeLicensing = Long(cells["administrative_licensing"][0]),
            AdministrativePenalty = Long(cells["administrative_penalty"][0]),
            AdministrativeCoercion = Long(cells["administrative_coercion"][0]),
            AdministrativeFees = new PrintedAmount(cells["administrative_fees"][0], cells["administrative_fees"][0] is null ? null : printed["administrative_fees"]),
        };
        ctx.SetProvenance("table2", region, rows.Values, cells.Values.Sum(c => c.Count(v => v is not null)), 10);
        return rows.Count;
    }

    private static int ReadTable2Of2019(List<ReportLine> region, ReadContext ctx)
    {
        static int Width(string key) => key is "administrative_fees" or "centralized_procurement" ? 2 : 3;
        var rows = ReadRows(region, Table2Of2019Labels, Width, ctx, "table2");
        var cells = new Dictionary<string, decimal?[]>(StringComparer.Ordinal);
        string? amountText = null;
        foreach (var label in Table2Of2019Labels)
        {
            var isProcurement = label.Key == "centralized_procurement";
            var signed = label.Key is not "regulations" and not "normative_documents" and not "centralized_procurement";
            if (rows.TryGetValue(label.Key, out var read))
            {
                cells[label.Key] = ToCells(read.Tokens, Width(label.Key), DigitRunSplitter.NoRule, "table2." + label.Key, ctx, allowDecimal: isProcurement, allowNegative: signed).Cells;
                if (isProcurement && read.Tokens.Count == 2 && read.Tokens[1].Kind == ValueTokenKind.Number)
                {
                    amountText = read.Tokens[1].Printed;
                }
            }
            else
            {
                cells[label.Key] = new decimal?[Width(label.Key)];
            }
        }

        ItemCounts Items(string key) => new(Long(cells[key][0]), Long(cells[key][1]), cells[key].Length > 2 ? Long(cells[key][2]) : null);
        PublicationCounts Pub(string key) => new(Long(cells[key][0]), Long(cells[key][1]), Long(cells[key][2]));
        var unit = region.Select(l => ProcurementUnit().Match(l.Text)).FirstOrDefault(m => m.Success)?.Groups["unit"].Value;
        var procurement = cells["centralized_procurement"];
        ctx.Envelope.Report.Table2Of2019 = new Table2Of2019
        {
            Regulations = Pub("regulations"),
            NormativeDocuments = Pub("normative_documents"),
            AdministrativeLicensing = Items("administrative_licensing"),
            OtherExternalManagementServices = Items("other_external_management_services"),
            AdministrativePenalty = Items("administrative_penalty"),
            AdministrativeCoercion = Items("administrative_coercion"),
            AdministrativeFees = Items("administrative_fees"),
            CentralizedProcurement = new ProcurementFigures(Long(procurement[0]), new PrintedAmount(procurement[1], procurement[1] is null ? null : amountText), unit),
        };
        ctx.SetProvenance("table2", region, rows.Values, cells.Values.Sum(c => c.Count(v => v is not null)), cells.Values.Sum(c => c.Length));
        return rows.Count;
    }

    // ---- table 三 ----------------------------------------------------------------------------------------------

    private static int ReadTable3(List<ReportLine> region, ReadContext ctx)
    {
        var table = ctx.Envelope.Report.Table3;
        var labels = table.Rows.Select(r => new RowLabel(r.Key, Table3Signatures[r.Key])).ToList();
        var rows = ReadRows(region, labels, _ => Table3Layout.ColumnCount, ctx, "table3");
        var ambiguous = new Dictionary<string, IReadOnlyList<long[]>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (!rows.TryGetValue(row.Key, out var read))
            {
                continue;
            }

            var result = ToCells(read.Tokens, Table3Layout.ColumnCount, DigitRunSplitter.Table3RowRule, "table3." + row.Key, ctx, allowDecimal: false, allowNegative: false, deferAmbiguity: true);
            if (result.Candidates is { Count: > 1 })
            {
                ambiguous[row.Key] = result.Candidates;
            }
            else
            {
                table.SetRow(row.Key, result.Cells.Select(Long).ToList());
            }
        }

        ResolveByColumnRules(table, ambiguous, ctx);
        NoteUnmatchedRows(table, rows, region, ctx);
        var cellsRead = table.Rows.Sum(r => table[r.Key].Count(c => c is not null));
        ctx.SetProvenance("table3", region, rows.Values, cellsRead, table.Rows.Count * Table3Layout.ColumnCount);
        return rows.Count;
    }

    /// <summary>
    /// A row whose run of digits split more than one way: a split is kept only if it is the sole one for which the
    /// column rules R2 and R3 hold wherever every other term of the rule is known.
    /// </summary>
    private static void ResolveByColumnRules(Table3 table, Dictionary<string, IReadOnlyList<long[]>> ambiguous, ReadContext ctx)
    {
        var progress = true;
        while (progress && ambiguous.Count > 0)
        {
            progress = false;
            foreach (var (key, candidates) in ambiguous.ToList())
            {
                var fitting = candidates.Where(c => FitsColumns(table, key, c)).ToList();
                if (fitting.Count == 1)
                {
                    table.SetRow(key, fitting[0].Select(v => (long?)v).ToList());
                    ctx.SplitUsed = true;
                    ctx.Note("table3." + key, "数字连写，按本行总计及各列勾稽关系（第一项加第二项等于第三项加第四项、（七）总计等于各办理结果之和）确定唯一拆分。", string.Join(' ', fitting[0]));
                    ambiguous.Remove(key);
                    progress = true;
                }
            }
        }

        foreach (var (key, candidates) in ambiguous)
        {
            ctx.Envelope.Notes.Add(new ImportNote("table3." + key, "数字连写，按表内勾稽关系有多种拆分方式，无法确定，本行留空待人工核对。", null, candidates.Select(c => (IReadOnlyList<long>)c).ToList()));
        }
    }

    private static bool FitsColumns(Table3 table, string key, long[] candidate)
    {
        long? Cell(string row, int col) => row == key ? candidate[col] : table.HasRow(row) ? table[row][col] : null;
        var results = table.Rows.Where(r => r.Role == Table3RowRole.Result).Select(r => r.Key).ToList();
        for (var col = 0; col < Table3Layout.ColumnCount; col++)
        {
            // R2: 一 + 二 = （七） + 四.
            var r2 = new[] { Cell("new_received", col), Cell("carried_over", col), Cell("total_processed", col), Cell("carried_forward", col) };
            if (r2.All(v => v is not null) && r2[0] + r2[1] != r2[2] + r2[3])
            {
                return false;
            }

            // R3: （七） = Σ results.
            var parts = results.Select(r => Cell(r, col)).ToList();
            var total = Cell("total_processed", col);
            if (total is not null && parts.All(v => v is not null) && parts.Sum() != total)
            {
                return false;
            }
        }

        return true;
    }

    private static void NoteUnmatchedRows(Table3 table, Dictionary<string, RowRead> rows, List<ReportLine> region, ReadContext ctx)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var missing = table.Rows.Where(r => !rows.ContainsKey(r.Key)).ToList();
        if (table.Format == ReportFormat.V2021 && missing.Count(r => r.Key.StartsWith("other_", StringComparison.Ordinal)) == 3)
        {
            var single = region.FirstOrDefault(l => l.LabelKey.Contains("其他处理", StringComparison.Ordinal) && l.HasValues);
            if (single is not null)
            {
                ctx.Note("table3.other_*", "（六）其他处理印成一行（试行格式的写法），无法分到 2021 格式的三个子项，三行留空。", string.Join(" ", single.Values.Select(v => v.Printed)));
                missing = missing.Where(r => !r.Key.StartsWith("other_", StringComparison.Ordinal)).ToList();
            }
        }

        foreach (var row in missing)
        {
            ctx.Note("table3." + row.Key, $"未找到“{row.FullLabel}”一行，本行留空。");
        }
    }

    // ---- table 四 ----------------------------------------------------------------------------------------------

    private static int ReadTable4(List<ReportLine> region, ReadContext ctx)
    {
        var tokens = new List<ValueToken>();
        var lines = 0;
        foreach (var line in region)
        {
            if (line.IsPageFooter || !line.HasValues)
            {
                continue;
            }

            if (!line.HasLabel || (line.LabelKey.Length <= 16 && Table4RowWords.Any(w => line.LabelKey.Contains(w, StringComparison.Ordinal))))
            {
                tokens.AddRange(line.ValuesWithoutTrailingEmpties());
                lines++;
            }
        }

        if (lines == 0)
        {
            ctx.Envelope.Provenance["table4"] = new TableProvenance("not_found", 0);
            ctx.Note("table4", "未找到表四（行政复议、行政诉讼情况）的数字，表四留空。");
            return 0;
        }

        var result = ToCells(tokens, Table4.CellCount, DigitRunSplitter.Table4Rule, "table4", ctx, allowDecimal: false, allowNegative: false);
        ctx.Envelope.Report.Table4 = new Table4(result.Cells.Select(Long).ToList());
        var read = result.Cells.Count(c => c is not null);
        ctx.Envelope.Provenance["table4"] = new TableProvenance(
            (region.Any(l => l.Piped) ? "pipe_table" : "text_table") + (ctx.SplitUsed ? "+split_digits" : string.Empty),
            (double)read / Table4.CellCount * (ctx.SplitUsed ? 0.9 : 1));
        return 1;
    }

    // ---- rows and cells ----------------------------------------------------------------------------------------

    private sealed class RowRead(string key, double score, List<ValueToken> tokens)
    {
        public string Key { get; } = key;

        public double Score { get; } = score;

        public List<ValueToken> Tokens { get; } = tokens;

        public bool FromSeparateLine { get; set; }
    }

    /// <summary>
    /// Finds the rows of a table in a region: aligns the labelled lines to the rows in order, then gives each row its
    /// values: those on its own line, values-only lines that continue a short row (a row split across lines or pages),
    /// or, for labels printed without numbers, the values-only lines that follow, in order.
    /// </summary>
    private static Dictionary<string, RowRead> ReadRows(List<ReportLine> region, IReadOnlyList<RowLabel> labels, Func<string, int> width, ReadContext ctx, string table)
    {
        var labelled = region.Where(l => l.HasLabel && !l.IsPageFooter).ToList();
        var alignment = LabelMatcher.Align(labelled.Select(l => l.LabelKey).ToList(), labels);
        var rowOfLine = new Dictionary<int, (string Key, double Score)>();
        for (var j = 0; j < labels.Count; j++)
        {
            if (alignment[j] is { } a)
            {
                rowOfLine[labelled[a.Line].Index] = (labels[j].Key, a.Score);
            }
        }

        var reads = new Dictionary<string, RowRead>(StringComparer.Ordinal);
        var waiting = new Queue<RowRead>();
        RowRead? current = null;
        foreach (var line in region)
        {
            if (line.IsPageFooter || (!line.HasLabel && !line.HasValues))
            {
                continue;
            }

            if (rowOfLine.TryGetValue(line.Index, out var row))
            {
                var read = new RowRead(row.Key, row.Score, line.HasValues ? [.. line.Values] : []);
                reads[row.Key] = read;
                if (line.HasValues)
                {
                    current = read;
                }
                else
                {
                    waiting.Enqueue(read);
                    current = null;
                }

                continue;
            }

            if (line.HasLabel && !(waiting.Count > 0 && line.HasValues && (line.LabelKey.Length <= StrayLabelMaxLength || ContinuesLabel(line.LabelKey, labels, waiting.Peek().Key))))
            {
                // A header, a caption or prose: it neither is a row nor ends one.
                continue;
            }

            // Values, possibly next to a stray fragment of a group label printed down its column (其他处 | 0 | 0 …), or
            // next to the middle part of the waiting row's own label wrapped over three lines, the numbers centred on
            // the middle one (正、行政机关不再处理其政府信 | 0 | 0 …).

            if (current is not null && current.Tokens.Count(t => t.Kind != ValueTokenKind.Empty) < width(current.Key) && !IsRunTogether(current.Tokens))
            {
                current.Tokens.AddRange(line.ValuesWithoutTrailingEmpties());
                current.FromSeparateLine = true;
            }
            else if (waiting.Count > 0)
            {
                current = waiting.Dequeue();
                current.Tokens.AddRange(line.ValuesWithoutTrailingEmpties());
                current.FromSeparateLine = true;
            }
            else if (reads.Count > 0 && table != "table4")
            {
                ctx.Note(table, "有一行数字无法归属到任何表格行，已忽略。", string.Join(' ', line.Values.Select(v => v.Printed)));
            }
        }

        return reads;
    }

    /// <summary>Is the label on a line of values a middle part of the waiting row's long label (a label wrapped over three lines or more)?</summary>
    private static bool ContinuesLabel(string lineKey, IReadOnlyList<RowLabel> labels, string waitingKey) =>
        labels.FirstOrDefault(l => l.Key == waitingKey) is { } label
        && label.Signatures.Any(s => s.Length >= LabelMatcher.WrappedSignatureMinLength && lineKey.Length < s.Length
            && LabelMatcher.LongestCommonSubsequence(lineKey, s) >= lineKey.Length * 0.85);

    /// <summary>A label this short on a line of values, while a row waits for its values, is a fragment of a vertical group label.</summary>
    private const int StrayLabelMaxLength = 8;

    private static bool IsRunTogether(List<ValueToken> tokens) => tokens.Any(t => t.Digits is { Length: > 4 }) && tokens.Count < 3;

    private sealed record CellsResult(decimal?[] Cells, IReadOnlyList<long[]>? Candidates);

    private static CellsResult ToCells(List<ValueToken> tokens, int n, DigitRunSplitter.PartialRule rule, string location, ReadContext ctx, bool allowDecimal, bool allowNegative, bool deferAmbiguity = false)
    {
        var cells = new decimal?[n];
        var printed = string.Join(' ', tokens.Select(t => t.Kind == ValueTokenKind.Empty ? "␣" : t.Printed));
        if (tokens.All(t => t.Kind == ValueTokenKind.Empty))
        {
            ctx.Note(location, "找到了这一行的标签，但没有数字，留空。");
            return new CellsResult(cells, null);
        }

        // Empty cells that pad the end of a `|` row beyond the table's width.
        while (tokens.Count > n && tokens[^1].Kind == ValueTokenKind.Empty)
        {
            tokens = tokens[..^1];
        }

        if (tokens.Count > n)
        {
            var nonEmpty = tokens.Where(t => t.Kind != ValueTokenKind.Empty).ToList();
            if (nonEmpty.Count != n)
            {
                ctx.Note(location, $"读到 {nonEmpty.Count} 个数值，应为 {n} 个，无法对应到单元格，留空。", printed);
                return new CellsResult(cells, null);
            }

            tokens = nonEmpty;
        }

        if (tokens.Count == n)
        {
            for (var i = 0; i < n; i++)
            {
                var t = tokens[i];
                switch (t.Kind)
                {
                    case ValueTokenKind.Marker:
                        ctx.Note($"{location}[{i}]", $"单元格印为“{t.Printed}”，按未填报留空。", t.Printed);
                        break;
                    case ValueTokenKind.Number when t.Value is { } v && !allowDecimal && decimal.Truncate(v) != v:
                        ctx.Note($"{location}[{i}]", "计数单元格印成了小数，无法读取，留空。", t.Printed);
                        break;
                    case ValueTokenKind.Number when t.Value is < 0 && !allowNegative:
                        // Kept as printed; R5 flags it.
                        cells[i] = t.Value;
                        break;
                    case ValueTokenKind.Number:
                        cells[i] = t.Value;
                        break;
                    default:
                        break;
                }
            }

            return new CellsResult(cells, null);
        }

        var runs = tokens.Select(t => t.Digits).ToList();
        if (runs.Any(r => r is null))
        {
            ctx.Note(location, $"只读到 {tokens.Count} 个单元格，应为 {n} 个，无法确定各数字所在的列，留空。", printed);
            return new CellsResult(cells, null);
        }

        var candidates = DigitRunSplitter.Split(runs!, n, rule);
        switch (candidates.Count)
        {
            case 0:
                ctx.Note(location, "数字连写，找不到符合表内勾稽关系的拆分方式，留空。", printed);
                return new CellsResult(cells, null);
            case 1:
                ctx.SplitUsed = true;
                ctx.Note(location, "数字连写，按表内勾稽关系拆分（唯一拆分）。", printed, [candidates[0]]);
                return new CellsResult(candidates[0].Select(v => (decimal?)v).ToArray(), null);
            default:
                if (!deferAmbiguity)
                {
                    ctx.Envelope.Notes.Add(new ImportNote(location, "数字连写，按表内勾稽关系有多种拆分方式，无法确定，留空待人工核对。", printed, candidates.Select(c => (IReadOnlyList<long>)c).ToList()));
                }

                return new CellsResult(cells, candidates);
        }
    }

    private static string? PrintedNumber(List<ValueToken> tokens) =>
        tokens.FirstOrDefault(t => t.Kind == ValueTokenKind.Number)?.Printed;

    private static long? Long(decimal? value) => value is { } v && decimal.Truncate(v) == v ? (long)v : null;

    private sealed class ReadContext(ReportEnvelope envelope)
    {
        public ReportEnvelope Envelope { get; } = envelope;

        public bool SplitUsed { get; set; }

        public void Note(string location, string message, string? printed = null, IReadOnlyList<long[]>? candidates = null) =>
            Envelope.Notes.Add(new ImportNote(location, message, printed, candidates?.Select(c => (IReadOnlyList<long>)c).ToList()));

        /// <summary>Method: how the rows were laid out; confidence: share of cells read × mean label match × 0.9 if digits were split.</summary>
        public void SetProvenance(string table, List<ReportLine> region, IEnumerable<RowRead> rows, int cellsRead, int cellCount)
        {
            var list = rows.ToList();
            if (list.Count == 0)
            {
                Envelope.Provenance[table] = new TableProvenance("not_found", 0);
                Note(table, "未找到此表，整表留空。");
                return;
            }

            var method = (region.Any(l => l.Piped) ? "pipe_table" : "text_table")
                + (list.Any(r => r.FromSeparateLine) ? "+separate_value_lines" : string.Empty)
                + (SplitUsed ? "+split_digits" : string.Empty);
            var confidence = (double)cellsRead / cellCount * list.Average(r => r.Score) * (SplitUsed ? 0.9 : 1);
            Envelope.Provenance[table] = new TableProvenance(method, confidence);
            SplitUsed = false;
        }
    }

    [GeneratedRegex(@"(?<year>20\d{2})\s*年度?\s*(?:[^\n]{0,30}?)政府信息公开(?:工作)?年度?报告", RegexOptions.CultureInvariant)]
    private static partial Regex TitleYear();

    [GeneratedRegex(@"(?<year>20\d{2})\s*年\s*1\s*月\s*1\s*日(?:起)?至", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodYear();

    [GeneratedRegex(@"采购总金额\s*[(（]\s*(?:单位\s*[:：]\s*)?(?<unit>万元|元)\s*[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex ProcurementUnit();
}
