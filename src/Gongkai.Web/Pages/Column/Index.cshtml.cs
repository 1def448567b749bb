using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>政府信息公开 (/Gongkai): every agency has a column; governments first, each with the units below it.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(ListColumnAgencies list) : PageModel
{
    public IReadOnlyList<ColumnGovernment> Governments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Governments = await list.ExecuteAsync(ct);
}
