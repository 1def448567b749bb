using Gongkai.Core.Common;
using Gongkai.Data;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Letters;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Letters;

/// <summary>
/// 文书模板和文书设置 of one agency: its 文号 pattern, the 复议机关 and court named in the remedies, its seal image, and
/// every letter kind's template with where it comes from. For 系统管理员 and 政务公开办.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
public sealed class IndexModel(GongkaiDbContext db, StaffContext staff, ListLetterTemplates list, GetLetterSettings getSettings, SaveLetterSettings saveSettings) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public int AgencyId { get; private set; }

    public LetterSettings Settings { get; private set; } = null!;

    public IReadOnlyList<LetterTemplateItem> Templates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? agency, CancellationToken ct) => await LoadAsync(agency, ct) ?? Page();

    public async Task<IActionResult> OnPostSettingsAsync(int agency, string? documentNumberPattern, string? reviewBody, string? court, int expectedVersion, IFormFile? seal, bool removeSeal, CancellationToken ct)
    {
        byte[]? bytes = null;
        if (seal is { Length: > 0 })
        {
            if (seal.Length > SaveLetterSettings.MaxSealBytes)
            {
                Errors = new Dictionary<string, string> { ["Seal"] = "印章图片不能超过 1 MB。" };
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return await LoadAsync(agency, ct) ?? Page();
            }

            using var copy = new MemoryStream();
            await seal.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }

        try
        {
            await saveSettings.ExecuteAsync(agency, documentNumberPattern, reviewBody, court, expectedVersion, bytes, removeSeal, ct);
            Message = "文书设置已保存。";
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

        return await LoadAsync(agency, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int? agency, CancellationToken ct)
    {
        var tree = await AgencyTree.LoadAsync(db, ct);
        Agencies = [.. tree.Ordered.Where(n => staff.CanSee(n.Id))];
        if (Agencies.Count == 0)
        {
            return Forbid();
        }

        AgencyId = agency ?? (staff.ActingAgencyId is { } acting && staff.CanSee(acting) ? acting : Agencies[0].Id);
        Settings = await getSettings.ExecuteAsync(AgencyId, ct);
        Templates = await list.ExecuteAsync(AgencyId, ct);

        return null;
    }
}
