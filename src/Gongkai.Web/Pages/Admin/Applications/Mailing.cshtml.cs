using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>交寄清单: the replies handed to China Post by an agency on a day, printable for the post office counter.</summary>
[Authorize(Policy = Policies.CaseHandler)]
public sealed class MailingModel(GetMailingList mailing, StaffContext staff, AgencyClock clock) : PageModel
{
    public MailingList? List { get; private set; }

    public string Date { get; private set; } = string.Empty;

    public int AgencyId { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? agency, string? date, CancellationToken ct)
    {
        AgencyId = agency ?? staff.ActingAgencyId ?? 0;
        Date = string.IsNullOrWhiteSpace(date) ? clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.Trim();
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Error = "交邮日期格式不正确，请按 年-月-日 填写，如 2026-11-27。";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            List = await mailing.ExecuteAsync(AgencyId, day, ct);
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }
        catch (DomainException ex) when (ex.Code == StaffContext.ForbiddenCode)
        {
            return Forbid();
        }

        // Applicants' telephone numbers: keep the page out of caches.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
