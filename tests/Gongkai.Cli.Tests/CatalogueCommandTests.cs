using Gongkai.Cli;
using Gongkai.Data.Configuration;
using Gongkai.TestSupport;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Tests;

/// <summary><c>gongkai catalogue late</c>: the monthly late list of 主动公开, printed by unit and written as XLSX.</summary>
public sealed class CatalogueCommandTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task The_monthly_late_list_is_printed_by_unit_and_written_as_the_back_offices_workbook()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunWithDemoHistoryAsync(_db, "demo", "load")).ExitCode);
        LateList expected;
        await using (var services = _db.Services())
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<StaffContext>().SetOperator("测试");
            expected = await scope.ServiceProvider.GetRequiredService<ListLateItems>().ExecuteAsync("2026-10");
        }

        Assert.False(expected.IsEmpty, "the demo has late items in October 2026");
        var path = Path.Combine(_db.DataDirectory, "late.xlsx");

        // Without --month: last month (the test clock is 2026-11-27).
        var result = await CliRun.RunAsync(_db, "catalogue", "late", "--output", path);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains($"2026年10月超期公开清单（截至 2026-10-31）：超期公开 {expected.PublishedLate} 条，超期未公开 {expected.Overdue} 条。", result.Out, StringComparison.Ordinal);
        foreach (var unit in expected.Units)
        {
            Assert.Contains($"{unit.AgencyName}：超期公开 {unit.PublishedLate} 条，超期未公开 {unit.Overdue} 条", result.Out, StringComparison.Ordinal);
            Assert.Contains(unit.Entries[0].Title, result.Out, StringComparison.Ordinal);
        }

        // The workbook reads back: one row per entry and one per unit plus 合计.
        Assert.Contains($"已写出：{path}", result.Out, StringComparison.Ordinal);
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(path);
        Assert.Equal([LateListWorkbook.EntriesSheet, LateListWorkbook.UnitsSheet], sheets);
        Assert.Equal(expected.PublishedLate + expected.Overdue, MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: LateListWorkbook.EntriesSheet).Count());
        var units = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, sheetName: LateListWorkbook.UnitsSheet).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(expected.Units.Count + 1, units.Count);
        Assert.Equal("合计", units[^1]["单位"]);
    }

    [Theory]
    [InlineData("2026/10", "请按“2026-10”的格式填写年月。")]
    [InlineData("2026-12", "不能查看本月以后的月份。")]
    public async Task A_month_that_cannot_be_listed_is_bad_input(string month, string message)
    {
        var result = await CliRun.RunAsync(_db, "catalogue", "late", "--month", month);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(message, result.Err, StringComparison.Ordinal);
        Assert.Contains($"（收到“{month}”）", result.Err, StringComparison.Ordinal);
    }
}
