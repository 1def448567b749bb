using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gongkai.Core.Reports;
using Gongkai.UseCases.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

/// <summary>
/// `gongkai report generate --agency NAME --year Y [--format text|json]`: the agency's report on a year computed from
/// the database's records (tables over its report scope, the narrative drafted with the figures). Nothing is stored.
/// </summary>
internal static class ReportGenerateCommand
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var agency = new Option<string>("--agency") { Description = t["机构全称", "The agency's full name"], Required = true };
        var year = new Option<int>("--year") { Description = t["报告年度（2021 年起）", "The report year (2021 or later)"], Required = true };
        var format = new Option<string>("--format") { Description = t["输出：text（表格，默认）、json（年度报告 JSON，另含 figures 正文数据）、html、docx、pdf、xlsx（后三种须用 --output 指定文件）", "Output: text (tables, default), json (the report JSON with the narrative's figures), html, docx, pdf, xlsx (the last three need --output)"], DefaultValueFactory = _ => "text" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = t["写入的文件（默认标准输出）", "The file to write (default: standard output)"] };
        var command = new Command("generate", t[
            "从数据库中的记录生成某机构某年度的年度报告（表二、表三、表四和正文数据），不保存",
            "Generate an agency's annual report on a year from the database's records (tables and narrative figures); nothing is stored"]) { agency, year, format, output, config };
        command.SetAction(async (parse, ct) =>
        {
            var kind = parse.GetValue(format)?.Trim().ToLowerInvariant();
            var document = kind is "text" or "json" ? null : ReportDocuments.Parse(kind);
            if (kind is not ("text" or "json") && document is null or ReportFileFormat.Original)
            {
                throw new CliInputException(t[$"输出格式“{kind}”无效，应为 text、json、html、docx、pdf 或 xlsx。", $"Invalid output format '{kind}': expected text, json, html, docx, pdf or xlsx."]);
            }

            var file = parse.GetValue(output);
            if (document is ReportFileFormat.Docx or ReportFileFormat.Pdf or ReportFileFormat.Xlsx && file is null)
            {
                throw new CliInputException(t[$"{kind} 是二进制文件，请用 --output 指定要写入的文件。", $"{kind} is binary: name the file to write with --output."]);
            }

            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var generated = await scope.ServiceProvider.GetRequiredService<GenerateAnnualReport>().ExecuteAsync(parse.GetValue(agency) ?? string.Empty, parse.GetValue(year), ct);
            if (document is { } f0)
            {
                var built = await scope.ServiceProvider.GetRequiredService<ReportDocuments>().BuildAsync(generated.Report, generated.Introduction, generated.Computed.AgencyName, f0, ct);
                if (file is null)
                {
                    await c.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(built.Content));
                }
                else
                {
                    await File.WriteAllBytesAsync(file.FullName, built.Content, ct);
                    await c.Out.WriteLineAsync(t[$"已写入 {file.FullName}（{built.Content.Length} 字节）。", $"Wrote {file.FullName} ({built.Content.Length} bytes)."]);
                }

                return ExitCodes.Ok;
            }

            if (kind == "json")
            {
                var json = Json(generated);
                if (file is null)
                {
                    await c.Out.WriteLineAsync(json);
                }
                else
                {
                    await File.WriteAllTextAsync(file.FullName, json, ct);
                }

                return ExitCodes.Ok;
            }

            new ReportOutput(t, ReportOutput.ConsoleFor(c.Out, ReportOutput.IsTerminal(c.Out))).Tables(generated.Report);
            var f = generated.Computed.Figures;
            await c.Out.WriteLineAsync(t[
                $"统计范围：{(generated.Computed.Scope == Data.Agencies.ReportScope.Subtree ? "本机关及所属单位" : "本机关")}（{generated.Computed.AgencyIds.Count} 个机构）",
                $"Scope: {(generated.Computed.Scope == Data.Agencies.ReportScope.Subtree ? "the agency and its subtree" : "the agency's own records")} ({generated.Computed.AgencyIds.Count} agencies)"]);
            await c.Out.WriteLineAsync(t[
                $"正文数据：主动公开 {N(f.ItemsPublished)} 条，重点领域 {N(f.KeyAreaItems)} 条，政策解读 {N(f.PolicyInterpretations)} 篇，政务新媒体 {N(f.NewMediaAccounts)} 个，信息处理费 {f.FeesYuan} 元（{f.FeeApplications} 件）",
                $"Narrative figures: {N(f.ItemsPublished)} items published, {N(f.KeyAreaItems)} in key areas, {N(f.PolicyInterpretations)} interpretations, {N(f.NewMediaAccounts)} new-media accounts, fees {f.FeesYuan} yuan ({f.FeeApplications} applications)"]);
            if (f.FromCatalogue)
            {
                await c.Out.WriteLineAsync(t[
                    "主动公开、重点领域和政策解读数字来自信息公开目录：" + string.Join("，", NarrativeFigures.KeyAreaFigureCodes.Select(k => $"{k.Name} {N(f.KeyAreaFigure(k.Code))} 条")),
                    "Items, key-area items and interpretations are counted from the catalogue: " + string.Join(", ", NarrativeFigures.KeyAreaFigureCodes.Select(k => $"{k.Code} {N(f.KeyAreaFigure(k.Code))}"))]);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The report JSON (report-json) with a "figures" member holding the narrative's figures and the scope.</summary>
    public static string Json(GeneratedReport generated)
    {
        var node = JsonNode.Parse(ReportJson.Write(generated.Report))!.AsObject();
        var f = generated.Computed.Figures;
        node["introduction"] = generated.Introduction;
        node["figures"] = new JsonObject
        {
            ["scope"] = generated.Computed.Scope == Data.Agencies.ReportScope.Subtree ? "subtree" : "own",
            ["agencies"] = generated.Computed.AgencyIds.Count,
            ["items_published"] = f.ItemsPublished,
            ["key_area_items"] = f.KeyAreaItems,
            ["policy_interpretations"] = f.PolicyInterpretations,
            ["from_catalogue"] = f.FromCatalogue,
            ["policy_documents"] = f.PolicyDocuments,
            ["proposal_replies"] = f.ProposalReplies,
            ["compulsory_education"] = f.CompulsoryEducation,
            ["employment_stabilisation"] = f.EmploymentStabilisation,
            ["elderly_care"] = f.ElderlyCare,
            ["new_media_accounts"] = f.NewMediaAccounts,
            ["new_media_posts"] = f.NewMediaPosts,
            ["fee_applications"] = f.FeeApplications,
            ["fees_yuan"] = f.FeesYuan,
        };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string N(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "未填报";
}
