using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Checks;

/// <summary>
/// 发布前自动检查: an agency's lists of 不规范表述 and sensitive words (download, upload, back to the starter list),
/// whether each kind of finding blocks review or warns, and a box to try the checks on a text with one-click fixes.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
[RequestSizeLimit(4 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * 1024 * 1024)]
public sealed class IndexModel(GetPublishingCheckSettings get, SavePublishingCheckSettings save, CheckContent check, ListAgencies agencies, StaffContext staff) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public PublishingCheckSettingsView View { get; private set; } = null!;

    public ContentCheckResult? Result { get; private set; }

    public string CheckedText { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? agency, CancellationToken ct) => await LoadAsync(agency, ct) ? Page() : NotFound();

    /// <summary>Downloads a list: expressions (CSV) or sensitive words (one per line).</summary>
    public async Task<IActionResult> OnGetListAsync(int agency, string list, CancellationToken ct)
    {
        if (!await LoadAsync(agency, ct))
        {
            return NotFound();
        }

        return list == "expressions"
            ? File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(View.Settings.Expressions.Export())).ToArray(), "text/csv; charset=utf-8", $"不规范表述清单-{View.AgencyName}.csv")
            : File(System.Text.Encoding.UTF8.GetBytes(View.Settings.SensitiveWords.Export()), "text/plain; charset=utf-8", $"敏感词清单-{View.AgencyName}.txt");
    }

    public async Task<IActionResult> OnPostAsync(int agency, int expectedVersion, IFormFile? expressions, IFormFile? sensitiveWords, bool useStarter, bool expressionsBlock, bool sensitiveWordsBlock, bool personalDataBlocks, bool brokenLinksBlock, int? proofreadingRounds, bool printReviewerNames, CancellationToken ct)
    {
        try
        {
            await save.ExecuteAsync(agency, new PublishingCheckSettingsInput
            {
                ExpressionsCsv = expressions is { Length: > 0 } e ? await ReadAsync(e, ct) : null,
                UseStarterList = useStarter,
                SensitiveWords = sensitiveWords is { Length: > 0 } w ? await ReadAsync(w, ct) : null,
                ExpressionsBlock = expressionsBlock,
                SensitiveWordsBlock = sensitiveWordsBlock,
                PersonalDataBlocks = personalDataBlocks,
                BrokenLinksBlock = brokenLinksBlock,
                ProofreadingRounds = proofreadingRounds ?? (await get.ExecuteAsync(agency, ct)).ProofreadingRounds,
                PrintReviewerNames = printReviewerNames,
            }, expectedVersion, ct);
            Message = "检查设置已保存。";
            return Redirect($"/Admin/Checks?agency={agency}");
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Errors = ex is ValidationFailedException v ? v.Errors : new Dictionary<string, string>();
            FormError = ex is ValidationFailedException ? "未保存：请修改标出的内容。" : ex.Message;
            Response.StatusCode = ex.Code == CaseHistory.ConcurrentChangeCode ? StatusCodes.Status409Conflict : ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return await LoadAsync(agency, ct) ? Page() : NotFound();
        }
    }

    /// <summary>Checks the typed text; "fix" (a finding's position) applies that 不规范表述's suggestion, "fixAll" all of them, and checks again.</summary>
    public async Task<IActionResult> OnPostCheckAsync(int agency, string? text, bool links, int? fix, bool fixAll, CancellationToken ct)
    {
        if (!await LoadAsync(agency, ct))
        {
            return NotFound();
        }

        CheckedText = text ?? string.Empty;
        try
        {
            if (fix is not null || fixAll)
            {
                var before = await check.ExecuteAsync(agency, CheckedText, checkLinks: false, ct);
                CheckedText = fixAll
                    ? ContentFindingText.ApplyAll(CheckedText, before.Findings.Where(f => f.Suggestion is not null && f.Kind == CheckKind.NonStandardExpression))
                    : before.Findings.FirstOrDefault(f => f.Start == fix && f.Kind == CheckKind.NonStandardExpression && f.Suggestion is not null) is { } one ? ContentFindingText.Apply(CheckedText, one) : CheckedText;
            }

            Result = await check.ExecuteAsync(agency, CheckedText, links, ct);
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = string.Join("；", ex.Errors.Values);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private static async Task<string> ReadAsync(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory, ct);
        var bytes = memory.ToArray();
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new ValidationFailedException(new Dictionary<string, string> { ["File"] = $"“{Path.GetFileName(file.FileName)}”不是 UTF-8 编码的文本。请在 Excel 中另存为“CSV UTF-8”，或用记事本另存为 UTF-8。" });
        }
    }

    private async Task<bool> LoadAsync(int? agency, CancellationToken ct)
    {
        Agencies = await agencies.ExecuteAsync(ct);
        var id = agency ?? staff.ActingAgencyId ?? Agencies.FirstOrDefault()?.Id;
        if (id is not { } chosen)
        {
            return false;
        }

        try
        {
            View = await get.ExecuteAsync(chosen, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
