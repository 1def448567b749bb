using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Letters;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>
/// 拟制文书: the letter as the agency's template renders it for this case, in a text box the person may adjust, then
/// 出具 (numbered, kept as DOCX and printable HTML, recorded in the case history). The form carries the case version
/// and a request key, like the step forms.
/// </summary>
[Authorize(Policy = Policies.CaseHandler)]
public sealed class LetterModel(DraftLetter draft, IssueLetter issue) : PageModel
{
    public LetterDraft? Draft { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public string RequestKey { get; private set; } = NewModel.NewRequestKey();

    public string? Error { get; private set; }

    public bool Conflict { get; private set; }

    public long Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? kind, int? pause, CancellationToken ct)
    {
        Id = id;
        return await LoadAsync(id, kind, pause, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? kind, int? pause, int expectedVersion, string? body, string? requestKey, CancellationToken ct)
    {
        Id = id;
        try
        {
            var letter = await issue.ExecuteAsync(id, expectedVersion, kind ?? string.Empty, pause, body, requestKey, ct);
            TempData["Message"] = $"已出具{letter.Title}{(letter.DocumentNumber is null ? string.Empty : "（" + letter.DocumentNumber + "）")}。";
            return Redirect($"/Admin/Applications/{id}#letters-heading");
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (DomainException ex)
        {
            Conflict = ex.Code == CaseHistory.ConcurrentChangeCode;
            Error = ex is ValidationFailedException v && v.Errors.TryGetValue("Body", out var m) ? m : ex.Message;
            Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            var reload = await LoadAsync(id, kind, pause, ct);
            if (reload is not null)
            {
                return reload;
            }

            if (!Conflict)
            {
                Body = body ?? Body;
                RequestKey = requestKey ?? RequestKey;
            }

            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(long id, string? kind, int? pause, CancellationToken ct)
    {
        try
        {
            Draft = await draft.ExecuteAsync(id, kind ?? string.Empty, pause, ct);
            Body = Draft.Body;
            return null;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (DomainException ex)
        {
            Error ??= ex.Message;
            if (Response.StatusCode == StatusCodes.Status200OK)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }

            return null;
        }
    }
}
