using System.Globalization;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Consistent random reports (every hard rule holds) for round-trip property tests.</summary>
public static class RandomReports
{
    public static AnnualReport Next(Random random, ReportFormat format)
    {
        var year = format == ReportFormat.V2019 ? random.Next(2019, 2021) : random.Next(2021, 2026);
        var report = new AnnualReport("某市某区人民政府", year, format);
        long Count(int max) => random.Next(100) < 60 ? 0 : random.Next(1, max + 1);

        var t = report.Table3;
        var results = t.Rows.Where(r => r.Role == Table3RowRole.Result).ToList();
        for (var col = 0; col < Table3Layout.TotalColumn; col++)
        {
            var big = col == 0 ? 300 : 6;
            long total = 0;
            foreach (var row in results)
            {
                var v = Count(big);
                t[row.Key][col] = v;
                total += v;
            }

            var forward = Count(big / 3 + 1);
            var carriedOver = Math.Min(Count(big / 3 + 1), total + forward);
            t["total_processed"][col] = total;
            t["carried_forward"][col] = forward;
            t["carried_over"][col] = carriedOver;
            t["new_received"][col] = total + forward - carriedOver;
        }

        foreach (var row in t.Rows)
        {
            t[row.Key][Table3Layout.TotalColumn] = t[row.Key].Take(Table3Layout.TotalColumn).Sum();
        }

        var cells = new long?[Table4.CellCount];
        for (var block = 0; block < 3; block++)
        {
            long sum = 0;
            for (var i = 0; i < 4; i++)
            {
                var v = Count(block == 0 ? 12 : 3);
                cells[(block * 5) + i] = v;
                sum += v;
            }

            cells[(block * 5) + 4] = sum;
        }

        report.Table4 = new Table4(cells);

        var fee = Math.Round((decimal)random.NextDouble() * 5000, random.Next(0, 7));
        if (format == ReportFormat.V2021)
        {
            report.Table2Of2021 = new Table2Of2021
            {
                Regulations = new DocumentCounts(Count(3), Count(2), Count(20)),
                NormativeDocuments = new DocumentCounts(Count(40), Count(10), Count(300)),
                AdministrativeLicensing = Count(90000),
                AdministrativePenalty = Count(9000),
                AdministrativeCoercion = Count(300),
                AdministrativeFees = new PrintedAmount(fee, fee.ToString(CultureInfo.InvariantCulture)),
            };
        }
        else
        {
            ItemCounts Items() => new(Count(500), random.Next(-20, 21), Count(5000));
            var amount = Math.Round((decimal)random.NextDouble() * 900, 2);
            report.Table2Of2019 = new Table2Of2019
            {
                Regulations = new PublicationCounts(Count(3), Count(3), Count(30)),
                NormativeDocuments = new PublicationCounts(Count(30), Count(30), Count(300)),
                AdministrativeLicensing = Items(),
                OtherExternalManagementServices = Items(),
                AdministrativePenalty = Items(),
                AdministrativeCoercion = Items(),
                AdministrativeFees = Items() with { Decisions = null },
                CentralizedProcurement = new ProcurementFigures(Count(50), new PrintedAmount(amount, amount.ToString(CultureInfo.InvariantCulture)), "万元"),
            };
        }

        var received = t["new_received"][Table3Layout.TotalColumn];
        report.Sections["一"] = $"{year}年，本机关坚持依法公开。全年新收到政府信息公开申请{received}件，均已按时答复。";
        report.Sections["五"] = "一是公开内容还不够全面；二是解读质量有待提升。下一步将加强培训，完善制度。";
        report.Sections["六"] = "本年度未收取信息处理费。";
        return report;
    }
}
