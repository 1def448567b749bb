using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using System.Globalization;
using Gongkai.UseCases;
using Gongkai.UseCases.Reports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Baogao;

/// <summary>
/// 政府信息公开工作年度报告: every published report (the current edition of each), newest year first, filtered by year
/// and by agency with a plain GET form, 50 to a page.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class IndexModel(ListPublishedReports list) : PageModel
{
    public const int PageSize = 50;

    public int? Year { get; private set; }

    public int? AgencyId { get; private set; }

    /// <summary>The years that have a published report, newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The agencies that have a published report, in the agency tree's order.</summary>
    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public Page<PublicReportEntry> Reports { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>Whether anything at all is published (else the page says so instead of offering filters).</summary>
    public bool AnyPublished => Years.Count > 0;

    public bool IsFiltered => Year is not null || AgencyId is not null;

    public string Link(int page) => "/Baogao" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["agency"] = AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));

    public async Task OnGetAsync(int? year, int? agency, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        // The filters offer what is published, so the whole list is read once and filtered here.
        var all = await list.ExecuteAsync(null, null, ct);
        Years = [.. all.Select(r => r.Year).Distinct().OrderDescending()];
        Agencies = [.. all.DistinctBy(r => r.AgencyId).Select(r => (r.AgencyId, r.AgencyName))];
        Year = ModelState.IsValid ? year : null;
        AgencyId = ModelState.IsValid ? agency : null;
        var matching = all.Where(r => (Year is null || r.Year == Year) && (AgencyId is null || r.AgencyId == AgencyId)).ToList();
        var request = PageRequest.Normalise(page, PageSize, matching.Count);
        Reports = new Page<PublicReportEntry>([.. matching.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)], request.Page, request.PageSize, matching.Count);
    }
}
