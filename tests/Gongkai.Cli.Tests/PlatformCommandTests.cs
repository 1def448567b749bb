using Gongkai.Cli;
using Gongkai.Data.Agencies;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;

namespace Gongkai.Cli.Tests;

public sealed class PlatformCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Help_is_in_chinese_by_default_and_in_english_for_an_english_locale()
    {
        var zh = await CliRun.RunWithLocaleAsync(_db, "zh_CN.UTF-8", ["--help"]);
        Assert.Equal(ExitCodes.Ok, zh.ExitCode);
        Assert.Contains("官方工作日历", zh.Out, StringComparison.Ordinal);
        Assert.Contains("退出码", zh.Out, StringComparison.Ordinal);

        var en = await CliRun.RunWithLocaleAsync(_db, "en_US.UTF-8", ["calendar", "--help"]);
        Assert.Contains("The official working-day calendar", en.Out, StringComparison.Ordinal);
        Assert.Contains("add-working-days", en.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_reports_what_it_applied_and_then_that_the_database_is_up_to_date()
    {
        var first = await CliRun.RunAsync(_db, "db", "migrate");
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("已应用", first.Out, StringComparison.Ordinal);
        Assert.Contains("2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026", first.Out, StringComparison.Ordinal);

        var second = await CliRun.RunAsync(_db, "db", "migrate");
        Assert.Contains("数据库已是最新版本", second.Out, StringComparison.Ordinal);

        var status = await CliRun.RunAsync(_db, "db", "status");
        Assert.Equal(ExitCodes.Ok, status.ExitCode);
        Assert.Contains(_db.DataDirectory, status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_load_fills_an_empty_database_once()
    {
        var first = await CliRun.RunAsync(_db, "demo", "load");
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("包头市昆都仑区人民政府", first.Out, StringComparison.Ordinal);
        var second = await CliRun.RunAsync(_db, "demo", "load");
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        Assert.Contains("未重复载入", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_load_refuses_a_database_that_holds_real_records()
    {
        await CliRun.RunAsync(_db, "db", "migrate");
        await using (var ctx = _db.OpenContext())
        {
            ctx.Agencies.Add(new AgencyRecord { Name = "某县人民政府", ShortName = "某县", Kind = AgencyKind.Government });
            await ctx.SaveChangesAsync();
        }

        var r = await CliRun.RunAsync(_db, "demo", "load");
        Assert.Equal(ExitCodes.RuleFailed, r.ExitCode);
        Assert.Contains("已有正式数据", r.Err, StringComparison.Ordinal);
        await using var check = _db.OpenContext();
        Assert.Equal(1, check.Agencies.Count());
    }

    [Fact]
    public async Task An_unknown_provider_is_an_environment_error()
    {
        using var o = new StringWriter();
        using var e = new StringWriter();
        var config = _db.Configuration();
        config["Gongkai:Database:Provider"] = "mysql";
        var code = await GongkaiCli.RunAsync(["db", "status"], o, e, config, _ => null);
        Assert.Equal(ExitCodes.Environment, code);
        Assert.Contains("应为 sqlite 或 postgres", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_file_given_with_config_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("gongkai-cfg-").FullName;
        var file = Path.Combine(dir, "gongkai.json");
        await File.WriteAllTextAsync(file, $$"""{"GONGKAI_DATA_DIR": "{{dir.Replace("\\", "\\\\", StringComparison.Ordinal)}}"}""");
        using var o = new StringWriter();
        using var e = new StringWriter();
        var code = await GongkaiCli.RunAsync(["db", "status", "--config", file], o, e, new Dictionary<string, string?>(), _ => null);
        Assert.Contains(dir, o.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Environment, code); // a new, unmigrated database: status says so with exit 3

        var missing = await GongkaiCli.RunAsync(["db", "status", "--config", Path.Combine(dir, "missing.json")], o, e, new Dictionary<string, string?>(), _ => null);
        Assert.Equal(ExitCodes.Environment, missing);
    }

    [Fact]
    public async Task Create_admin_needs_an_agency_and_prints_a_generated_password_once()
    {
        var empty = await CliRun.RunAsync(_db, "accounts", "create-admin", "zhangmin");
        Assert.Equal(ExitCodes.BadInput, empty.ExitCode);
        Assert.Contains("还没有机构", empty.Err, StringComparison.Ordinal);

        await CliRun.RunAsync(_db, "demo", "load");
        var r = await CliRun.RunAsync(_db, "accounts", "create-admin", "zhangmin", "--name", "张敏", "--agency", "包头市昆都仑区教育局");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Matches("初始密码：[A-Za-z0-9]{16}", r.Out);
        var again = await CliRun.RunAsync(_db, "accounts", "create-admin", "zhangmin");
        Assert.Equal(ExitCodes.RuleFailed, again.ExitCode);
        Assert.Contains("已被使用", again.Err, StringComparison.Ordinal);
    }
}
