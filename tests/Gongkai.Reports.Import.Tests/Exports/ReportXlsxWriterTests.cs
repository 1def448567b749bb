using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Tests.Reports;
using Gongkai.Documents.Reports;

namespace Gongkai.Reports.Import.Tests.Exports;

/// <summary>
/// The workbooks read back with the Open XML SDK: the sample's three sheets cell by cell (text, numbers, number
/// formats, merged ranges, nothing else), a 2019 report's table 二, and the 汇总 workbook's sums over units.
/// </summary>
public class ReportXlsxWriterTests
{
    private static JsonElement SeedJson() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "seeds", "kundulun-2024.expected.json"))).RootElement;

    /// <summary>Asserts the sheet holds exactly these cells (text or number) and these merged ranges.</summary>
    private static void AssertSheet(SheetContent sheet, Dictionary<string, object> expected, IEnumerable<string> merges, string name)
    {
        foreach (var (reference, value) in expected)
        {
            var cell = sheet[reference];
            Assert.True(cell is not null, $"{name}!{reference}: expected {value}, found an empty cell");
            if (value is string text)
            {
                Assert.True(text == cell.Text, $"{name}!{reference}: expected '{text}', found '{cell.Text}' / {cell.Number}");
            }
            else
            {
                Assert.True(cell.Text is null && Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture) == cell.Number, $"{name}!{reference}: expected the number {value}, found '{cell.Text}' / {cell.Number}");
                Assert.Equal("0", cell.Format);
            }
        }

        var extra = sheet.Cells.Keys.Except(expected.Keys).ToList();
        Assert.True(extra.Count == 0, $"{name}: unexpected cells {string.Join(",", extra)}");
        Assert.Equal(merges.Order(StringComparer.Ordinal), sheet.Merges.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_sample_workbook_is_valid_and_every_cell_of_the_three_sheets_reads_back()
    {
        var report = ExportSamples.Kundulun();
        var info = ReportDocumentInfo.For(report);
        var xlsx = ReportXlsxWriter.Write(report, info);
        ExportSamples.AssertValidWorkbook(xlsx);
        var sheets = Workbooks.Read(xlsx);
        Assert.Equal(["表二", "表三", "表四"], sheets.Keys);
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            // The header rows of 表三 and 表四 are printed again on every page.
            var titles = doc.WorkbookPart!.Workbook!.DefinedNames!.Elements<DocumentFormat.OpenXml.Spreadsheet.DefinedName>()
                .Select(n => (n.Name!.Value, n.LocalSheetId!.Value, n.Text)).ToList();
            Assert.Equal([("_xlnm.Print_Titles", 1U, "'表三'!$3:$5"), ("_xlnm.Print_Titles", 2U, "'表四'!$3:$5")], titles);
        }

        var seed = SeedJson();
        var t2 = seed.GetProperty("table2");
        long N(JsonElement e, string block, string field) => e.GetProperty(block).GetProperty(field).GetInt64();

        // 表二: the title, the heading, then the four 第二十条 blocks; the fee keeps its three printed decimals.
        var two = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["A1"] = "包头市昆都仑区人民政府2024年政府信息公开工作年度报告",
            ["A2"] = "二、主动公开政府信息情况",
            ["A3"] = "第二十条第（一）项",
            ["A4"] = "信息内容",
            ["B4"] = "本年制发件数",
            ["C4"] = "本年废止件数",
            ["D4"] = "现行有效件数",
            ["A5"] = "规章",
            ["B5"] = N(t2, "regulations", "issued"),
            ["C5"] = N(t2, "regulations", "repealed"),
            ["D5"] = N(t2, "regulations", "in_force"),
            ["A6"] = "行政规范性文件",
            ["B6"] = N(t2, "normative_documents", "issued"),
            ["C6"] = N(t2, "normative_documents", "repealed"),
            ["D6"] = N(t2, "normative_documents", "in_force"),
            ["A7"] = "第二十条第（五）项",
            ["A8"] = "信息内容",
            ["B8"] = "本年处理决定数量",
            ["A9"] = "行政许可",
            ["B9"] = t2.GetProperty("administrative_licensing").GetInt64(),
            ["A10"] = "第二十条第（六）项",
            ["A11"] = "信息内容",
            ["B11"] = "本年处理决定数量",
            ["A12"] = "行政处罚",
            ["B12"] = t2.GetProperty("administrative_penalty").GetInt64(),
            ["A13"] = "行政强制",
            ["B13"] = t2.GetProperty("administrative_coercion").GetInt64(),
            ["A14"] = "第二十条第（八）项",
            ["A15"] = "信息内容",
            ["B15"] = "本年收费金额（单位：万元）",
            ["A16"] = "行政事业性收费",
        };
        var sheet2 = sheets["表二"];
        Assert.Equal(2096.132m, sheet2.Number("B16"));
        Assert.Equal("0.000", sheet2["B16"]!.Format);
        AssertSheet(
            sheet2 with { Cells = sheet2.Cells.Where(c => c.Key != "B16").ToDictionary() },
            two,
            ["A1:D1", "A2:D2", "A3:D3", "A7:D7", "B8:D8", "B9:D9", "A10:D10", "B11:D11", "B12:D12", "B13:D13", "A14:D14", "B15:D15", "B16:D16"],
            "表二");

        // 表三: the header as the national format prints it, 25 rows with their group labels down their rows.
        var three = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["A1"] = "包头市昆都仑区人民政府2024年政府信息公开工作年度报告",
            ["A2"] = "三、收到和处理政府信息公开申请情况",
            ["A3"] = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            ["D3"] = "申请人情况",
            ["D4"] = "自然人",
            ["E4"] = "法人或其他组织",
            ["J4"] = "总计",
            ["E5"] = "商业企业",
            ["F5"] = "科研机构",
            ["G5"] = "社会公益组织",
            ["H5"] = "法律服务机构",
            ["I5"] = "其他",
            ["A8"] = "三、本年度办理结果",
            ["B10"] = "（三）不予公开",
            ["B18"] = "（四）无法提供",
            ["B21"] = "（五）不予处理",
            ["B26"] = "（六）其他处理",
        };
        var merges3 = new List<string>
        {
            "A1:J1", "A2:J2", "A3:C5", "D3:J3", "D4:D5", "E4:I4", "J4:J5", "A8:A29",
            "B10:B17", "B18:B20", "B21:B25", "B26:B28",
            "A6:C6", "A7:C7", "B8:C8", "B9:C9", "B29:C29", "A30:C30",
        };
        var rows = Table3Layout.Rows2021;
        var table3 = seed.GetProperty("table3");
        for (var i = 0; i < rows.Count; i++)
        {
            var row = 6 + i;
            var labelColumn = rows[i].Role is Table3RowRole.Intake or Table3RowRole.CarriedForward ? "A"
                : rows[i].Group.Length == 0 || rows[i].Key == "granted" ? "B" : "C";
            three[labelColumn + row] = rows[i].Label;
            var values = table3.GetProperty(rows[i].Key).EnumerateArray().Select(v => v.GetInt64()).ToList();
            Assert.Equal(7, values.Count);
            for (var c = 0; c < 7; c++)
            {
                three[Workbooks.Ref(row, 4 + c)] = values[c];
            }
        }

        AssertSheet(sheets["表三"], three, merges3, "表三");

        // 表四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉) over their five columns, one row of 15 numbers.
        string[] parts = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var four = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["A1"] = "包头市昆都仑区人民政府2024年政府信息公开工作年度报告",
            ["A2"] = "四、政府信息公开行政复议、行政诉讼情况",
            ["A3"] = "行政复议",
            ["F3"] = "行政诉讼",
            ["F4"] = "未经复议直接起诉",
            ["K4"] = "复议后起诉",
        };
        var merges4 = new List<string> { "A1:O1", "A2:O2", "A3:E3", "F3:O3", "F4:J4", "K4:O4" };
        var table4 = seed.GetProperty("table4");
        var cells4 = table4.ValueKind == JsonValueKind.Array
            ? table4.EnumerateArray().Select(v => v.GetInt64()).ToList()
            : table4.EnumerateObject().SelectMany(b => b.Value.EnumerateObject().Select(p => p.Value.GetInt64())).ToList();
        Assert.Equal(15, cells4.Count);
        for (var p = 0; p < 5; p++)
        {
            four[Workbooks.Ref(4, 1 + p)] = parts[p];
            merges4.Add($"{Workbooks.Ref(4, 1 + p)}:{Workbooks.Ref(5, 1 + p)}");
            four[Workbooks.Ref(5, 6 + p)] = parts[p];
            four[Workbooks.Ref(5, 11 + p)] = parts[p];
        }

        for (var c = 0; c < 15; c++)
        {
            four[Workbooks.Ref(6, 1 + c)] = cells4[c];
        }

        AssertSheet(sheets["表四"], four, merges4, "表四");
    }

    [Fact]
    public void A_2019_report_keeps_its_table_two_and_blank_figures_stay_empty()
    {
        var report = RandomReports.Next(new Random(7300), ReportFormat.V2019);
        report.Table2Of2019 = report.Table2Of2019! with
        {
            AdministrativePenalty = new ItemCounts(12, -3, null),
            CentralizedProcurement = new ProcurementFigures(4, new PrintedAmount(12.50m, "12.50"), "万元"),
        };
        report.Table3["granted"][1] = null;
        report.Table4.Cells[14] = null;
        var xlsx = ReportXlsxWriter.Write(report, ReportDocumentInfo.For(report));
        ExportSamples.AssertValidWorkbook(xlsx);
        var sheets = Workbooks.Read(xlsx);

        var two = sheets["表二"];
        Assert.Equal("第二十条第（九）项", two.Text("A18"));
        Assert.Equal("采购总金额（单位：万元）", two.Text("C19"));
        Assert.Equal("行政处罚", two.Text("A13"));
        Assert.Equal(12m, two.Number("B13"));
        Assert.Equal(-3m, two.Number("C13"));
        Assert.Null(two["D13"]);
        Assert.Equal("政府集中采购", two.Text("A20"));
        Assert.Equal(4m, two.Number("B20"));
        Assert.Equal(12.5m, two.Number("C20"));
        Assert.Equal("0.00", two["C20"]!.Format);
        Assert.Contains("C20:D20", two.Merges);

        var three = sheets["表三"];
        Assert.Equal("（六）其他处理", three.Text("B26"));
        Assert.Equal("A8:A27", Assert.Single(three.Merges, m => m.StartsWith("A8:", StringComparison.Ordinal)));
        Assert.Null(three["E8"]);
        Assert.Equal(report.Table3["granted"][0], (long?)three.Number("D8"));
        Assert.Null(sheets["表四"]["O6"]);
    }

    [Fact]
    public void The_rollup_lists_every_unit_and_sums_the_units_with_a_report_without_counting_blanks_as_zero()
    {
        var random = new Random(7400);
        var reports = Enumerable.Range(0, 3).Select(_ => RandomReports.Next(random, ReportFormat.V2021)).ToList();
        reports[0].Table2Of2021 = reports[0].Table2Of2021! with { Regulations = reports[0].Table2Of2021!.Regulations with { Issued = null } };
        reports[1].Table2Of2021 = reports[1].Table2Of2021! with { AdministrativeFees = new PrintedAmount(12.5m, "12.50") };
        reports[2].Table2Of2021 = reports[2].Table2Of2021! with { AdministrativeFees = new PrintedAmount(3m, "3") };
        reports[0].Table2Of2021 = reports[0].Table2Of2021! with { AdministrativeFees = new PrintedAmount(0.125m, "0.125") };
        foreach (var r in reports)
        {
            // No unit states 本年废止件数 of 规章: the 合计 stays blank rather than 0.
            r.Table2Of2021 = r.Table2Of2021! with { Regulations = r.Table2Of2021!.Regulations with { Repealed = null } };
        }

        reports[1].Table3["new_received"][6] = null;
        reports[2].Table4.Cells[4] = null;
        reports[0].Table3["withheld_state_secret"][3] = null;
        List<ReportRollupEntry> entries =
        [
            new("昆都仑区发展和改革委员会", "已发布", reports[0]),
            new("昆都仑区教育局", "已发布", reports[1]),
            new("昆都仑区<民政局>", "未报送", null),
            new("少先路街道办事处", "已报送", reports[2]),
        ];

        var xlsx = ReportXlsxWriter.Rollup("昆都仑区2024年政府信息公开工作年度报告汇总", entries);
        ExportSamples.AssertValidWorkbook(xlsx);
        var sheets = Workbooks.Read(xlsx);
        Assert.Equal(["汇总", "表三", "表四"], sheets.Keys);

        // 汇总: one row per unit, then 合计.
        var summary = sheets["汇总"];
        Assert.Equal("昆都仑区2024年政府信息公开工作年度报告汇总", summary.Text("A1"));
        Assert.Equal(["单位", "状态", .. ReportXlsxWriter.RollupSummaryHeaders], Enumerable.Range(1, 19).Select(c => summary.Text(Workbooks.Ref(2, c))));
        static decimal?[] Figures(AnnualReport r)
        {
            var t = r.Table2Of2021!;
            long? T(string key) => r.Table3[key][6];
            return
            [
                t.Regulations.Issued, t.Regulations.Repealed, t.Regulations.InForce,
                t.NormativeDocuments.Issued, t.NormativeDocuments.Repealed, t.NormativeDocuments.InForce,
                t.AdministrativeLicensing, t.AdministrativePenalty, t.AdministrativeCoercion, t.AdministrativeFees.Value,
                T("new_received"), T("carried_over"), T("total_processed"), T("carried_forward"),
                r.Table4.Cells[4], r.Table4.Cells[9], r.Table4.Cells[14],
            ];
        }

        for (var i = 0; i < entries.Count; i++)
        {
            var row = 3 + i;
            Assert.Equal(entries[i].Agency, summary.Text(Workbooks.Ref(row, 1)));
            Assert.Equal(entries[i].Status, summary.Text(Workbooks.Ref(row, 2)));
            var expected = entries[i].Report is { } r ? Figures(r) : new decimal?[17];
            Assert.Equal(expected, Enumerable.Range(3, 17).Select(c => summary.Number(Workbooks.Ref(row, c))));
        }

        Assert.Equal("合计", summary.Text("A7"));
        var sums = Enumerable.Range(0, 17).Select(c =>
        {
            var present = reports.Select(r => Figures(r)[c]).Where(v => v is not null).ToList();
            return present.Count == 0 ? null : present.Sum();
        }).ToList();
        Assert.Equal(sums, Enumerable.Range(3, 17).Select(c => summary.Number(Workbooks.Ref(7, c))));
        Assert.Null(summary["D7"]);
        Assert.Equal(reports[0].Table2Of2021!.Regulations.InForce + reports[1].Table2Of2021!.Regulations.InForce + reports[2].Table2Of2021!.Regulations.InForce, (long?)summary.Number("E7"));
        Assert.Equal(reports[1].Table2Of2021!.Regulations.Issued + reports[2].Table2Of2021!.Regulations.Issued, (long?)summary.Number("C7"));
        Assert.Equal(15.625m, summary.Number("L7"));
        Assert.Equal("0.000", summary["L7"]!.Format);
        Assert.Equal("0.00", summary["L4"]!.Format);

        // 表三: 25 rows per unit with a report, then 25 合计 rows.
        var three = sheets["表三"];
        Assert.Equal(["单位", "项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], Enumerable.Range(1, 9).Select(c => three.Text(Workbooks.Ref(2, c))));
        var rows = Table3Layout.Rows2021;
        var withReport = entries.Where(e => e.Report is not null).ToList();
        for (var u = 0; u < withReport.Count; u++)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var row = 3 + (u * rows.Count) + i;
                Assert.Equal(withReport[u].Agency, three.Text(Workbooks.Ref(row, 1)));
                Assert.Equal(rows[i].FullLabel, three.Text(Workbooks.Ref(row, 2)));
                Assert.Equal(withReport[u].Report!.Table3[rows[i].Key].Select(v => (decimal?)v), Enumerable.Range(3, 7).Select(c => three.Number(Workbooks.Ref(row, c))));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = 3 + (withReport.Count * rows.Count) + i;
            Assert.Equal("合计", three.Text(Workbooks.Ref(row, 1)));
            Assert.Equal(rows[i].FullLabel, three.Text(Workbooks.Ref(row, 2)));
            for (var c = 0; c < 7; c++)
            {
                var present = reports.Select(r => r.Table3[rows[i].Key][c]).Where(v => v is not null).ToList();
                Assert.Equal(present.Count == 0 ? null : present.Sum(), (long?)three.Number(Workbooks.Ref(row, 3 + c)));
            }
        }

        Assert.DoesNotContain(three.Cells.Values, c => c.Text == "昆都仑区<民政局>");

        // 表四: one row per unit with a report, then 合计.
        var four = sheets["表四"];
        Assert.Equal("行政复议·结果维持", four.Text("B2"));
        Assert.Equal("行政诉讼（复议后起诉）·总计", four.Text("P2"));
        for (var u = 0; u < withReport.Count; u++)
        {
            Assert.Equal(withReport[u].Agency, four.Text(Workbooks.Ref(3 + u, 1)));
            Assert.Equal(withReport[u].Report!.Table4.Cells.Select(v => (decimal?)v), Enumerable.Range(2, 15).Select(c => four.Number(Workbooks.Ref(3 + u, c))));
        }

        Assert.Equal("合计", four.Text("A6"));
        Assert.Equal(
            Enumerable.Range(0, 15).Select(c => reports.Select(r => r.Table4.Cells[c]).Where(v => v is not null).Select(v => (decimal?)v).DefaultIfEmpty(null).Sum()),
            Enumerable.Range(2, 15).Select(c => four.Number(Workbooks.Ref(6, c))));
    }
}
