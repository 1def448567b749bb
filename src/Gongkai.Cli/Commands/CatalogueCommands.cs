using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>主动公开 from the command line: the monthly list of late publications, for a scheduled 通报.</summary>
internal static class CatalogueCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var catalogue = new Command("catalogue", t["主动公开：公开时效", "Proactive disclosure: timeliness"]);

        var month = new Option<string?>("--month") { Description = t["月份（YYYY-MM，默认上个月）", "The month (YYYY-MM, default last month)"] };
        var output = new Option<FileInfo?>("--output", "-o") { Description = t["同时写出 XLSX 清单（与后台“导出 Excel”相同）", "Also write the XLSX list (the same as the back office's export)"] };
        var late = new Command("late", t["超期公开月度清单：当月超期公开的信息和月末仍超期未公开的信息，按单位列出", "The monthly late list: versions published late in the month and items still overdue at its end, by unit"]) { month, output };
        late.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var today = scope.ServiceProvider.GetRequiredService<AgencyClock>().Today();
            var asked = parse.GetValue(month) ?? TimelinessRules.MonthText(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));
            LateList list;
            try
            {
                list = await scope.ServiceProvider.GetRequiredService<ListLateItems>().ExecuteAsync(asked, ct);
            }
            catch (ValidationFailedException ex)
            {
                throw new CliInputException(string.Join("；", ex.Errors.Values) + t[$"（收到“{asked}”）", $" (got \"{asked}\")"]);
            }

            await c.Out.WriteLineAsync(t[
                $"{list.MonthName}超期公开清单（截至 {Date(list.AsOf)}）：超期公开 {list.PublishedLate} 条，超期未公开 {list.Overdue} 条。",
                $"Late list for {list.Month} (as of {Date(list.AsOf)}): {list.PublishedLate} published late, {list.Overdue} overdue."]);
            if (list.ProvisionalWarning is { } warning)
            {
                await c.Out.WriteLineAsync(warning);
            }

            foreach (var unit in list.Units)
            {
                await c.Out.WriteLineAsync(t[
                    $"{unit.AgencyName}：超期公开 {unit.PublishedLate} 条，超期未公开 {unit.Overdue} 条",
                    $"{unit.AgencyName}: {unit.PublishedLate} published late, {unit.Overdue} overdue"]);
                foreach (var e in unit.Entries)
                {
                    var when = e.PublishedOn is { } on ? Date(on) : t["未公开", "unpublished"];
                    var days = e.WorkingDaysLate.ToString(CultureInfo.InvariantCulture) + (e.Provisional ? t["（暂定）", " (provisional)"] : string.Empty);
                    await c.Out.WriteLineAsync(t[
                        $"  {e.KindName}  期限 {Date(e.DueOn)}  公开 {when}  超期 {days} 个工作日  {e.Title}",
                        $"  {e.KindName}  due {Date(e.DueOn)}  published {when}  {days} working days late  {e.Title}"]);
                }
            }

            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, LateListWorkbook.Write(list), ct);
                await c.Out.WriteLineAsync(t[$"已写出：{file.FullName}", $"Written: {file.FullName}"]);
            }

            return ExitCodes.Ok;
        });
        catalogue.Subcommands.Add(late);
        return catalogue;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
