using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Decisions;

/// <summary>答复类型: every decision type with its legal basis and the table 三 row of the annual report it is counted in.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class IndexModel : PageModel
{
    public IReadOnlyList<DecisionInfo> Decisions => DecisionCatalog.All;

    /// <summary>The printed label of a table 三 row (2021 format), when the layout has the key.</summary>
    public static string? RowLabel(string? key) =>
        key is not null && Table3Layout.Rows2021.Any(r => r.Key == key) ? Table3Layout.Row(key).FullLabel : null;

    public void OnGet()
    {
    }
}
