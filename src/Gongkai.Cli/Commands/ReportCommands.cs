using System.CommandLine;
using System.Globalization;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Import;
using Gongkai.Core.Reports.Similarity;
using Gongkai.Core.Reports.Validation;
using Spectre.Console;

namespace Gongkai.Cli.Commands;

/// <summary>
/// `gongkai report`: import a published annual report, validate one, compare two for 雷同, check a batch. These
/// commands read files only; they need no database. Exit codes follow the exchange format: 0 read (no hard rule
/// fails), 1 a hard rule fails, 2 a file cannot be read as a report.
/// </summary>
internal static class ReportCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var report = new Command("report", t[
            "政府信息公开工作年度报告：从记录生成；导入、核对、雷同比对、批量检查（这四项不需要数据库）",
            "Annual reports: generate from the records; import, validate, compare for copied content, check a batch (these four need no database)"]);
        report.Subcommands.Add(Import(c));
        report.Subcommands.Add(Validate(c));
        report.Subcommands.Add(Compare(c));
        report.Subcommands.Add(Check(c));
        report.Subcommands.Add(ReportGenerateCommand.Build(c, config));
        return report;
    }

    private sealed record ImportOptionSet(Option<int?> Year, Option<string?> Agency, Option<string?> Format)
    {
        public void AddTo(Command command)
        {
            command.Options.Add(Year);
            command.Options.Add(Agency);
            command.Options.Add(Format);
        }

        public ReportImportOptions Read(ParseResult parse, Text t)
        {
            var year = parse.GetValue(Year);
            if (year is < 2008 or > 2100)
            {
                throw new CliInputException(t[$"年度 {year} 不在 2008–2100 之间。", $"Year {year} is not between 2008 and 2100."]);
            }

            var formatText = parse.GetValue(Format);
            ReportFormat? format = null;
            if (formatText is not null)
            {
                format = ReportFormats.FromJson(formatText)
                    ?? throw new CliInputException(t[$"格式“{formatText}”无效，应为 2021 或 2019。", $"Invalid format '{formatText}': expected 2021 or 2019."]);
            }

            var agency = parse.GetValue(Agency);
            return new ReportImportOptions { Year = year, Agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim(), Format = format };
        }
    }

    private static ImportOptionSet ImportOptions(Text t) => new(
        new Option<int?>("--year") { Description = t["报告年度（文中找不到年度时必须指定）", "The report year (required when the text does not say)"] },
        new Option<string?>("--agency") { Description = t["机构名称（代替从标题识别的名称）", "The agency (instead of the name found in the title)"] },
        new Option<string?>("--format") { Description = t["格式：2021（国办公开办函〔2021〕30号）或 2019（试行格式）；默认按文中依据和年度判断", "Format: 2021 or 2019 (trial); by default from the text and the year"] });

    private static Command Import(CliContext c)
    {
        var t = c.T;
        var file = new Argument<FileInfo>("FILE") { Description = t["已发布的年度报告：网页（HTML）、Word（.docx）、PDF（含文字层）、纯文本或 Markdown", "A published report: HTML, Word (.docx), PDF with a text layer, text or markdown"] };
        var json = new Option<bool>("--json") { Description = t["只在标准输出写结果 JSON（report、findings、provenance、notes）", "Write only the result envelope JSON (report, findings, provenance, notes) to stdout"] };
        var options = ImportOptions(t);
        var command = new Command("import", t[
            "导入一份已发布的年度报告并核对；退出码 0 已读取且无硬性错误，1 有硬性规则不通过，2 无法作为年度报告读取",
            "Import a published report and validate it; exit 0 read with no hard-rule failure, 1 a hard rule fails, 2 not readable as a report"]) { file, json };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            var envelope = new ReportFiles(c).Import(path, options.Read(parse, t));
            ReportValidator.ValidateInto(envelope);
            if (parse.GetValue(json))
            {
                await c.Out.WriteLineAsync(ReportJson.Write(envelope).AsMemory(), ct);
            }
            else
            {
                new ReportOutput(t, ReportOutput.ConsoleFor(c.Out, ReportOutput.IsTerminal(c.Out))).Report(envelope, path.Name);
            }

            return envelope.HasErrors ? ExitCodes.RuleFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Validate(CliContext c)
    {
        var t = c.T;
        var file = new Argument<FileInfo>("FILE") { Description = t["年度报告 JSON：gongkai report import --json 的结果，或裸报告", "Report JSON: the envelope of gongkai report import --json, or a bare report"] };
        var previous = new Option<FileInfo?>("--previous") { Description = t["同一机构上一年度的报告 JSON（用于 W1、W2 跨年核对和 W5 雷同）", "The same agency's report on the year before, as JSON (cross-year checks W1, W2 and copying W5)"] };
        var published = new Option<string?>("--published") { Description = t["发布日期 YYYY-MM-DD（用于 W6 发布期限）", "Publication date YYYY-MM-DD (deadline check W6)"] };
        var government = new Option<bool>("--government") { Description = t["这是政府的年度报告（期限 3 月 31 日）；默认按部门（1 月 31 日）", "This is a government's own report (deadline 31 March); by default a department's (31 January)"] };
        var json = new Option<bool>("--json") { Description = t["只在标准输出写结果 JSON", "Write only the result envelope JSON to stdout"] };
        var command = new Command("validate", t[
            "按规则 R1–R6、W1–W6 核对年度报告 JSON；退出码 0 无硬性错误，1 有硬性规则不通过，2 文件无法读取",
            "Validate report JSON against R1–R6 and W1–W6; exit 0 no hard-rule failure, 1 a hard rule fails, 2 unreadable"]) { file, previous, published, government, json };
        command.SetAction(async (parse, ct) =>
        {
            var files = new ReportFiles(c);
            var path = parse.GetValue(file)!;
            var envelope = files.ReadJson(path);
            DateOnly? publishedOn = null;
            if (parse.GetValue(published) is { } date)
            {
                publishedOn = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw new CliInputException(t[$"日期“{date}”无效，应为 YYYY-MM-DD。", $"Invalid date '{date}': expected YYYY-MM-DD."]);
            }

            var context = new ValidationContext
            {
                PreviousYear = parse.GetValue(previous) is { } p ? files.ReadJson(p).Report : null,
                PublishedOn = publishedOn,
                UnitKind = parse.GetValue(government) ? ReportingUnitKind.Government : ReportingUnitKind.Department,
            };
            ReportValidator.ValidateInto(envelope, context);
            if (parse.GetValue(json))
            {
                await c.Out.WriteLineAsync(ReportJson.Write(envelope).AsMemory(), ct);
            }
            else
            {
                var output = new ReportOutput(t, ReportOutput.ConsoleFor(c.Out, ReportOutput.IsTerminal(c.Out)));
                var r = envelope.Report;
                output.Console.Write(new Spectre.Console.Text(ReportOutput.Clean(t[
                    $"{path.Name}：{r.Agency ?? "（未注明机构）"} {r.Year} 年度，{output.FormatName(r.Format)}",
                    $"{path.Name}: {r.Agency ?? "(no agency)"}, report on {r.Year}, {output.FormatName(r.Format)}"])));
                output.Console.WriteLine();
                output.Findings(envelope.Findings, r);
            }

            return envelope.HasErrors ? ExitCodes.RuleFailed : ExitCodes.Ok;
        });
        return command;
    }

    private static Command Compare(CliContext c)
    {
        var t = c.T;
        var a = new Argument<FileInfo>("A") { Description = t["被审查的报告（任何可导入的格式，或年度报告 JSON）", "The report under review (any importable form, or report JSON)"] };
        var b = new Argument<FileInfo>("B") { Description = t["用来比对的报告（上一年度的，或同级单位的）", "The report to compare with (last year's, or a sibling agency's)"] };
        var threshold = new Option<int>("--threshold") { Description = t["判为可能雷同的相似度百分比（默认 60）", "Similarity percentage flagged as possibly copied (default 60)"], DefaultValueFactory = _ => 60 };
        var command = new Command("compare", t[
            "逐部分比对两份报告的正文，给出相似度和重合段落（内容雷同检查）",
            "Compare the narrative of two reports section by section: similarity and overlapping passages"]) { a, b, threshold };
        command.SetAction(async (parse, ct) =>
        {
            var percent = parse.GetValue(threshold);
            if (percent is < 1 or > 100)
            {
                throw new CliInputException(t["--threshold 应在 1 到 100 之间。", "--threshold must be between 1 and 100."]);
            }

            var files = new ReportFiles(c);
            var fileA = parse.GetValue(a)!;
            var fileB = parse.GetValue(b)!;
            var first = files.ReadAny(fileA, new ReportImportOptions()).Envelope.Report;
            var second = files.ReadAny(fileB, new ReportImportOptions()).Envelope.Report;
            var sections = ReportSimilarity.Compare(first, second);
            new ReportOutput(t, ReportOutput.ConsoleFor(c.Out, ReportOutput.IsTerminal(c.Out))).Similarity(sections, fileA.Name, fileB.Name, percent / 100.0);
            await c.Out.FlushAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record CheckRow(string File, ReportEnvelope? Envelope, string? Error, string? Written);

    private static Command Check(CliContext c)
    {
        var t = c.T;
        var files = new Argument<FileInfo[]>("FILE") { Description = t["一个或多个报告文件（或文件夹：读取其中的文件）", "One or more report files (or folders: their files are read)"], Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<DirectoryInfo?>("--out") { Description = t["把每份报告的结果 JSON 写到这个文件夹（文件名同原文件，扩展名 .json）", "Write each report's result envelope JSON into this folder (same name, .json)"] };
        var options = ImportOptions(t);
        var command = new Command("check", t[
            "批量导入并核对报告，输出汇总表；读不了的文件记在它那一行，不中断。退出码取最严重的一份：0、1（硬性错误）或 2（有文件无法读取）",
            "Import and validate a batch, then print a summary; a file that cannot be read is reported in its row. Exit code of the worst file: 0, 1 (hard-rule failure) or 2 (a file unreadable)"]) { files, outDir };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var importOptions = options.Read(parse, t);
            var inputs = Expand(parse.GetValue(files)!, t);
            var target = parse.GetValue(outDir);
            if (target is not null)
            {
                try
                {
                    Directory.CreateDirectory(target.FullName);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliInputException(t[$"无法使用输出文件夹 {target.FullName}：{e.Message}", $"Cannot use the output folder {target.FullName}: {e.Message}"]);
                }
            }

            var reader = new ReportFiles(c);
            var rows = new List<CheckRow>();
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            async Task CheckOne(FileInfo file)
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    var (envelope, fromJson) = reader.ReadAny(file, importOptions);
                    ReportValidator.ValidateInto(envelope);
                    string? written = null;
                    if (target is not null)
                    {
                        written = OutputName(target, file, fromJson, usedNames);
                        await File.WriteAllTextAsync(written, ReportJson.Write(envelope) + "\n", ct);
                    }

                    rows.Add(new CheckRow(file.Name, envelope, null, written));
                }
                catch (CliInputException e)
                {
                    // The row names the file already.
                    var message = e.Message.StartsWith(file.Name + "：", StringComparison.Ordinal) ? e.Message[(file.Name.Length + 1)..] : e.Message;
                    rows.Add(new CheckRow(file.Name, null, message, null));
                }
            }

            var stderrTerminal = ReportOutput.IsTerminal(c.Err);
            if (stderrTerminal && inputs.Count > 1)
            {
                await ReportOutput.ConsoleFor(c.Err, terminal: true).Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Markup.Escape(t["检查报告", "Checking reports"]), maxValue: inputs.Count);
                        foreach (var file in inputs)
                        {
                            task.Description = Markup.Escape(ReportOutput.Clean(file.Name, 40));
                            await CheckOne(file);
                            task.Increment(1);
                        }
                    });
            }
            else
            {
                foreach (var file in inputs)
                {
                    await CheckOne(file);
                }
            }

            Summary(c, rows, target);
            var worst = rows.Any(r => r.Envelope is null) ? ExitCodes.BadInput
                : rows.Any(r => r.Envelope!.HasErrors) ? ExitCodes.RuleFailed
                : ExitCodes.Ok;
            return worst;
        });
        return command;
    }

    private static List<FileInfo> Expand(FileInfo[] given, Text t)
    {
        var result = new List<FileInfo>();
        foreach (var f in given)
        {
            if (Directory.Exists(f.FullName))
            {
                var inside = Directory.EnumerateFiles(f.FullName).Order(StringComparer.Ordinal).Select(p => new FileInfo(p)).Where(x => !x.Name.StartsWith('.')).ToList();
                if (inside.Count == 0)
                {
                    throw new CliInputException(t[$"文件夹里没有文件：{f.FullName}", $"No files in the folder: {f.FullName}"]);
                }

                result.AddRange(inside);
            }
            else
            {
                result.Add(f);
            }
        }

        return result;
    }

    /// <summary>report.pdf → DIR/report.json; a second report.* (or a JSON input) gets a suffix instead of overwriting.</summary>
    private static string OutputName(DirectoryInfo target, FileInfo file, bool fromJson, HashSet<string> used)
    {
        var stem = Path.GetFileNameWithoutExtension(file.Name);
        if (fromJson)
        {
            stem += ".checked";
        }

        var name = stem + ".json";
        for (var n = 2; !used.Add(name); n++)
        {
            name = $"{stem}-{n}.json";
        }

        return Path.Combine(target.FullName, name);
    }

    private static void Summary(CliContext c, List<CheckRow> rows, DirectoryInfo? target)
    {
        var t = c.T;
        var output = new ReportOutput(t, ReportOutput.ConsoleFor(c.Out, ReportOutput.IsTerminal(c.Out)));
        var table = new Table()
            .AddColumn(t["文件", "file"])
            .AddColumn(t["机构", "agency"])
            .AddColumn(new TableColumn(t["年度", "year"]).RightAligned())
            .AddColumn(t["格式", "format"])
            .AddColumn(new TableColumn(t["硬性错误", "hard-rule failures"]).RightAligned())
            .AddColumn(new TableColumn(t["提示", "warnings"]).RightAligned())
            .AddColumn(new TableColumn(t["空白或无法识别的单元格", "blank or unreadable cells"]).RightAligned())
            .AddColumn(t["说明", "remarks"]);
        static Spectre.Console.Text P(string? s) => new(ReportOutput.Clean(s));
        foreach (var row in rows)
        {
            if (row.Envelope is not { } e)
            {
                table.AddRow(P(row.File), P(string.Empty), P(string.Empty), P(string.Empty), P(string.Empty), P(string.Empty), P(string.Empty), P(row.Error));
                continue;
            }

            var r = e.Report;
            var errors = e.Findings.Where(f => f.IsError).ToList();
            var remarks = string.Join(t["；", "; "], errors.Select(f => f.Rule).Distinct().Order(StringComparer.Ordinal).Select(rule => t[$"{rule} 不通过", $"{rule} fails"]));
            table.AddRow(
                P(row.File),
                P(r.Agency ?? t["（未识别）", "(not found)"]),
                P(r.Year.ToString(CultureInfo.InvariantCulture)),
                P(r.Format.ToJson()),
                P(errors.Count.ToString(CultureInfo.InvariantCulture)),
                P(e.Findings.Count(f => f.Severity == FindingSeverity.Warning).ToString(CultureInfo.InvariantCulture)),
                P(BlankCells(r).ToString(CultureInfo.InvariantCulture)),
                P(remarks));
        }

        output.Console.Write(table);
        var unreadable = rows.Count(r => r.Envelope is null);
        var failing = rows.Count(r => r.Envelope is { HasErrors: true });
        output.Console.Write(new Spectre.Console.Text(t[
            $"共 {rows.Count} 个文件：{rows.Count - unreadable} 份已读取，其中 {failing} 份有硬性规则不通过；{unreadable} 个无法读取。",
            $"{rows.Count} file(s): {rows.Count - unreadable} read, {failing} of them failing a hard rule; {unreadable} unreadable."]));
        output.Console.WriteLine();
        if (target is not null)
        {
            output.Console.Write(new Spectre.Console.Text(ReportOutput.Clean(t[$"结果 JSON 已写入 {target.FullName}", $"Result JSON written to {target.FullName}"])));
            output.Console.WriteLine();
        }
    }

    /// <summary>Cells of tables 二, 三 and 四 that are blank or could not be read.</summary>
    public static int BlankCells(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var count = report.Table3.Rows.Sum(r => report.Table3[r.Key].Count(v => v is null)) + report.Table4.Cells.Count(v => v is null);
        if (report.Table2Of2021 is { } t)
        {
            count += new[] { t.Regulations.Issued, t.Regulations.Repealed, t.Regulations.InForce, t.NormativeDocuments.Issued, t.NormativeDocuments.Repealed, t.NormativeDocuments.InForce, t.AdministrativeLicensing, t.AdministrativePenalty, t.AdministrativeCoercion }.Count(v => v is null)
                + (t.AdministrativeFees.Value is null ? 1 : 0);
        }

        if (report.Table2Of2019 is { } o)
        {
            count += new[] { o.Regulations.NewlyMade, o.Regulations.NewlyPublished, o.Regulations.TotalPublished, o.NormativeDocuments.NewlyMade, o.NormativeDocuments.NewlyPublished, o.NormativeDocuments.TotalPublished }.Count(v => v is null);
            foreach (var items in new[] { o.AdministrativeLicensing, o.OtherExternalManagementServices, o.AdministrativePenalty, o.AdministrativeCoercion })
            {
                count += new[] { items.PreviousYearItems, items.Change, items.Decisions }.Count(v => v is null);
            }

            count += new[] { o.AdministrativeFees.PreviousYearItems, o.AdministrativeFees.Change, o.CentralizedProcurement.Projects }.Count(v => v is null)
                + (o.CentralizedProcurement.TotalAmount.Value is null ? 1 : 0);
        }

        return count;
    }
}
