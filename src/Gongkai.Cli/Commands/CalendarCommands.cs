using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Calendar;
using Gongkai.UseCases.Calendar;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class CalendarCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var calendar = new Command("calendar", t["官方工作日历：导入、查看、计算工作日", "The official working-day calendar: import, list, count working days"]);

        var file = new Argument<FileInfo>("FILE") { Description = t["一年的节假日安排 JSON（与 holiday-cn 相同的格式）", "One year of the holiday notice as JSON (the holiday-cn schema)"] };
        var import = new Command("import", t["导入或重新导入一年的官方日历；变化记入日历历史", "Load or reload one year of the official calendar; the change is recorded in the calendar history"]) { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            c.EnsureFileExists(path);

            if (path.Length > ImportCalendarYear.MaxFileBytes)
            {
                throw new CliInputException(t[$"文件超过 {ImportCalendarYear.MaxFileSizeText}：{path.FullName}", $"File larger than {ImportCalendarYear.MaxFileSizeText}: {path.FullName}"]);
            }

            var json = await File.ReadAllTextAsync(path.FullName, ct);
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var result = await scope.ServiceProvider.GetRequiredService<ImportCalendarYear>().ExecuteAsync(json, path.Name, ct);
            await c.Out.WriteLineAsync(result.Summary);
            return ExitCodes.Ok;
        });
        calendar.Subcommands.Add(import);

        var list = new Command("list", t["列出已导入的年份和日历历史", "List the loaded years and the calendar history"]);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var years = scope.ServiceProvider.GetRequiredService<ListCalendarYears>();
            foreach (var y in await years.ExecuteAsync(ct))
            {
                await c.Out.WriteLineAsync(t[
                    $"{y.Year} 年：放假 {y.OffDays} 天，调休上班 {y.MakeUpWorkingDays} 天；第 {y.Revision} 版，来源 {y.Source}",
                    $"{y.Year}: {y.OffDays} days off, {y.MakeUpWorkingDays} make-up working days; revision {y.Revision}, from {y.Source}"]);
            }

            var history = await years.HistoryAsync(1, 20, ct);
            if (history.Total > 0)
            {
                await c.Out.WriteLineAsync(t["最近的日历变更：", "Recent calendar changes:"]);
                foreach (var h in history.Items)
                {
                    await c.Out.WriteLineAsync($"  {h.ChangedAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} {h.ChangedBy} {h.Summary}");
                }
            }

            return ExitCodes.Ok;
        });
        calendar.Subcommands.Add(list);

        var start = new Argument<string>("START") { Description = t["起算日（第 0 天），YYYY-MM-DD", "The start date (day zero), YYYY-MM-DD"] };
        var days = new Argument<int>("N") { Description = t["工作日数", "Number of working days"] };
        var sameDay = new Option<bool>("--same-day") { Description = t["当日起算（默认次日起算）", "Count the start date itself (default: counting starts the next day)"] };
        var add = new Command("add-working-days", t["计算起算日之后第 N 个工作日（按官方日历，含调休）", "The N-th working day after START on the official calendar (make-up days included)"]) { start, days, sameDay };
        add.SetAction(async (parse, ct) =>
        {
            var text = parse.GetValue(start)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CliInputException(t[$"日期“{text}”无效，应为 YYYY-MM-DD。", $"Invalid date '{text}': expected YYYY-MM-DD."]);
            }

            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var result = await scope.ServiceProvider.GetRequiredService<AddWorkingDays>()
                .ExecuteAsync(date, parse.GetValue(days), parse.GetValue(sameDay) ? DayCounting.SameDay : DayCounting.NextDay, ct);
            await c.Out.WriteLineAsync(result.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (result.IsProvisional)
            {
                await c.Err.WriteLineAsync(t[
                    result.ProvisionalWarning!,
                    $"Provisional: no official calendar is loaded for {string.Join(", ", result.MissingYears)}; Monday to Friday was assumed. Load it with: gongkai calendar import FILE"]);
            }

            return ExitCodes.Ok;
        });
        calendar.Subcommands.Add(add);
        return calendar;
    }
}
