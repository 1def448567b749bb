using System.Globalization;
using System.Text.RegularExpressions;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Similarity;

namespace Gongkai.Core.Reports.Validation;

/// <summary>
/// Checks a report against the hard rules R1–R6 and the warnings W1–W6 of the national format. A blank cell is never
/// read as zero: a rule that needs one is reported as not assessable (an info finding), never as passed or failed.
/// </summary>
public static partial class ReportValidator
{
    public static IReadOnlyList<Finding> Validate(AnnualReport report, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        context ??= ValidationContext.None;
        var findings = new List<Finding>();
        CheckRowTotals(report, findings);
        CheckColumnBalance(report, findings);
        CheckResultTotals(report, findings);
        CheckTable4(report, findings);
        CheckNonNegative(report, findings);
        CheckPartialDisclosureCountedOnce(context, findings);
        CheckCarryOver(report, context.PreviousYear, findings);
        CheckDocumentsInForce(report, context.PreviousYear, findings);
        CheckNarrativeFigures(report, findings);
        CheckFeeStatement(report, findings);
        CheckSimilarity(report, context, findings);
        CheckPublicationDate(report, context, findings);
        return findings;
    }

    /// <summary>Validates the envelope's report and replaces its findings with the result.</summary>
    public static ReportEnvelope ValidateInto(ReportEnvelope envelope, ValidationContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        envelope.Findings.Clear();
        envelope.Findings.AddRange(Validate(envelope.Report, context));
        return envelope;
    }

    // R1: every table-三 row: 总计 = 自然人 + the five 法人或其他组织 columns.
    private static void CheckRowTotals(AnnualReport report, List<Finding> findings)
    {
        foreach (var row in report.Table3.Rows)
        {
            var cells = report.Table3[row.Key];
            var location = new FindingLocation("table3", row.Key, "total");
            if (cells.Any(c => c is null))
            {
                findings.Add(NotAssessable("R1", location, $"表三“{row.FullLabel}”一行有空白单元格，无法核对总计是否等于各类申请人之和。"));
                continue;
            }

            var parts = cells.Take(Table3Layout.TotalColumn).Sum()!.Value;
            var total = cells[Table3Layout.TotalColumn]!.Value;
            if (parts != total)
            {
                findings.Add(new Finding("R1", FindingSeverity.Error, location,
                    [.. Table3Layout.Columns.Select(c => new FindingNumber(c.Key, cells[c.Index])), new FindingNumber("sum_of_applicants", parts)],
                    $"表三“{row.FullLabel}”：总计 {total} 不等于自然人与法人或其他组织各列之和 {parts}。"));
            }
        }
    }

    // R2: every column: 一 + 二 = 三（七）总计 + 四.
    private static void CheckColumnBalance(AnnualReport report, List<Finding> findings)
    {
        var t = report.Table3;
        foreach (var column in Table3Layout.Columns)
        {
            var location = new FindingLocation("table3", Column: column.Key);
            var newReceived = t["new_received"][column.Index];
            var carriedOver = t["carried_over"][column.Index];
            var total = t["total_processed"][column.Index];
            var carriedForward = t["carried_forward"][column.Index];
            if (newReceived is null || carriedOver is null || total is null || carriedForward is null)
            {
                findings.Add(NotAssessable("R2", location, $"表三“{column.Label}”列的第一、二、（七）或第四项有空白，无法核对“第一项加第二项之和等于第三项加第四项之和”。"));
                continue;
            }

            if (newReceived + carriedOver != total + carriedForward)
            {
                findings.Add(new Finding("R2", FindingSeverity.Error, location,
                    [new("new_received", newReceived), new("carried_over", carriedOver), new("total_processed", total), new("carried_forward", carriedForward)],
                    $"表三“{column.Label}”列：本年新收 {newReceived} 加上年结转 {carriedOver} 为 {newReceived + carriedOver}，不等于办理结果总计 {total} 加结转下年度 {carriedForward} 之和 {total + carriedForward}。"));
            }
        }
    }

    // R3: every column: （七）总计 = the sum of the result rows.
    private static void CheckResultTotals(AnnualReport report, List<Finding> findings)
    {
        var t = report.Table3;
        var results = t.Rows.Where(r => r.Role == Table3RowRole.Result).ToList();
        foreach (var column in Table3Layout.Columns)
        {
            var location = new FindingLocation("table3", "total_processed", column.Key);
            var total = t["total_processed"][column.Index];
            var parts = results.Select(r => t[r.Key][column.Index]).ToList();
            if (total is null || parts.Any(p => p is null))
            {
                findings.Add(NotAssessable("R3", location, $"表三“{column.Label}”列的办理结果有空白，无法核对（七）总计是否等于各项办理结果之和。"));
                continue;
            }

            var sum = parts.Sum()!.Value;
            if (sum != total)
            {
                findings.Add(new Finding("R3", FindingSeverity.Error, location,
                    [new("total_processed", total), new("sum_of_results", sum)],
                    $"表三“{column.Label}”列：（七）总计 {total} 不等于（一）至（六）共 {results.Count} 项办理结果之和 {sum}。"));
            }
        }
    }

    // R4: table 四, each block: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    private static void CheckTable4(AnnualReport report, List<Finding> findings)
    {
        foreach (var block in Enum.GetValues<Table4Block>())
        {
            var cells = report.Table4.Block(block).ToArray();
            var location = new FindingLocation("table4", Block: Table4.BlockKey(block));
            if (cells.Any(c => c is null))
            {
                findings.Add(NotAssessable("R4", location, $"表四“{Table4.BlockLabel(block)}”有空白单元格，无法核对总计。"));
                continue;
            }

            var sum = cells.Take(4).Sum()!.Value;
            var total = cells[4]!.Value;
            if (sum != total)
            {
                findings.Add(new Finding("R4", FindingSeverity.Error, location,
                    [.. Table4.PartKeys.Select((k, i) => new FindingNumber(k, cells[i])), new FindingNumber("sum_of_parts", sum)],
                    $"表四“{Table4.BlockLabel(block)}”：总计 {total} 不等于结果维持、结果纠正、其他结果、尚未审结之和 {sum}。"));
            }
        }
    }

    // R5: counts are non-negative; the fee is a non-negative amount.
    private static void CheckNonNegative(AnnualReport report, List<Finding> findings)
    {
        void Check(FindingLocation location, string label, decimal? value)
        {
            if (value is < 0)
            {
                findings.Add(new Finding("R5", FindingSeverity.Error, location, [new("value", value)], $"{label}为负数（{value.Value.ToString(CultureInfo.InvariantCulture)}），数量和金额不能为负。"));
            }
        }

        foreach (var row in report.Table3.Rows)
        {
            foreach (var column in Table3Layout.Columns)
            {
                Check(new FindingLocation("table3", row.Key, column.Key), $"表三“{row.FullLabel}”的“{column.Label}”", report.Table3[row.Key][column.Index]);
            }
        }

        for (var i = 0; i < Table4.CellCount; i++)
        {
            var block = (Table4Block)(i / Table4.BlockSize);
            Check(new FindingLocation("table4", Column: Table4.PartKeys[i % Table4.BlockSize], Block: Table4.BlockKey(block)), $"表四“{Table4.BlockLabel(block)}”的“{Table4.PartLabels[i % Table4.BlockSize]}”", report.Table4.Cells[i]);
        }

        foreach (var (key, label, value) in Table2Values(report))
        {
            Check(new FindingLocation("table2", key), $"表二“{label}”", value);
        }
    }

    private static IEnumerable<(string Key, string Label, decimal? Value)> Table2Values(AnnualReport report)
    {
        if (report.Table2Of2021 is { } t)
        {
            foreach (var (key, label, c) in new[] { ("regulations", "规章", t.Regulations), ("normative_documents", "行政规范性文件", t.NormativeDocuments) })
            {
                yield return (key + ".issued", label + "本年制发件数", c.Issued);
                yield return (key + ".repealed", label + "本年废止件数", c.Repealed);
                yield return (key + ".in_force", label + "现行有效件数", c.InForce);
            }

            yield return ("administrative_licensing", "行政许可处理决定数量", t.AdministrativeLicensing);
            yield return ("administrative_penalty", "行政处罚处理决定数量", t.AdministrativePenalty);
            yield return ("administrative_coercion", "行政强制处理决定数量", t.AdministrativeCoercion);
            yield return ("administrative_fees_10k_yuan", "行政事业性收费金额", t.AdministrativeFees.Value);
        }

        if (report.Table2Of2019 is { } o)
        {
            foreach (var (key, label, c) in new[] { ("regulations", "规章", o.Regulations), ("normative_documents", "规范性文件", o.NormativeDocuments) })
            {
                yield return (key + ".newly_made", label + "本年新制作数量", c.NewlyMade);
                yield return (key + ".newly_published", label + "本年新公开数量", c.NewlyPublished);
                yield return (key + ".total_published", label + "对外公开总数量", c.TotalPublished);
            }

            // 本年增/减 may be negative; the other item columns are counts.
            foreach (var (key, label, c) in new[]
            {
                ("administrative_licensing", "行政许可", o.AdministrativeLicensing),
                ("other_external_management_services", "其他对外管理服务事项", o.OtherExternalManagementServices),
                ("administrative_penalty", "行政处罚", o.AdministrativePenalty),
                ("administrative_coercion", "行政强制", o.AdministrativeCoercion),
                ("administrative_fees", "行政事业性收费", o.AdministrativeFees),
            })
            {
                yield return (key + ".previous_year_items", label + "上一年项目数量", c.PreviousYearItems);
                yield return (key + ".decisions", label + "处理决定数量", c.Decisions);
            }

            yield return ("centralized_procurement.projects", "政府集中采购项目数量", o.CentralizedProcurement.Projects);
            yield return ("centralized_procurement.total_amount", "政府集中采购总金额", o.CentralizedProcurement.TotalAmount.Value);
        }
    }

    // R6: a partly disclosed application is counted only in （二）.
    private static void CheckPartialDisclosureCountedOnce(ValidationContext context, List<Finding> findings)
    {
        if (context.Applications is null)
        {
            return;
        }

        foreach (var application in context.Applications)
        {
            var rows = application.ResultRows.Distinct(StringComparer.Ordinal).ToList();
            if (rows.Contains("partially_granted") && rows.Count > 1)
            {
                var others = rows.Where(r => r != "partially_granted").ToList();
                findings.Add(new Finding("R6", FindingSeverity.Error, new FindingLocation("table3", "partially_granted"), [],
                    $"申请 {application.Reference} 已计入（二）部分公开，又计入了{string.Join("、", others.Select(r => "“" + Table3Layout.Row(r).FullLabel + "”"))}。区分处理的申请只计部分公开这一情形。"));
            }
        }
    }

    // W1: 上年结转 (Y) = 结转下年度 (Y−1), per column.
    private static void CheckCarryOver(AnnualReport report, AnnualReport? previous, List<Finding> findings)
    {
        if (!IsPreviousYear(report, previous, "W1", new FindingLocation("table3", "carried_over"), findings))
        {
            return;
        }

        foreach (var column in Table3Layout.Columns)
        {
            var location = new FindingLocation("table3", "carried_over", column.Key);
            var now = report.Table3["carried_over"][column.Index];
            var before = previous!.Table3["carried_forward"][column.Index];
            if (now is null || before is null)
            {
                findings.Add(NotAssessable("W1", location, $"“{column.Label}”列的本年上年结转或上一年度结转下年度为空白，无法跨年核对。"));
            }
            else if (now != before)
            {
                findings.Add(new Finding("W1", FindingSeverity.Warning, location, [new("carried_over", now), new("previous_carried_forward", before)],
                    $"“{column.Label}”列：本年度上年结转 {now} 件，与 {previous.Year} 年度报告的结转下年度继续办理 {before} 件不一致（机构改革等情形可能导致合理差异，请核实）。"));
            }
        }
    }

    // W2: 现行有效件数 (Y) = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y).
    private static void CheckDocumentsInForce(AnnualReport report, AnnualReport? previous, List<Finding> findings)
    {
        if (!IsPreviousYear(report, previous, "W2", new FindingLocation("table2"), findings))
        {
            return;
        }

        if (report.Table2Of2021 is not { } now || previous!.Table2Of2021 is not { } before)
        {
            findings.Add(NotAssessable("W2", new FindingLocation("table2"), "两个年度中有一个使用试行格式（无“现行有效件数”），无法跨年核对现行有效件数。"));
            return;
        }

        foreach (var (key, label, current, last) in new[] { ("regulations", "规章", now.Regulations, before.Regulations), ("normative_documents", "行政规范性文件", now.NormativeDocuments, before.NormativeDocuments) })
        {
            var location = new FindingLocation("table2", key + ".in_force");
            if (current.InForce is null || current.Issued is null || current.Repealed is null || last.InForce is null)
            {
                findings.Add(NotAssessable("W2", location, $"{label}的件数有空白，无法跨年核对现行有效件数。"));
                continue;
            }

            var expected = last.InForce + current.Issued - current.Repealed;
            if (current.InForce != expected)
            {
                findings.Add(new Finding("W2", FindingSeverity.Warning, location,
                    [new("in_force", current.InForce), new("previous_in_force", last.InForce), new("issued", current.Issued), new("repealed", current.Repealed), new("expected", expected)],
                    $"{label}：现行有效 {current.InForce} 件，按上年现行有效 {last.InForce} 件加本年制发 {current.Issued} 件减本年废止 {current.Repealed} 件应为 {expected} 件（文件到期失效、修订或清理后重新统计可能导致合理差异，请核实）。"));
            }
        }
    }

    private static bool IsPreviousYear(AnnualReport report, AnnualReport? previous, string rule, FindingLocation location, List<Finding> findings)
    {
        if (previous is null)
        {
            findings.Add(NotAssessable(rule, location, "未提供上一年度报告，无法跨年核对。"));
            return false;
        }

        if (previous.Year != report.Year - 1)
        {
            findings.Add(NotAssessable(rule, location, $"提供的报告是 {previous.Year} 年度的，不是上一年度（{report.Year - 1} 年），无法跨年核对。"));
            return false;
        }

        return true;
    }

    // W3: figures quoted in the narrative agree with the tables.
    private static void CheckNarrativeFigures(AnnualReport report, List<Finding> findings)
    {
        var narrative = string.Join('\n', AnnualReport.NarrativeSectionKeys.Where(report.Sections.ContainsKey).Select(k => report.Sections[k]));
        if (narrative.Length == 0)
        {
            findings.Add(NotAssessable("W3", new FindingLocation("sections"), "报告没有正文（一、五、六部分），无法核对正文引用的数字。"));
            return;
        }

        var text = TextNormalizer.Normalize(narrative);
        var quotes = new (Regex Pattern, string Row, string What)[]
        {
            (NarrativeNewReceived(), "new_received", "新收申请"),
            (NarrativeCarriedOver(), "carried_over", "上年结转申请"),
            (NarrativeCarriedForward(), "carried_forward", "结转下年度申请"),
            (NarrativeCarriedForwardAfter(), "carried_forward", "结转下年度申请"),
        };
        foreach (var (pattern, row, what) in quotes)
        {
            foreach (Match m in pattern.Matches(text))
            {
                var quoted = long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
                var table = report.Table3[row][Table3Layout.TotalColumn];
                var location = new FindingLocation("table3", row, "total", Section: SectionOf(report, m.Value));
                if (table is null)
                {
                    findings.Add(NotAssessable("W3", location, $"正文写{what} {quoted} 件，但表三对应的总计为空白，无法核对。"));
                }
                else if (table != quoted)
                {
                    findings.Add(new Finding("W3", FindingSeverity.Warning, location, [new("quoted", quoted), new("table", table)],
                        $"正文写{what} {quoted} 件（“{m.Value}”），表三对应的总计为 {table} 件。"));
                }
            }
        }
    }

    private static string? SectionOf(AnnualReport report, string passage) =>
        AnnualReport.NarrativeSectionKeys.FirstOrDefault(k => report.Sections.TryGetValue(k, out var s) && TextNormalizer.Normalize(s).Contains(passage, StringComparison.Ordinal));

    // W4: section 六 says whether 信息处理费 was charged.
    private static void CheckFeeStatement(AnnualReport report, List<Finding> findings)
    {
        var location = new FindingLocation("sections", Section: "六");
        if (!report.Sections.TryGetValue("六", out var six))
        {
            findings.Add(report.Sections.Count == 0
                ? NotAssessable("W4", location, "报告没有正文，无法核对是否说明了信息处理费收取情况。")
                : new Finding("W4", FindingSeverity.Warning, location, [], "报告缺少“六、其他需要报告的事项”，未说明信息处理费收取情况（即使未收取也应说明）。"));
            return;
        }

        if (!TextNormalizer.LabelKey(TextNormalizer.Normalize(six)).Contains("信息处理费", StringComparison.Ordinal))
        {
            findings.Add(new Finding("W4", FindingSeverity.Warning, location, [], "“六、其他需要报告的事项”未说明是否收取信息处理费（按国办函〔2020〕109号，即使未收取也应说明）。"));
        }
    }

    // W5: 内容雷同 with last year's report or a sibling's report of the same year.
    private static void CheckSimilarity(AnnualReport report, ValidationContext context, List<Finding> findings)
    {
        var comparisons = new List<(AnnualReport Other, string Whose)>();
        if (context.PreviousYear is { } previous)
        {
            comparisons.Add((previous, $"{previous.Year} 年度报告"));
        }

        comparisons.AddRange(context.Siblings.Where(s => s.Year == report.Year).Select(s => (s, $"{s.Agency ?? "另一单位"}的同年度报告")));
        if (comparisons.Count == 0)
        {
            findings.Add(NotAssessable("W5", new FindingLocation("sections"), "未提供上一年度或同级单位的报告，无法检查内容雷同。"));
            return;
        }

        foreach (var (other, whose) in comparisons)
        {
            foreach (var s in ReportSimilarity.Compare(report, other, AnnualReport.NarrativeSectionKeys))
            {
                if (s.Result.ComparedCharacters >= MinimumCharactersForSimilarity && s.Result.Ratio >= context.SimilarityThreshold)
                {
                    findings.Add(new Finding("W5", FindingSeverity.Warning, new FindingLocation("sections", Section: s.Section),
                        [new("similarity_percent", s.Result.Percent), new("overlapping_passages", s.Result.Passages.Count)],
                        $"第{s.Section}部分与{whose}的相应部分相似度为 {s.Result.Percent}%（{s.Result.Passages.Count} 处重合段落），可能存在内容雷同。"));
                }
            }
        }
    }

    /// <summary>Sections shorter than this (e.g. "无。") are not compared for W5.</summary>
    public const int MinimumCharactersForSimilarity = 40;

    // W6: published after the deadline.
    private static void CheckPublicationDate(AnnualReport report, ValidationContext context, List<Finding> findings)
    {
        var location = new FindingLocation("publication");
        if (context.PublishedOn is not { } published)
        {
            findings.Add(NotAssessable("W6", location, "未提供发布日期，无法核对是否按时发布。"));
            return;
        }

        var deadline = context.Deadlines.DeadlineFor(report.Year, context.UnitKind);
        if (published > deadline)
        {
            var days = published.DayNumber - deadline.DayNumber;
            findings.Add(new Finding("W6", FindingSeverity.Warning, location, [new("days_late", days)],
                $"报告于 {Iso(published)} 发布，晚于{(context.UnitKind == ReportingUnitKind.Government ? "政府年度报告" : "部门年度报告")}的发布期限 {Iso(deadline)}（{days} 天）。"));
        }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Finding NotAssessable(string rule, FindingLocation location, string message) =>
        new(rule, FindingSeverity.Info, location, [], "无法核对：" + message);

    [GeneratedRegex(@"新收(?:到)?[^，。；;,\d]{0,16}?(?<n>\d+)\s*件", RegexOptions.CultureInvariant)]
    private static partial Regex NarrativeNewReceived();

    [GeneratedRegex(@"上(?:一)?年(?:度)?结转[^，。；;,\d]{0,16}?(?<n>\d+)\s*件", RegexOptions.CultureInvariant)]
    private static partial Regex NarrativeCarriedOver();

    [GeneratedRegex(@"(?<n>\d+)\s*件[^，。；;,\d]{0,6}?结转(?:至)?下(?:一)?年度?", RegexOptions.CultureInvariant)]
    private static partial Regex NarrativeCarriedForward();

    [GeneratedRegex(@"结转(?:至)?下(?:一)?年度?(?:继续办理)?[^，。；;,\d]{0,6}?(?<n>\d+)\s*件", RegexOptions.CultureInvariant)]
    private static partial Regex NarrativeCarriedForwardAfter();
}
