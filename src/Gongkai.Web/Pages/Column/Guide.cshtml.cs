using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Gongkai.UseCases.Portal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Column;

/// <summary>
/// 政府信息公开指南 (/Gongkai/{agencyId}/Zhinan, 条例第十二条), generated from the agency's records: what it has not
/// filled in reads 未填写, so the public sees exactly what is on record.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PortalCache.Policy)]
public sealed class GuideModel(GetAgencyGuide get) : PageModel
{
    public const string NotFilled = "未填写";

    public AgencyGuide Guide { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int agencyId, CancellationToken ct)
    {
        Guide = await get.ExecuteAsync(agencyId, ct);
        return Page();
    }

    /// <summary>“（二）至（十）每页 10 元” style text of the page bands of 按量计收.</summary>
    public string PageBands()
    {
        var parts = new List<string>();
        var below = 0;
        foreach (var (upTo, rate) in Guide.Fees.PageBands)
        {
            parts.Add(rate == 0 ? $"{upTo} 页以内（含）的不收费" : $"{below + 1}—{upTo} 页的部分每页 {rate} 元");
            below = upTo;
        }

        parts.Add($"{below} 页以上的部分每页 {Guide.Fees.TopPageRateYuan} 元");
        return string.Join("；", parts);
    }
}
