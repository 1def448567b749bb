using System.Text.Json;
using Gongkai.Cli;
using Gongkai.Data.Configuration;
using Gongkai.Reports.Import;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

/// <summary>
/// `gongkai report generate` on the demo database: the district's 2024 report computed from its records prints the
/// tables of the sample report (data/seeds/kundulun-2024.expected.json) and the narrative's figures (counted from the
/// demo catalogue); 2023, 2024 and 2025 chain by their carried cases; the documents it writes read back as the same
/// tables.
/// </summary>
public sealed class ReportGenerateCommandTests : IAsyncLifetime
{
    private const string District = "包头市昆都仑区人民政府";
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_demo_districts_2024_report_generated_from_its_records_is_the_sample_reports_and_the_years_chain()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunWithDemoHistoryAsync(_db, "demo", "load")).ExitCode);
        var years = new Dictionary<int, JsonElement>();
        foreach (var year in new[] { 2023, 2024, 2025 })
        {
            var r = await CliRun.RunAsync(_db, "report", "generate", "--agency", District, "--year", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
            Assert.True(r.ExitCode == ExitCodes.Ok, r.Err);
            years[year] = JsonDocument.Parse(r.Out).RootElement.Clone();
        }

        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Fixtures.PathOf("seeds/kundulun-2024.expected.json")));
        var got = years[2024];
        foreach (var table in new[] { "table2", "table3", "table4" })
        {
            Assert.True(JsonElement.DeepEquals(expected.RootElement.GetProperty(table), got.GetProperty(table)), $"{table}: expected {expected.RootElement.GetProperty(table)}, generated {got.GetProperty(table)}");
        }

        var figures = got.GetProperty("figures");
        Assert.Equal((3918, 293, 30, 43), (figures.GetProperty("items_published").GetInt32(), figures.GetProperty("key_area_items").GetInt32(), figures.GetProperty("policy_interpretations").GetInt32(), figures.GetProperty("new_media_accounts").GetInt32()));
        Assert.Contains("新收政府信息公开申请109件", got.GetProperty("sections").GetProperty("一").GetString(), StringComparison.Ordinal);

        // Counted from the demo catalogue, with the key-area sub-figures; 2025 has no catalogue items, so its figures are the entered ones.
        Assert.True(figures.GetProperty("from_catalogue").GetBoolean());
        Assert.Equal((31, 27, 4, 9, 16), (figures.GetProperty("policy_documents").GetInt32(), figures.GetProperty("proposal_replies").GetInt32(), figures.GetProperty("compulsory_education").GetInt32(), figures.GetProperty("employment_stabilisation").GetInt32(), figures.GetProperty("elderly_care").GetInt32()));
        Assert.Contains("其中重点领域信息293条（政策文件31条、建议提案办理27条、义务教育4条、稳岗就业9条、养老服务16条）", got.GetProperty("sections").GetProperty("一").GetString(), StringComparison.Ordinal);
        var figures2025 = years[2025].GetProperty("figures");
        Assert.False(figures2025.GetProperty("from_catalogue").GetBoolean());
        Assert.Equal(4102, figures2025.GetProperty("items_published").GetInt32());
        Assert.Equal(JsonValueKind.Null, figures2025.GetProperty("policy_documents").ValueKind);

        // Carried over in a year = carried forward the year before, column by column; documents in force chain too.
        foreach (var (before, after) in new[] { (2023, 2024), (2024, 2025) })
        {
            Assert.Equal(years[before].GetProperty("table3").GetProperty("carried_forward").ToString(), years[after].GetProperty("table3").GetProperty("carried_over").ToString());
            var b = years[before].GetProperty("table2").GetProperty("normative_documents");
            var a = years[after].GetProperty("table2").GetProperty("normative_documents");
            Assert.Equal(b.GetProperty("in_force").GetInt32() + a.GetProperty("issued").GetInt32() - a.GetProperty("repealed").GetInt32(), a.GetProperty("in_force").GetInt32());
        }

        // The documents it writes read back as the same tables.
        var dir = Directory.CreateTempSubdirectory("gongkai-report-");
        try
        {
            foreach (var format in new[] { "docx", "html", "xlsx" })
            {
                var path = Path.Combine(dir.FullName, "report." + format);
                var r = await CliRun.RunAsync(_db, "report", "generate", "--agency", District, "--year", "2024", "--format", format, "--output", path);
                Assert.True(r.ExitCode == ExitCodes.Ok, r.Err);
                Assert.True(new FileInfo(path).Length > 1000, format);
                if (format == "xlsx")
                {
                    continue;
                }

                var read = Core.Reports.ReportJson.Write(ReportFileImporter.Import(await File.ReadAllBytesAsync(path), path).Report);
                using var back = JsonDocument.Parse(read);
                foreach (var table in new[] { "table2", "table3", "table4" })
                {
                    Assert.True(JsonElement.DeepEquals(expected.RootElement.GetProperty(table), back.RootElement.GetProperty(table)), $"{format} {table}: {back.RootElement.GetProperty(table)}");
                }
            }

            var binary = await CliRun.RunAsync(_db, "report", "generate", "--agency", District, "--year", "2024", "--format", "docx");
            Assert.Equal(ExitCodes.BadInput, binary.ExitCode);
            Assert.Contains("--output", binary.Err, StringComparison.Ordinal);
            var unknown = await CliRun.RunAsync(_db, "report", "generate", "--agency", "没有这个机构", "--year", "2024");
            Assert.NotEqual(ExitCodes.Ok, unknown.ExitCode);
            Assert.Contains("找不到机构", unknown.Err, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
