using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.UseCases;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Applications;

/// <summary>
/// 导入台账: past years' applications from an XLSX in the register's layout (<see cref="CaseRegisterLayout"/>), all rows
/// or none. The form carries a random key made when it was opened, so a double submit imports once and shows the first
/// import's result; a success redirects (a reload does not post again) to the summary.
/// </summary>
[Authorize(Policy = Policies.RegisterImporter)]
[IgnoreAntiforgeryToken] // checked in OnPostAsync after the body is read (PublicUploadForm), so that an oversized file gets a clear answer
[RequestSizeLimit(2 * MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportRegisterModel(ImportCaseRegister import, IAntiforgery antiforgery) : PageModel
{
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public const string MaxFileText = "10 MB";

    public const string FormKeyPurpose = "register-import";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const long MaxRequestBytes = MaxFileBytes + (64 * 1024);

    public string FormKey { get; private set; } = string.Empty;

    public IReadOnlyList<ImportRowError> Errors { get; private set; } = [];

    public string? FileError { get; private set; }

    /// <summary>The file whose rows were refused.</summary>
    public string? FileName { get; private set; }

    [TempData]
    public int? ImportedCount { get; set; }

    [TempData]
    public string? ImportedYears { get; set; }

    [TempData]
    public bool? ImportRepeated { get; set; }

    public void OnGet() => FormKey = PublicUploadForm.NewFormKey();

    /// <summary>A blank register with a 填写说明 sheet.</summary>
    public FileResult OnGetTemplate() => File(CaseRegisterLayout.Template(), XlsxContentType, "依申请公开台账（空白模板）.xlsx");

    public async Task<IActionResult> OnPostAsync()
    {
        // No handler parameters: binding one would make MVC read the form before the size check (PublicUploadForm).
        var ct = HttpContext.RequestAborted;
        var read = await PublicUploadForm.ReadAsync(HttpContext, antiforgery, MaxRequestBytes, $"文件超过 {MaxFileText}，未导入任何数据。请把台账按年度分成几个文件分别导入。", ct);
        if (read.Form is not { } form)
        {
            return Again(read.Error!, read.Status);
        }

        FormKey = form["FormKey"].ToString() is { Length: > 0 and <= 64 } key ? key : PublicUploadForm.NewFormKey();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Again("请选择要导入的台账文件（.xlsx）。", StatusCodes.Status400BadRequest);
        }

        if (file.Length > MaxFileBytes)
        {
            return Again($"文件超过 {MaxFileText}，未导入任何数据。请把台账按年度分成几个文件分别导入。", StatusCodes.Status413PayloadTooLarge);
        }

        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Again($"“{Path.GetFileName(file.FileName)}”不是 Excel 工作簿（.xlsx），未导入任何数据。请上传按台账格式填写的 .xlsx 文件（旧版 .xls 请先另存为 .xlsx）。", StatusCodes.Status400BadRequest);
        }

        try
        {
            await using var stream = new MemoryStream();
            await file.CopyToAsync(stream, ct);
            stream.Position = 0;
            var result = await import.ExecuteAsync(stream, Path.GetFileName(file.FileName), PublicUploadForm.UseCaseKey(FormKeyPurpose, FormKey), ct);
            ImportedCount = result.Count;
            ImportedYears = string.Join("、", result.Years.Select(y => y.ToString(CultureInfo.InvariantCulture) + " 年"));
            ImportRepeated = result.Repeated;
            return RedirectToPage();
        }
        catch (ImportRejectedException ex)
        {
            Errors = ex.Errors;
            FileName = Path.GetFileName(file.FileName);
            return Again(null, StatusCodes.Status400BadRequest);
        }
        catch (DomainException ex) when (ex.Code == SpreadsheetRows.InvalidFileCode)
        {
            return Again(ex.Message, StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The form again with what went wrong; the key is kept, so a repeat of a refused file is checked afresh.</summary>
    private PageResult Again(string? error, int status)
    {
        FileError = error;
        if (FormKey.Length == 0)
        {
            FormKey = PublicUploadForm.NewFormKey();
        }

        Response.StatusCode = status;
        return Page();
    }
}
