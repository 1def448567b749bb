using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xinxi;

/// <summary>
/// A published item (also an earlier version at /Xinxi/{id}/v/{revision}): its metadata table with the 索引号, the
/// text by paragraphs, attachments, linked documents and interpretations, the 修订记录, and the reviewers when the
/// agency prints them. A withdrawn item shows its title, 索引号 and the reason; an unpublished or not-yet-due one is 404.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class ItemModel(GetPublicCatalogueItem get, AgencyClock clock) : PageModel
{
    public PublicCatalogueItem Item { get; private set; } = null!;

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public string LocalDate(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id, int? revision, CancellationToken ct)
    {
        Item = await get.ExecuteAsync(id, revision, ct);
        return Page();
    }
}
