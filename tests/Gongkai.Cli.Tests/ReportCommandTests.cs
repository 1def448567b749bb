using System.Text.Json.Nodes;
using Gongkai.Cli;
using Gongkai.Core.Reports;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

/// <summary>`gongkai report`: no database, files in a temporary folder, both streams captured.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gongkai-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<CliResult> Run(params string[] args) => await RunIn("zh_CN.UTF-8", args);

    private static async Task<CliResult> RunIn(string lang, params string[] args)
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = await GongkaiCli.RunAsync(args, o, e, new Dictionary<string, string?>(), name => name == "LANG" ? lang : null);
        return new CliResult(code, o.ToString(), e.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string Seed => Fixtures.PathOf("seeds/kundulun-2024-scraped.txt");

    /// <summary>The seed with its table-四 row printed as 3, 1, 0, 0 with 总计 0 in the 行政复议 block.</summary>
    private string SeedWithBrokenTable4()
    {
        var text = Fixtures.Read("seeds/kundulun-2024-scraped.txt");
        const string Printed = "1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |";
        Assert.Contains(Printed, text, StringComparison.Ordinal);
        return Write("broken-table4.txt", text.Replace(Printed, "3 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 1 | 1 |", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_json_of_the_scraped_seed_gives_the_expected_tables_exactly_and_nothing_else_on_stdout()
    {
        var r = await Run("report", "import", Seed, "--json");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal(string.Empty, r.Err);
        var envelope = JsonNode.Parse(r.Out)!.AsObject();
        Assert.Equal(["report", "findings", "provenance", "notes"], envelope.Select(p => p.Key));
        var expected = JsonNode.Parse(Fixtures.Read("seeds/kundulun-2024.expected.json"))!;
        Assert.Equal("2021", envelope["report"]!["format"]!.GetValue<string>());
        foreach (var table in new[] { "year", "table2", "table3", "table4" })
        {
            Assert.True(JsonNode.DeepEquals(expected[table], envelope["report"]![table]), $"{table}: expected {expected[table]!.ToJsonString()} got {envelope["report"]![table]!.ToJsonString()}");
        }

        Assert.DoesNotContain(envelope["findings"]!.AsArray(), f => f!["severity"]!.GetValue<string>() == "error");
        Assert.Empty(envelope["notes"]!.AsArray());
    }

    [Theory]
    [InlineData("office/kundulun-2024-libreoffice.docx")]
    [InlineData("office/kundulun-2024-libreoffice.pdf")]
    [InlineData("pdf/kundulun-2024-wps-like.pdf")]
    public async Task Import_reads_word_and_pdf_files_to_the_same_tables(string file)
    {
        var r = await Run("report", "import", Fixtures.PathOf(file), "--json");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var report = JsonNode.Parse(r.Out)!["report"]!;
        var expected = JsonNode.Parse(Fixtures.Read("seeds/kundulun-2024.expected.json"))!;
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            Assert.True(JsonNode.DeepEquals(expected[table], report[table]), $"{file} {table}: {report[table]!.ToJsonString()}");
        }
    }

    [Fact]
    public async Task Import_without_json_prints_the_tables_and_the_findings_in_chinese()
    {
        var r = await Run("report", "import", Seed);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("包头市昆都仑区 2024 年度", r.Out, StringComparison.Ordinal);
        Assert.Contains("三、收到和处理政府信息公开申请情况", r.Out, StringComparison.Ordinal);
        Assert.Contains("61,950", r.Out, StringComparison.Ordinal);
        Assert.Contains("核对结果：硬性规则不通过 0 项", r.Out, StringComparison.Ordinal);
        Assert.Contains("  [无法核对] W6 发布日期：未提供发布日期，无法核对是否按时发布。", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', r.Out);
    }

    [Fact]
    public async Task A_table4_block_printed_three_one_zero_zero_with_total_zero_is_imported_as_printed_and_fails_R4()
    {
        var file = SeedWithBrokenTable4();

        var json = await Run("report", "import", file, "--json");

        Assert.Equal(ExitCodes.RuleFailed, json.ExitCode);
        var envelope = ReportJson.ReadEnvelope(json.Out);
        Assert.Equal([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], envelope.Report.Table4.Cells);
        var r4 = Assert.Single(envelope.Findings, f => f.IsError);
        Assert.Equal("R4", r4.Rule);
        Assert.Equal("administrative_review", r4.Location.Block);
        Assert.Contains("总计 0 不等于", r4.Message, StringComparison.Ordinal);

        var text = await Run("report", "import", file);
        Assert.Equal(ExitCodes.RuleFailed, text.ExitCode);
        Assert.Contains("硬性规则不通过 1 项", text.Out, StringComparison.Ordinal);
        Assert.Contains("表四“行政复议”", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_that_is_not_a_report_exits_2_with_a_chinese_message_and_no_output()
    {
        var file = Write("notice.txt", "关于开展安全生产检查的通知\n各单位：请于本月底前完成自查。");

        var r = await Run("report", "import", file, "--json");

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal(string.Empty, r.Out);
        Assert.Contains("无法读取", r.Err, StringComparison.Ordinal);
        Assert.Contains("notice.txt", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_or_empty_file_is_bad_input()
    {
        var missing = await Run("report", "import", Path.Combine(_dir, "nope.pdf"));
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("找不到文件", missing.Err, StringComparison.Ordinal);

        var empty = await Run("report", "import", Write("empty.txt", string.Empty));
        Assert.Equal(ExitCodes.BadInput, empty.ExitCode);
        Assert.Contains("文件是空的", empty.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_junk_is_refused_as_an_unknown_format()
    {
        var junk = new byte[64 * 1024];
        new Random(7).NextBytes(junk);
        junk[100] = 0;

        var r = await Run("report", "import", Write("scan.bin", junk));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("无法识别的文件格式", r.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public async Task A_damaged_pdf_or_word_file_is_bad_input_not_an_internal_error()
    {
        var pdf = await Run("report", "import", Write("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray()));
        Assert.Equal(ExitCodes.BadInput, pdf.ExitCode);
        Assert.Contains("无法读取", pdf.Err, StringComparison.Ordinal);

        var docx = await Run("report", "import", Write("broken.docx", [0x50, 0x4B, 0x03, 0x04, .. "word/document.xml"u8.ToArray(), 1, 2, 3]));
        Assert.Equal(ExitCodes.BadInput, docx.ExitCode);
        Assert.DoesNotContain("内部错误", docx.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var f = File.Create(path))
        {
            f.SetLength(65L * 1024 * 1024);
        }

        var r = await Run("report", "import", path);

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("文件超过 64 MB", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_page_nested_absurdly_deep_is_refused_at_once()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 50_000)) + "2024年政府信息公开工作年度报告" + "</body></html>";

        var started = Environment.TickCount64;
        var r = await Run("report", "import", Write("deep.html", html));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("嵌套超过", r.Err, StringComparison.Ordinal);
        Assert.True(Environment.TickCount64 - started < 5_000, "the depth check must refuse before parsing");
    }

    [Fact]
    public async Task Html_with_scripts_and_terminal_escapes_is_read_without_running_or_echoing_them()
    {
        var html = "<html><head><script>document.write('一、总体情况 注入')</script></head><body>\n"
            + "<h1>某市某局2024年政府信息公开工作年度报告</h1>\n"
            + "<p>一、总体情况</p><p>本局依法公开。<script>alert('注入')</script><img src=x onerror=\"alert(1)\">[red]标记[/]\u001b[31m红色\u001b]0;标题\u0007</p>\n"
            + "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>\n</body></html>";

        var text = await Run("report", "import", Write("page.html", html));
        var json = await Run("report", "import", Write("page2.html", html), "--json");

        Assert.Equal(ExitCodes.Ok, text.ExitCode);
        Assert.DoesNotContain('\u001b', text.Out);
        Assert.DoesNotContain('\u0007', text.Out);
        Assert.DoesNotContain("注入", text.Out, StringComparison.Ordinal);
        Assert.Contains("某市某局", text.Out, StringComparison.Ordinal);
        var envelope = ReportJson.ReadEnvelope(json.Out);
        Assert.DoesNotContain("注入", envelope.Report.Sections["一"], StringComparison.Ordinal);
        Assert.Contains("[red]标记[/]", envelope.Report.Sections["一"], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', json.Out);
    }

    [Fact]
    public async Task Validate_accepts_the_envelope_and_the_bare_report()
    {
        var envelope = await Run("report", "import", Seed, "--json");
        var fromEnvelope = await Run("report", "validate", Write("seed.json", envelope.Out));
        var bare = await Run("report", "validate", Fixtures.PathOf("seeds/kundulun-2024.expected.json"));

        Assert.Equal(ExitCodes.Ok, fromEnvelope.ExitCode);
        Assert.Contains("硬性规则不通过 0 项", fromEnvelope.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, bare.ExitCode);
        Assert.Contains("包头市昆都仑区人民政府 2024 年度", bare.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_lists_each_failure_with_rule_location_numbers_and_a_chinese_message()
    {
        var report = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));
        report.Table3["granted"][0] = 24;
        var file = Write("broken.json", ReportJson.Write(report));

        var r = await Run("report", "validate", file, "--json");

        Assert.Equal(ExitCodes.RuleFailed, r.ExitCode);
        var findings = ReportJson.ReadEnvelope(r.Out).Findings.Where(f => f.IsError).ToList();
        var r1 = Assert.Single(findings, f => f.Rule == "R1");
        Assert.Equal(new FindingLocation("table3", "granted", "total"), r1.Location);
        Assert.Contains(r1.Numbers, n => n.Name == "sum_of_applicants" && n.Value == 25);
        Assert.Contains(findings, f => f.Rule == "R3" && f.Location.Column == "natural_person");

        var text = await Run("report", "validate", file);
        Assert.Equal(ExitCodes.RuleFailed, text.ExitCode);
        Assert.Contains("表三“（一）予以公开”行·总计", text.Out, StringComparison.Ordinal);
        Assert.Contains("总计 26 不等于自然人与法人或其他组织各列之和 25", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_with_the_previous_year_checks_the_carry_over_and_the_publication_date()
    {
        var current = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));
        var previous = ReportJson.Read(ReportJson.Write(current).Replace("\"year\": 2024", "\"year\": 2023", StringComparison.Ordinal));
        previous.Table3["carried_forward"][0] = 3;

        var r = await Run("report", "validate", Write("2024.json", ReportJson.Write(current)), "--previous", Write("2023.json", ReportJson.Write(previous)), "--published", "2025-02-05", "--json");

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        var findings = ReportJson.ReadEnvelope(r.Out).Findings;
        Assert.Contains(findings, f => f.Rule == "W1" && f.Severity == FindingSeverity.Warning && f.Location.Column == "natural_person");
        Assert.Contains(findings, f => f.Rule == "W6" && f.Severity == FindingSeverity.Warning);
    }

    [Fact]
    public async Task Validate_refuses_malformed_json_and_a_published_report_that_is_not_json()
    {
        var malformed = await Run("report", "validate", Write("bad.json", """{"year": 2024, "table4": [1, 2]}"""));
        Assert.Equal(ExitCodes.BadInput, malformed.ExitCode);
        Assert.Contains("table4 应为 15 个数字", malformed.Err, StringComparison.Ordinal);

        var text = await Run("report", "validate", Seed);
        Assert.Equal(ExitCodes.BadInput, text.ExitCode);
        Assert.Contains("不是年度报告 JSON", text.Err, StringComparison.Ordinal);

        var date = await Run("report", "validate", Fixtures.PathOf("seeds/kundulun-2024.expected.json"), "--published", "2025-02-30");
        Assert.Equal(ExitCodes.BadInput, date.ExitCode);
    }

    [Fact]
    public async Task Compare_gives_each_section_its_similarity_and_the_overlapping_passages()
    {
        var imported = ReportJson.ReadEnvelope((await Run("report", "import", Seed, "--json")).Out).Report;
        imported.Sections["五"] = "本年度我们在公开平台建设方面投入不足，栏目更新不及时，部分信息发布存在滞后，今后将加强人员配备和经费保障，确保各项工作落到实处。";
        var other = Write("other.json", ReportJson.Write(imported));

        var r = await Run("report", "compare", Seed, other);

        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("一、总体情况", r.Out, StringComparison.Ordinal);
        Assert.Matches(@"一、总体情况\s*│\s*100%", r.Out);
        Assert.Matches(@"五、存在的主要问题及改进情况\s*│\s*0%", r.Out);
        Assert.Contains("可能雷同", r.Out, StringComparison.Ordinal);
        Assert.Contains("一、总体情况：重合段落", r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("五、存在的主要问题及改进情况：重合段落", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_reads_a_batch_reports_a_bad_file_in_its_row_and_writes_one_envelope_per_readable_input()
    {
        var out_ = Path.Combine(_dir, "out");
        var broken = SeedWithBrokenTable4();
        var bad = Write("bad.txt", "这不是年度报告。");

        var r = await Run("report", "check", Seed, broken, bad, "--out", out_);

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Equal(string.Empty, r.Err);
        var lines = r.Out.Split('\n');
        Assert.Contains(lines, l => l.Contains("kundulun-2024-scraped.txt", StringComparison.Ordinal) && l.Contains("包头市昆都仑区", StringComparison.Ordinal) && l.Contains("2024", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("broken-table4.txt", StringComparison.Ordinal) && l.Contains("R4 不通过", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad.txt", StringComparison.Ordinal) && l.Contains("无法读取", StringComparison.Ordinal));
        Assert.Contains("共 3 个文件：2 份已读取，其中 1 份有硬性规则不通过；1 个无法读取。", r.Out, StringComparison.Ordinal);
        Assert.Equal(["broken-table4.json", "kundulun-2024-scraped.json"], Directory.GetFiles(out_).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], ReportJson.ReadEnvelope(File.ReadAllText(Path.Combine(out_, "broken-table4.json"))).Report.Table4.Cells);
    }

    [Fact]
    public async Task Check_refuses_an_output_folder_that_is_a_file()
    {
        var r = await Run("report", "check", Seed, "--out", Write("taken", "不是文件夹"));

        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("无法使用输出文件夹", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_by_the_worst_file_and_counts_blank_cells()
    {
        var report = ReportJson.Read(Fixtures.Read("seeds/kundulun-2024.expected.json"));
        report.Table3["granted"][1] = null;
        report.Table4.Cells[2] = null;

        var clean = await Run("report", "check", Seed);
        var blanks = await Run("report", "check", Write("blanks.json", ReportJson.Write(report)));

        Assert.Equal(ExitCodes.Ok, clean.ExitCode);
        Assert.Equal(ExitCodes.Ok, blanks.ExitCode);
        Assert.Contains(blanks.Out.Split('\n'), l => l.Contains("blanks.json", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.IsMatch(l, @"│\s+0\s+│\s+0\s+│\s+2\s+│"));
    }

    [Fact]
    public async Task Report_help_is_in_chinese_and_in_english_for_an_english_locale()
    {
        var zh = await Run("report", "--help");
        var en = await RunIn("en_US.UTF-8", "report", "import", "--help");

        Assert.Contains("年度报告", zh.Out, StringComparison.Ordinal);
        Assert.Contains("check", zh.Out, StringComparison.Ordinal);
        Assert.Contains("Write only the result envelope JSON", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_format_or_year_option_is_bad_input()
    {
        Assert.Equal(ExitCodes.BadInput, (await Run("report", "import", Seed, "--format", "2020")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Run("report", "import", Seed, "--year", "1999")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Run("report", "import")).ExitCode);
    }

    [Fact]
    public async Task The_year_option_reads_a_report_whose_title_has_no_year()
    {
        var text = Fixtures.Read("seeds/kundulun-2024-scraped.txt").Replace("2024年政府信息公開工作年度報告", "政府信息公開工作年度報告", StringComparison.Ordinal)
            .Replace("2024年1月1日至2024年12月31日", "本年度", StringComparison.Ordinal);
        var file = Write("no-year.txt", text);

        var without = await Run("report", "import", file, "--json");
        var with = await Run("report", "import", file, "--json", "--year", "2024", "--agency", "包头市昆都仑区人民政府");

        Assert.Equal(ExitCodes.BadInput, without.ExitCode);
        Assert.Contains("请指定年度", without.Err, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, with.ExitCode);
        var report = ReportJson.Read(with.Out);
        Assert.Equal(2024, report.Year);
        Assert.Equal("包头市昆都仑区人民政府", report.Agency);
    }
}
