using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Gonggao;

/// <summary>One 网站公告 (/Gonggao/{id}); its plain-text body line by line. A scheduled, expired or withdrawn notice is 404.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class NoticeModel(GetPublicNotice get) : PageModel
{
    public PublicNotice Notice { get; private set; } = null!;

    /// <summary>The body's lines (encoded when rendered, joined by line breaks).</summary>
    public IReadOnlyList<string> Lines => Notice.Body.Split('\n');

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Notice = await get.ExecuteAsync(id, ct);
        return Page();
    }
}
