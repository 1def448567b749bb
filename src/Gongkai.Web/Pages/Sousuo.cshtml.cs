using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Pages.Xinxi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>站内搜索: Chinese full-text search of the published items (ADR 0014), with the catalogue's filters.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class SousuoModel(SearchCatalogue search, GetCatalogueFilterOptions options) : PageModel
{
    public const string Path = "/Sousuo";

    public CatalogueFilterForm Form { get; private set; } = null!;

    public CatalogueFilterOptions Options { get; private set; } = null!;

    /// <summary>Null until words are given.</summary>
    public CatalogueSearchResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = CatalogueFilterForm.Read(Request.Query, search: true);
        Options = await options.ExecuteAsync(ct);
        if (Form.Q is not null)
        {
            Result = await search.ExecuteAsync(Form.ToRequest(), ct);
        }
    }
}
