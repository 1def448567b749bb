using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>
/// 导入已发布的报告: a supervisor uploads a unit's published report (网页、Word、PDF、文本) to check it beside those
/// written here; it is read by the importer, validated, and shown on the board as that unit's published report.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
[RequestSizeLimit(ImportPublishedReport.MaxBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = ImportPublishedReport.MaxBytes + (64 * 1024))]
public sealed class ImportModel(ImportPublishedReport import, ListAgencies agencies, AgencyClock clock) : PageModel
{
    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public string? FormError { get; private set; }

    public string RequestKey { get; private set; } = Gongkai.Web.Pages.Admin.Applications.NewModel.NewRequestKey();

    public int DefaultYear => clock.Today().Year - 1;

    public string Value(string field, string fallback = "") => FormError is not null && Request.HasFormContentType ? Request.Form[field].ToString() : fallback;

    public async Task OnGetAsync(CancellationToken ct) => Agencies = await agencies.ExecuteAsync(ct);

    public async Task<IActionResult> OnPostAsync(int agency, int year, IFormFile? file, string? requestKey, CancellationToken ct)
    {
        Agencies = await agencies.ExecuteAsync(ct);
        RequestKey = string.IsNullOrWhiteSpace(requestKey) ? RequestKey : requestKey;
        var errors = new Dictionary<string, string>();
        var on = FormDates.Parse(Request.Form["PublishedOn"], "PublishedOn", "发布日期", errors, required: false);
        if (file is null || file.Length == 0)
        {
            errors["File"] = "请选择要导入的报告文件。";
        }

        if (errors.Count > 0)
        {
            FormError = string.Join("；", errors.Values);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            await using var stream = new MemoryStream();
            await file!.CopyToAsync(stream, ct);
            var id = await import.ExecuteAsync(agency, year, Path.GetFileName(file.FileName), stream.ToArray(), on, RequestKey, ct);
            TempData["Message"] = "已导入并核对。";
            return Redirect($"/Admin/Reports/{id}");
        }
        catch (DomainException ex)
        {
            FormError = "未能导入：" + (ex is ValidationFailedException v ? string.Join("；", v.Errors.Values) : ex.Message);
            Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
