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
public sealed class LetterModel(DraftLetter draft, IssueLetter issue, UseCases.Platform.AgencyClock clock, ListApplicationLetters letters, StaffContext staff) : PageModel
{
    /// <summary>Without a kind: the letters the case can have issued now, to choose from.</summary>
    public (IReadOnlyList<IssuedLetter> Issued, IReadOnlyList<AvailableLetter> Available)? Choices { get; private set; }

    public bool CanIssue => IssueLetter.Roles.Any(staff.IsInRole);

    public string IssuedOn { get; private set; } = string.Empty;

    public LetterDraft? Draft { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public string RequestKey { get; private set; } = NewModel.NewRequestKey();

    public string? Error { get; private set; }

    public bool Conflict { get; private set; }

    public long Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, string? kind, int? pause, CancellationToken ct)
    {
        Id = id;
        IssuedOn = clock.Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(kind))
        {
            Choices = await letters.ExecuteAsync(id, ct);

            return Page();
        }

        return await LoadAsync(id, kind, pause, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? kind, int? pause, int expectedVersion, string? body, string? requestKey, string? issuedOn, CancellationToken ct)
    {
        Id = id;
        IssuedOn = issuedOn?.Trim() ?? string.Empty;
        try
        {
            var dateErrors = new Dictionary<string, string>();
            var on = FormDates.Parse(IssuedOn, "IssuedOn", "出具日期", dateErrors, required: false);
            if (dateErrors.Count > 0)
            {
                throw new ValidationFailedException(dateErrors);
            }

            var letter = await issue.ExecuteAsync(id, expectedVersion, kind ?? string.Empty, pause, body, requestKey, ct, on);
            TempData["Message"] = $"已出具{letter.Title}{(letter.DocumentNumber is null ? string.Empty : "（" + letter.DocumentNumber + "）")}。";
            return Redirect($"/Admin/Applications/{id}#letters-heading");
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Conflict = ex.Code == CaseHistory.ConcurrentChangeCode;
            Error = ex is ValidationFailedException v ? string.Join(string.Empty, v.Errors.Values) : ex.Message;
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
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
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
