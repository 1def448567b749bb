using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Validation;

namespace Gongkai.Core.Tests.Reports;

/// <summary>
/// Deliberately inconsistent reports: a consistent random report (<see cref="RandomReports"/>) changed so that
/// exactly one hard rule fails and every other one still holds — the shapes real reports break in.
/// </summary>
public static class InconsistentReports
{
    /// <summary>The hard rules that a printed report can break (R6 needs the case records, see <see cref="DoubleCounted"/>).</summary>
    public static IReadOnlyList<string> PrintableRules { get; } = ["R1", "R2", "R3", "R4", "R5"];

    public static AnnualReport Next(Random random, ReportFormat format, string rule)
    {
        ArgumentNullException.ThrowIfNull(random);
        var report = RandomReports.Next(random, format);
        var t = report.Table3;
        var column = random.Next(Table3Layout.TotalColumn);
        switch (rule)
        {
            case "R1":
                // One more 自然人 in a result row, in （七）总计 and in 本年新收, but no row's 总计 changed: the columns
                // still balance (R2, R3) while three rows no longer add up.
                var results = t.Rows.Where(r => r.Role == Table3RowRole.Result).ToList();
                t[results[random.Next(results.Count)].Key][0]++;
                t["total_processed"][0]++;
                t["new_received"][0]++;
                break;
            case "R2":
                // 本年新收 one higher, its row total too (R1 holds): 一 + 二 no longer equals （七） + 四.
                t["new_received"][column]++;
                t["new_received"][Table3Layout.TotalColumn]++;
                break;
            case "R3":
                // （七）总计 and 本年新收 one higher with their row totals (R1 and R2 hold): （七） is no longer the sum of the results.
                foreach (var key in new[] { "total_processed", "new_received" })
                {
                    t[key][column]++;
                    t[key][Table3Layout.TotalColumn]++;
                }

                break;
            case "R4":
                // A table-四 block whose 总计 is not the sum of its parts (e.g. 3, 1, 0, 0 with 总计 0).
                var cells = report.Table4.Cells;
                var at = random.Next(3) * Table4.BlockSize;
                var sum = cells.Skip(at).Take(4).Sum()!.Value;
                cells[at + 4] = sum > 0 && random.Next(2) == 0 ? 0 : sum + random.Next(1, 4);
                break;
            case "R5":
                // A negative count where no sum rule looks (table 二).
                var negative = -random.Next(1, 50);
                if (format == ReportFormat.V2021)
                {
                    report.Table2Of2021 = report.Table2Of2021! with { AdministrativeCoercion = negative };
                }
                else
                {
                    report.Table2Of2019 = report.Table2Of2019! with { AdministrativeLicensing = report.Table2Of2019.AdministrativeLicensing with { PreviousYearItems = negative } };
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule, "a printable hard rule: R1–R5");
        }

        return report;
    }

    /// <summary>R6: the figures are consistent, but one application was counted in （二）部分公开 and again in another result row.</summary>
    public static ValidationContext DoubleCounted(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var other = report.Table3.Rows.First(r => r.Role == Table3RowRole.Result && r.Key != "partially_granted").Key;
        return new ValidationContext
        {
            Applications =
            [
                new CountedApplication("2024-001", ["granted"]),
                new CountedApplication("2024-002", ["partially_granted", other]),
            ],
        };
    }
}
