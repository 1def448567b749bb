using Gongkai.Core.Publishing;
using Gongkai.Data.Publishing;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Catalogue;

/// <summary>
/// 打印审核单: a printable page of an item with who did 初审, 复审, 终审 and each 校对 round, when, and with what
/// comment — for the submission under way, or else for the latest published version.
/// </summary>
[Authorize(Policy = Policies.CatalogueUser)]
public sealed class PrintModel(GetCatalogueItem get, AgencyClock clock) : PageModel
{
    public CatalogueItemDetail Detail { get; private set; } = null!;

    /// <summary>The revision the sheet is for.</summary>
    public int Revision { get; private set; }

    /// <summary>The submission, the review and proofreading steps, and the publication of that revision's last cycle.</summary>
    public IReadOnlyList<CatalogueItemEventRecord> Steps { get; private set; } = [];

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Detail = await get.ExecuteAsync(id, ct);

        var item = Detail.Item;
        var underWay = item.Stage is ItemStage.FirstReview or ItemStage.SecondReview or ItemStage.FinalReview or ItemStage.Proofreading or ItemStage.ReadyToPublish;
        Revision = underWay || item.PublishedRevision == 0 ? item.Revision : item.PublishedRevision;
        Steps = [.. CatalogueRules.LastCycle(Detail.History, Revision).Where(e => e.Kind is "submitted" or "approved" or "returned" or "published" or "scheduled")];
        return Page();
    }
}
