using Gongkai.Core.Common;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>目录词表: the catalogue's lists (主题分类, 有效性, 重点领域) kept as data — add a term, retire or restore one.</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class TermsModel(ListCatalogueTerms list, AddCatalogueTerm add, SetCatalogueTermActive setActive) : PageModel
{
    public IReadOnlyList<CatalogueTermRow> Terms { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public CatalogueTermKind? FailedKind { get; private set; }

    public string? FailedName { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Terms = await list.ExecuteAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CatalogueTermKind kind, string? name, string? figure, CancellationToken ct)
    {
        try
        {
            await add.ExecuteAsync(kind, name, figure, ct);
            Message = $"已在{CatalogueTermRules.KindName(kind)}中加入“{name?.Trim()}”。";
            return RedirectToPage();
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FailedKind = kind;
            FailedName = name;
            Terms = await list.ExecuteAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, CancellationToken ct)
    {
        try
        {
            await setActive.ExecuteAsync(id, active, ct);
            Message = active ? "词条已恢复使用。" : "词条已停用：不再供选择，已使用它的信息保持不变。";
        }
        catch (DomainException ex) when (ex.Code != Gongkai.UseCases.Accounts.StaffContext.ForbiddenCode)
        {
            Message = ex.Message;
        }

        return RedirectToPage();
    }
}
