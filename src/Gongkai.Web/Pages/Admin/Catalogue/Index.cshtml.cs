using System.Globalization;
using Gongkai.Core.Publishing;
using Gongkai.UseCases;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 公开信息: the catalogue items of the units this user may see, filtered by unit, stage, deadline state (已超期,
/// 即将到期, 超期公开), year of first publication, words of the title, 索引号 or 文号, and "待我处理".
/// </summary>
[Authorize(Policy = Policies.CatalogueUser)]
public sealed class IndexModel(ListCatalogueItems list, ListAgencies agencies) : PageModel
{
    public static IReadOnlyList<(string Value, string Name)> States { get; } = [("overdue", "已超期未发布"), ("duesoon", "即将到期（5 个工作日内）"), ("late", "曾超期发布")];

    public Page<CatalogueItemRow> Items { get; private set; } = new([], 1, 50, 0);

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public CatalogueQuery Query { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public bool IsFiltered => Query.AgencyId is not null || Query.Stage is not null || Query.State is not null || Query.Year is not null || !string.IsNullOrWhiteSpace(Query.Text) || Query.MineToDo;

    public string Link(int page) => "/Admin/Catalogue" + QueryString.Create(new Dictionary<string, string?>
    {
        ["agency"] = Query.AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["stage"] = Query.Stage?.ToString(),
        ["state"] = Query.State,
        ["year"] = Query.Year?.ToString(CultureInfo.InvariantCulture),
        ["q"] = Query.Text,
        ["todo"] = Query.MineToDo ? "true" : null,
        ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public async Task OnGetAsync(int? agency, string? stage, string? state, int? year, string? q, bool todo = false, int page = 1, CancellationToken ct = default)
    {
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Query = new CatalogueQuery
        {
            AgencyId = agency,
            Stage = Enum.TryParse<ItemStage>(stage, out var s) && Enum.IsDefined(s) && !int.TryParse(stage, out _) ? s : null,
            State = States.Any(x => x.Value == state) ? state : null,
            Year = year is >= 2000 and <= 9999 ? year : null,
            Text = text is null ? null : text[..Math.Min(50, text.Length)],
            MineToDo = todo,
            Page = page,
        };
        Agencies = await agencies.ExecuteAsync(ct);
        Items = await list.ExecuteAsync(Query, ct);
    }
}
