using Gongkai.UseCases.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>受理回执: a printable receipt with the case number, dates and the applicant's 查询码.</summary>
[Authorize(Policy = Policies.CaseHandler)]
public sealed class ReceiptModel(GetReceipt receipt) : PageModel
{
    public long Id { get; private set; }

    public ApplicationReceipt Receipt { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Id = id;
        Receipt = await receipt.ExecuteAsync(id, ct);

        // The query code opens the case on the public tracking page: keep the page out of shared caches.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
