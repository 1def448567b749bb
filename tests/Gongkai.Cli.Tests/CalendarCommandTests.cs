using Gongkai.Cli;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public sealed class CalendarCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public static TheoryData<string, int, string> Vectors()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var v in Fixtures.DeadlineVectors("add_working_days"))
        {
            data.Add(v.GetProperty("start").GetString()!, v.GetProperty("working_days").GetInt32(), v.GetProperty("expected").GetString()!);
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var migrate = await CliRun.RunAsync(_db, "db", "migrate");
        Assert.True(migrate.ExitCode == ExitCodes.Ok, migrate.Err);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Every_add_working_days_vector_prints_the_expected_date(string start, int days, string expected)
    {
        var r = await CliRun.RunAsync(_db, "calendar", "add-working-days", start, days.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal(expected + Environment.NewLine, r.Out);
        Assert.Equal(string.Empty, r.Err);
    }

    [Fact]
    public async Task A_date_in_a_year_without_a_calendar_prints_the_date_and_a_provisional_warning_on_stderr()
    {
        var r = await CliRun.RunAsync(_db, "calendar", "add-working-days", "2026-12-18", "20");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Equal("2027-01-15" + Environment.NewLine, r.Out);
        Assert.Contains("暂定", r.Err, StringComparison.Ordinal);
        Assert.Contains("2027", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provisional_warning_is_in_english_when_the_locale_is_english()
    {
        var r = await CliRun.RunWithLocaleAsync(_db, "en_US.UTF-8", ["calendar", "add-working-days", "2026-12-18", "20"]);
        Assert.Contains("Provisional", r.Err, StringComparison.Ordinal);
        Assert.Contains("gongkai calendar import", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_date_is_bad_input()
    {
        var r = await CliRun.RunAsync(_db, "calendar", "add-working-days", "2024-02-30", "20");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("日期“2024-02-30”无效", r.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public async Task A_missing_argument_is_bad_input_with_the_usage_on_stderr()
    {
        var r = await CliRun.RunAsync(_db, "calendar", "add-working-days", "2024-09-27");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
    }

    [Fact]
    public async Task Importing_a_new_year_and_reloading_it_is_recorded_and_listed()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-cli-").FullName;
        var file = Path.Combine(dir, "2027.json");
        await File.WriteAllTextAsync(file, """{"year":2027,"papers":["https://example.invalid/a"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}""");
        var first = await CliRun.RunAsync(_db, "calendar", "import", file);
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("首次导入 2027 年日历", first.Out, StringComparison.Ordinal);

        var after = await CliRun.RunAsync(_db, "calendar", "add-working-days", "2026-12-18", "20");
        Assert.Equal("2027-01-18" + Environment.NewLine, after.Out);
        Assert.Equal(string.Empty, after.Err);

        await File.WriteAllTextAsync(file, """{"year":2027,"papers":["https://example.invalid/a"],"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"元旦","date":"2027-01-02","isOffDay":false}]}""");
        var reload = await CliRun.RunAsync(_db, "calendar", "import", file);
        Assert.Equal(ExitCodes.Ok, reload.ExitCode);
        Assert.Contains("新增 2027-01-02 调休上班（元旦）", reload.Out, StringComparison.Ordinal);

        var list = await CliRun.RunAsync(_db, "calendar", "list");
        Assert.Contains("2027 年：放假 1 天，调休上班 1 天；第 2 版", list.Out, StringComparison.Ordinal);
        Assert.Contains("命令行", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_calendar_file_is_bad_input_and_changes_nothing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-cli-").FullName, "broken.json");
        await File.WriteAllTextAsync(file, "{\"year\": 2027, \"papers\": [], \"days\": [");
        var r = await CliRun.RunAsync(_db, "calendar", "import", file);
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("日历文件无效", r.Err, StringComparison.Ordinal);
        var list = await CliRun.RunAsync(_db, "calendar", "list");
        Assert.DoesNotContain("2027 年", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_bad_input()
    {
        var r = await CliRun.RunAsync(_db, "calendar", "import", "/nonexistent/2027.json");
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("找不到文件", r.Err, StringComparison.Ordinal);
    }
}
