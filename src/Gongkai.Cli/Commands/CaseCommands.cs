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

        var year = new Option<int?>("--year") { Description = t["年度（按收到申请之日，默认今年）", "Year (by receipt date, default this year)"] };
        var output = new Option<FileInfo?>("--output", "-o") { Description = t["输出的 XLSX 文件", "The XLSX file to write"] };
        var full = new Option<bool>("--full-personal-data") { Description = t["包含完整证件号码和电话（记入操作记录）", "Include full ID and phone numbers (recorded in the audit history)"] };
        var export = new Command("export-register", t["导出台账（XLSX）", "Export the case register (XLSX)"]) { year, output, full };
        export.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var y = parse.GetValue(year) ?? scope.ServiceProvider.GetRequiredService<AgencyClock>().Today().Year;
            var file = parse.GetValue(output) ?? new FileInfo($"依申请公开台账-{y}.xlsx");
            var bytes = await scope.ServiceProvider.GetRequiredService<ExportCaseRegister>().ExecuteAsync(y, parse.GetValue(full), ct);
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            await c.Out.WriteLineAsync(t[$"已导出 {y} 年台账：{file.FullName}", $"Exported the {y} register: {file.FullName}"]);
            return ExitCodes.Ok;
        });
        cases.Subcommands.Add(export);

        var file = new Argument<FileInfo>("FILE") { Description = t["台账 XLSX（导出台账的格式，含完整个人信息）", "A register XLSX (the export's layout, with full personal data)"] };
        var import = new Command("import-register", t["导入以往年度的台账；任何一行有错则全部不导入", "Import past years' cases from a register; one broken row and nothing is imported"]) { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            c.EnsureFileExists(path);
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            await using var stream = path.OpenRead();
            try
            {
                var n = (await scope.ServiceProvider.GetRequiredService<ImportCaseRegister>().ExecuteAsync(stream, path.Name, ct: ct)).Count;
                await c.Out.WriteLineAsync(t[$"已导入 {n} 件申请。", $"Imported {n} applications."]);
                return ExitCodes.Ok;
            }
            catch (Gongkai.UseCases.Agencies.ImportRejectedException ex)
            {
                foreach (var e in ex.Errors)
                {
                    await c.Err.WriteLineAsync(t[$"第 {e.Row} 行：{e.Message}", $"Row {e.Row}: {e.Message}"]);
                }

                await c.Err.WriteLineAsync(t["未导入任何数据。", "Nothing was imported."]);
                return ExitCodes.RuleFailed;
            }
        });
        cases.Subcommands.Add(import);
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
