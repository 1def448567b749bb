using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xinxi;

/// <summary>An attachment of a published version visible now (附件), always as a download under its cleaned name.</summary>
[AllowAnonymous]
public sealed class FileModel(OpenPublicCatalogueAttachment open) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, int attachmentId, CancellationToken ct)
    {
        var file = await open.ExecuteAsync(id, attachmentId, ct);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, AttachmentRules.CleanName(file.FileName));
    }
}
