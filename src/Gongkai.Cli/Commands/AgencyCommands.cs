using System.CommandLine;
using Gongkai.UseCases.Agencies;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class AgencyCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var agencies = new Command("agencies", t["机构：导入、列表", "Agencies: import, list"]);

        var file = new Argument<FileInfo>("FILE") { Description = t["机构导入模板格式的 Excel 工作簿（.xlsx）", "An Excel workbook (.xlsx) in the agency import template's layout"] };
        var import = new Command("import", t["从 Excel 导入机构；有任何一行错误则全部不导入", "Import agencies from Excel; any broken row means nothing is imported"]) { file };
        import.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            c.EnsureFileExists(path);

            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            await using var stream = path.OpenRead();
            try
            {
                var count = await scope.ServiceProvider.GetRequiredService<ImportAgencies>().ExecuteAsync(stream, ct);
                await c.Out.WriteLineAsync(t[$"已导入 {count} 个机构。", $"Imported {count} agencies."]);
                return ExitCodes.Ok;
            }
            catch (ImportRejectedException ex)
            {
                foreach (var e in ex.Errors)
                {
                    await c.Err.WriteLineAsync(t[$"第 {e.Row} 行：{e.Message}", $"Row {e.Row}: {e.Message}"]);
                }

                await c.Err.WriteLineAsync(t["有错误，未导入任何机构。", "Nothing was imported."]);
                return ExitCodes.BadInput;
            }
        });
        agencies.Subcommands.Add(import);

        var template = new Command("template", t["把机构导入模板写到文件", "Write the agency import template to a file"]) { new Argument<FileInfo>("FILE") };
        template.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue<FileInfo>("FILE")!;
            await File.WriteAllBytesAsync(target.FullName, ImportAgencies.Template(), ct);
            await c.Out.WriteLineAsync(target.FullName);
            return ExitCodes.Ok;
        });
        agencies.Subcommands.Add(template);

        var list = new Command("list", t["按层级列出机构", "List the agencies as a tree"]);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            foreach (var n in await scope.ServiceProvider.GetRequiredService<ListAgencies>().ExecuteAsync(ct))
            {
                await c.Out.WriteLineAsync($"{new string(' ', n.Depth * 2)}{n.Name}（{n.ShortName}）");
            }

            return ExitCodes.Ok;
        });
        agencies.Subcommands.Add(list);
        return agencies;
    }
}
