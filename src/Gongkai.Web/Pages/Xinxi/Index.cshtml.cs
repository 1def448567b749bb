using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xinxi;

/// <summary>目录: the items published now, newest first, 20 to a page, with the catalogue's filters.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(SearchCatalogue search, GetCatalogueFilterOptions options) : PageModel
{
    public const string Path = "/Xinxi";

    public CatalogueFilterForm Form { get; private set; } = null!;

    public CatalogueFilterOptions Options { get; private set; } = null!;

    public CatalogueSearchResult Result { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = CatalogueFilterForm.Read(Request.Query, search: false);
        Options = await options.ExecuteAsync(ct);
        Result = await search.ExecuteAsync(Form.ToRequest(), ct);
    }
}
