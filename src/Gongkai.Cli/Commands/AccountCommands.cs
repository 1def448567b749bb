using System.CommandLine;
using Gongkai.Data;
using Gongkai.Data.Accounts;
using Gongkai.UseCases.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli.Commands;

internal static class AccountCommands
{
    public static Command Build(CliContext c, Option<string?> config)
    {
        var t = c.T;
        var accounts = new Command("accounts", t["工作人员账号", "Staff accounts"]);
        var userName = new Argument<string>("USERNAME") { Description = t["登录名（字母、数字和 - . _ @）", "Sign-in name (letters, digits and - . _ @)"] };
        var displayName = new Option<string?>("--name") { Description = t["姓名，用于历史记录和文书", "The person's name, shown in history and documents"] };
        var agency = new Option<string?>("--agency") { Description = t["所属机构名称（默认：最上级的人民政府）", "The agency the account acts for (default: the top government)"] };
        var create = new Command("create-admin", t["创建系统管理员账号；随机生成的初始密码只显示这一次", "Create a system administrator; the generated initial password is shown only this once"]) { userName, displayName, agency };
        create.SetAction(async (parse, ct) =>
        {
            await using var scope = await c.OpenAsync(parse.GetValue(config), ct);
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var agencyName = parse.GetValue(agency);
            var agencyId = agencyName is null
                ? await db.Agencies.Where(a => a.ParentId == null).OrderBy(a => a.SortOrder).ThenBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct)
                : await db.Agencies.Where(a => a.Name == agencyName).Select(a => (int?)a.Id).SingleOrDefaultAsync(ct);
            if (agencyId is null)
            {
                throw new CliInputException(agencyName is null
                    ? t["数据库中还没有机构。请先用 gongkai agencies import FILE.xlsx 导入机构。", "There is no agency yet. Import them first: gongkai agencies import FILE.xlsx"]
                    : t[$"找不到机构“{agencyName}”。", $"No agency named '{agencyName}'."]);
            }

            var name = parse.GetValue(userName)!;
            var created = await scope.ServiceProvider.GetRequiredService<CreateAccount>()
                .ExecuteAsync(new AccountInput(name, parse.GetValue(displayName) ?? name, [Roles.SystemAdministrator], [agencyId.Value]), null, ct);
            await c.Out.WriteLineAsync(t[$"已创建系统管理员 {created.UserName}，初始密码：{created.Password}", $"Created system administrator {created.UserName}; initial password: {created.Password}"]);
            await c.Out.WriteLineAsync(t["请登录后立即修改密码。", "Change it after the first sign-in."]);
            return ExitCodes.Ok;
        });
        accounts.Subcommands.Add(create);
        return accounts;
    }
}
