using Gongkai.Core.Common;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Reports;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reports;

/// <summary>
/// 填报数据: the figures of an agency's report on a year that the platform holds no records of yet — table 二 and the
/// narrative's figures — typed in a form or imported for many agencies from an XLSX (all rows or none).
/// </summary>
[Authorize(Policy = Policies.ReportUser)]
[RequestSizeLimit(MaxFileBytes + (64 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes + (64 * 1024))]
public sealed class FiguresModel(GetReportFigures get, SaveReportFigures save, ImportReportFigures import, ListAgencies agencies, StaffContext staff, AgencyClock clock) : PageModel
{
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public ReportFiguresView? Figures { get; private set; }

    public int Year { get; private set; }

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public bool Conflict { get; private set; }

    public bool MayWrite => Figures is { } f && ReportRules.MayWrite(staff, f.AgencyId);

    [TempData]
    public string? Message { get; set; }

    public string Value(string field) => FormError is not null && Request.HasFormContentType ? Request.Form[field].ToString() : Figures?.Values[field] ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(int? agency, int? year, CancellationToken ct) => await LoadAsync(agency, year, ct) ? Page() : NotFound();

    public FileResult OnGetTemplate() => File(ImportReportFigures.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "年度报告填报数据（导入模板）.xlsx");

    public async Task<IActionResult> OnPostAsync(int agency, int year, int expectedVersion, CancellationToken ct)
    {
        var input = ReportFiguresInput.Of(ReportFiguresInput.Fields.ToDictionary(f => f.Field, f => (string?)Request.Form[f.Field].ToString()));
        try
        {
            await save.ExecuteAsync(agency, year, input, expectedVersion, ct);
            Message = "填报数据已保存。起草中的报告在下次保存时按新数据重新计算表二。";
            return Redirect($"/Admin/Reports/Figures?agency={agency}&year={year}");
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Errors = ex is ValidationFailedException v ? v.Errors : new Dictionary<string, string>();
            Conflict = ex.Code == CaseHistory.ConcurrentChangeCode;
            FormError = Conflict ? ex.Message : ex is ValidationFailedException ? "未能保存：请修改标出的内容。" : "未能保存：" + ex.Message;
            Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return await LoadAsync(agency, year, ct) ? Page() : NotFound();
        }
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, int? year, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes || !file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            FormError = file is null || file.Length == 0 ? "请选择要导入的 Excel 文件（.xlsx）。" : file.Length > MaxFileBytes ? "文件不能超过 2 MB。" : "请上传按导入模板填写的 Excel 工作簿（.xlsx）。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(null, year, ct) ? Page() : NotFound();
        }

        try
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            var result = await import.ExecuteAsync(stream, ct);
            Message = $"已导入 {result.Count} 个单位的填报数据。";
            return Redirect($"/Admin/Reports/Figures?year={result.Year}");
        }
        catch (DomainException ex)
        {
            FormError = "未导入任何数据：" + (ex is ValidationFailedException v ? string.Join("；", v.Errors.Values.Take(20)) + (v.Errors.Count > 20 ? $"……共 {v.Errors.Count} 处问题" : string.Empty) : ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(null, year, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int? agency, int? year, CancellationToken ct)
    {
        var last = clock.Today().Year - 1;
        Year = year is >= 2021 and <= 9999 ? year.Value : last;
        Years = [.. Enumerable.Range(2021, Math.Max(1, clock.Today().Year - 2020)).Reverse()];
        Agencies = await agencies.ExecuteAsync(ct);
        var chosen = agency ?? staff.ActingAgencyId ?? Agencies.FirstOrDefault()?.Id;
        if (chosen is not { } id)
        {
            return true;
        }

        try
        {
            Figures = await get.ExecuteAsync(id, Year, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
