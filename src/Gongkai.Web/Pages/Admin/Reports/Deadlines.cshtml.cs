using Gongkai.Core.Common;
using Gongkai.Data.Agencies;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>报告期限: the publication deadlines by kind of unit, as data (the statutory defaults apply where none is set).</summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class DeadlinesModel(ListReportDeadlines list, SaveReportDeadline save, ListAgencies agencies, StaffContext staff) : PageModel
{
    public IReadOnlyList<ReportDeadlineRule> Rules { get; private set; } = [];

    /// <summary>The offices that may set rules for the units under them (the acting agency and those it supervises).</summary>
    public IReadOnlyList<AgencyNode> Offices { get; private set; } = [];

    public bool MaySetEverywhere => staff.IsInRole(Data.Accounts.Roles.SystemAdministrator);

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string Value(string field, string fallback = "") => FormError is not null && Request.HasFormContentType ? Request.Form[field].ToString() : fallback;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? office, AgencyKind kind, int? month, int? day, bool shift, string? note, CancellationToken ct)
    {
        try
        {
            await save.ExecuteAsync(int.TryParse(office, out var o) ? o : null, kind, month, day, shift, note, ct: ct);
            Message = "报告期限已保存。已开始编制的报告保留编制时的期限。";
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            return await FailedAsync(ex, ct);
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? office, AgencyKind kind, CancellationToken ct)
    {
        try
        {
            await save.ExecuteAsync(int.TryParse(office, out var o) ? o : null, kind, null, null, false, null, remove: true, ct: ct);
            Message = "已删除这条设置，恢复按法定期限。";
            return RedirectToPage();
        }
        catch (DomainException ex)
        {
            return await FailedAsync(ex, ct);
        }
    }

    private async Task<IActionResult> FailedAsync(DomainException ex, CancellationToken ct)
    {
        Errors = ex is ValidationFailedException v ? v.Errors : new Dictionary<string, string>();
        FormError = ex is ValidationFailedException ? "未能保存：请修改标出的内容。" : "未能保存：" + ex.Message;
        Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : ex.Code == StaffContext.NotFoundCode ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await list.ExecuteAsync(ct);
        Offices = (await agencies.ExecuteAsync(ct)).Where(a => a.Kind == AgencyKind.Government || a.Id == staff.ActingAgencyId).ToList();
    }
}
