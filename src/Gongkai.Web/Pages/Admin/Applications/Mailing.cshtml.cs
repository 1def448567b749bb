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
[Authorize(Policy = Policies.CaseWorker)]
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
        var errors = new Dictionary<string, string>();
        if (FormDates.Parse(Date, "date", "交邮日期", errors, required: true) is not { } day)
        {
            Error = errors["date"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        try
        {
            List = await mailing.ExecuteAsync(AgencyId, day, ct);
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
