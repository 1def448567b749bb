using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Letters;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>文书模板编辑: an agency's wording of one kind, with its placeholders listed; save (checked) or reset to the inherited one.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class TemplateModel(GetLetterTemplate get, SaveLetterTemplate save, ResetLetterTemplate reset, StaffContext staff) : PageModel
{
    public LetterTemplateItem Item { get; private set; } = null!;

    public int AgencyId { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    /// <summary>Opens a kind's template; without an agency, the acting one's; without a kind, the 受理回执.</summary>
    public async Task<IActionResult> OnGetAsync(int? agency, string? kind, CancellationToken ct) =>
        await LoadAsync(agency ?? staff.ActingAgencyId ?? 0, string.IsNullOrEmpty(kind) ? "Receipt" : kind, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int agency, string? kind, string? title, string? body, int? expectedVersion, CancellationToken ct)
    {
        try
        {
            await save.ExecuteAsync(agency, kind ?? string.Empty, title, body, expectedVersion, ct);
            TempData["Message"] = "模板已保存。";
            return Redirect($"/Admin/Letters?agency={agency}");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            FormError = ex.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        var loaded = await LoadAsync(agency, kind, ct);
        if (loaded is not null)
        {
            return loaded;
        }

        Title = title ?? string.Empty;
        Body = body ?? string.Empty;
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(int agency, string? kind, CancellationToken ct)
    {
        try
        {
            await reset.ExecuteAsync(agency, kind ?? string.Empty, ct);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }

        TempData["Message"] = "已恢复为沿用的模板。";
        return Redirect($"/Admin/Letters?agency={agency}");
    }

    private async Task<IActionResult?> LoadAsync(int agency, string? kind, CancellationToken ct)
    {
        AgencyId = agency;
        try
        {
            Item = await get.ExecuteAsync(agency, kind ?? string.Empty, ct);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (ValidationFailedException)
        {
            return NotFound();
        }

        Title = Item.Title;
        Body = Item.Body;
        return null;
    }
}
