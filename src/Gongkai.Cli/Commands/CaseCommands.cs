using System.CommandLine;
using System.Globalization;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class CaseCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var cases = new Command("cases", t["依申请公开的申请：到期和超期提醒", "Applications for information: due and overdue cases"]);

        var on = new Option<string?>("--on") { Description = t["按哪一天判断（YYYY-MM-DD，默认今天）", "The day to judge by (YYYY-MM-DD, default today)"] };
        var notify = new Option<bool>("--notify") { Description = t["同时发送站内提醒和电子邮件（同一天重复运行不会重复提醒）", "Also send in-app notices and e-mail (a second run on the same day adds nothing)"] };
        var due = new Command("due", t["列出即将到期和已超期的申请（答复期限按官方日历计算）", "List applications due soon and overdue (deadlines on the official calendar)"]) { on, notify };
        due.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var date = ParseDate(c, parse.GetValue(on)) ?? scope.ServiceProvider.GetRequiredService<AgencyClock>().Today();
            var report = await scope.ServiceProvider.GetRequiredService<ListDueCases>().ExecuteAsync(date, ct);
            await c.Out.WriteLineAsync(t[
                $"{date:yyyy-MM-dd}：已超期 {report.Overdue.Count} 件，{report.DueSoonWorkingDays} 个工作日内到期 {report.DueSoon.Count} 件。",
                $"{date:yyyy-MM-dd}: {report.Overdue.Count} overdue, {report.DueSoon.Count} due within {report.DueSoonWorkingDays} working days."]);
            foreach (var (title, items) in new[] { (t["已超期", "Overdue"], report.Overdue), (t["即将到期", "Due soon"], report.DueSoon) })
            {
                if (items.Count == 0)
                {
                    continue;
                }

                await c.Out.WriteLineAsync(title + t["：", ":"]);
                foreach (var d in items)
                {
                    var left = d.Overdue
                        ? t[$"超期 {-d.WorkingDaysLeft} 个工作日", $"{-d.WorkingDaysLeft} working days late"]
                        : t[$"剩 {d.WorkingDaysLeft} 个工作日", $"{d.WorkingDaysLeft} working days left"];
                    var provisional = d.Provisional ? t["（临时）", " (provisional)"] : string.Empty;
                    await c.Out.WriteLineAsync($"  {d.Due:yyyy-MM-dd}{provisional}  {d.CaseNumber}  {d.UnitName}  {left}");
                }
            }

            if (parse.GetValue(notify))
            {
                var run = await scope.ServiceProvider.GetRequiredService<SendDueReminders>().ExecuteAsync(date, ct);
                await c.Out.WriteLineAsync(t[
                    $"已发送站内提醒 {run.Notified} 条，电子邮件 {run.Emailed} 封。",
                    $"Sent {run.Notified} in-app notices and {run.Emailed} e-mails."]);
                if (run.MailError is not null)
                {
                    await c.Err.WriteLineAsync(run.MailError);
                    return ExitCodes.Environment;
                }
            }

            return ExitCodes.Ok;
        });
        cases.Subcommands.Add(due);
        return cases;
    }

    private static DateOnly? ParseDate(CliContext c, string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CliInputException(c.T[$"日期“{text}”无效，应为 YYYY-MM-DD。", $"Invalid date '{text}': expected YYYY-MM-DD."]);
    }
}
