using Gongkai.Cli;
using Gongkai.Core.Cases;
using Gongkai.Data;
using Gongkai.Data.Cases;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests;

public sealed class CaseCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task<string> ReceivedInPersonAsync(DateOnly received)
    {
        await using var services = _db.Services();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试");
        var agency = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Agencies.Where(a => a.Name == "包头市昆都仑区教育局").Select(a => a.Id).SingleAsync();
        var record = await scope.ServiceProvider.GetRequiredService<RegisterApplication>().ExecuteAsync(new ApplicationInput
        {
            AgencyId = agency,
            ApplicantName = "孙八",
            IdDocumentType = IdDocumentType.Passport,
            IdNumber = "E33334444",
            Phone = "13833334444",
            Description = "某文件",
            Channel = Channel.InPerson,
            Arrived = received,
        });
        return record.CaseNumber;
    }

    [Fact]
    public async Task Cases_due_lists_overdue_and_due_soon_applications_and_notifies_once()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(_db, "demo", "load")).ExitCode);
        var overdue = await ReceivedInPersonAsync(new DateOnly(2026, 10, 23));
        var soon = await ReceivedInPersonAsync(new DateOnly(2026, 10, 30));

        var result = await CliRun.RunAsync(_db, "cases", "due", "--on", "2026-11-27");
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("已超期", result.Out, StringComparison.Ordinal);
        Assert.Contains($"2026-11-20  {overdue}  包头市昆都仑区教育局  超期 5 个工作日", result.Out, StringComparison.Ordinal);
        Assert.Contains($"2026-11-27  {soon}  包头市昆都仑区教育局  剩 0 个工作日", result.Out, StringComparison.Ordinal);

        var notify = await CliRun.RunAsync(_db, "cases", "due", "--on", "2026-11-27", "--notify");
        Assert.Equal(ExitCodes.Ok, notify.ExitCode);
        Assert.Matches("已发送站内提醒 [1-9][0-9]* 条", notify.Out);
        var again = await CliRun.RunAsync(_db, "cases", "due", "--on", "2026-11-27", "--notify");
        Assert.Contains("已发送站内提醒 0 条", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_exports_and_a_broken_register_is_refused_with_its_rows()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync(_db, "demo", "load")).ExitCode);
        var number = await ReceivedInPersonAsync(new DateOnly(2026, 11, 2));
        var path = Path.Combine(_db.DataDirectory, "register.xlsx");
        var export = await CliRun.RunAsync(_db, "cases", "export-register", "--year", "2026", "--output", path, "--full-personal-data");
        Assert.Equal(ExitCodes.Ok, export.ExitCode);
        Assert.Contains("已导出 2026 年台账", export.Out, StringComparison.Ordinal);
        Assert.True(new FileInfo(path).Length > 0);

        // Importing it into the same database: every case number already exists, nothing is imported.
        var again = await CliRun.RunAsync(_db, "cases", "import-register", path);
        Assert.Equal(ExitCodes.RuleFailed, again.ExitCode);
        Assert.Contains($"受理编号“{number}”已存在", again.Err, StringComparison.Ordinal);
        Assert.Contains("未导入任何数据", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_date_is_bad_input()
    {
        var result = await CliRun.RunAsync(_db, "cases", "due", "--on", "2026-13-01");
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("日期“2026-13-01”无效", result.Err, StringComparison.Ordinal);
    }
}
