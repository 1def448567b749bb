using System.Globalization;
using Gongkai.UseCases;
using Gongkai.UseCases.Audit;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Audit;

[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel(SearchAudit search, AgencyClock clock) : PageModel
{
    public static readonly string[] EntityTypes = ["机构", "账号", "账号角色", "账号所属机构", "工作日历年份", "工作日历日期", "系统设置"];

    public AuditFilter Filter { get; private set; } = new();

    public Page<AuditRow> Entries { get; private set; } = new([], 1, 50, 0);

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Filter.Text,
        ["actor"] = Filter.Actor,
        ["type"] = Filter.EntityType,
        ["from"] = Filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = Filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page.ToString(CultureInfo.InvariantCulture),
    }).ToString();

    public async Task OnGetAsync(string? q, string? actor, string? type, string? from, string? to, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Filter = Read(q, actor, type, from, to);
        Entries = await search.ExecuteAsync(Filter, page, 50, ct);
    }

    public async Task<FileResult> OnGetExportAsync(string? q, string? actor, string? type, string? from, string? to, CancellationToken ct)
    {
        var bytes = await search.ExportAsync(Read(q, actor, type, from, to), Local, ct);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"操作记录-{clock.Today():yyyyMMdd}.xlsx");
    }

    private static AuditFilter Read(string? q, string? actor, string? type, string? from, string? to) => new(
        q,
        actor,
        EntityTypes.Contains(type) ? type : null,
        DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : null,
        DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null);
}
