using Gongkai.Core.Common;
using Gongkai.UseCases.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

[Authorize(Policy = Policies.SystemAdministrator)]
[RequestSizeLimit(6 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 6 * 1024 * 1024)]
public sealed class ImportModel(ImportAgencies import) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public IReadOnlyList<ImportRowError> Errors { get; private set; } = [];

    public string? FileError { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public FileResult OnGetTemplate() =>
        File(ImportAgencies.Template(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "机构导入模板.xlsx");

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            FileError = "请选择要导入的 Excel 文件。";
        }
        else if (file.Length > MaxBytes)
        {
            FileError = "文件超过 5 MB。";
        }
        else
        {
            try
            {
                await using var stream = new MemoryStream();
                await file.CopyToAsync(stream, ct);
                stream.Position = 0;
                var count = await import.ExecuteAsync(stream, ct);
                Message = $"已导入 {count} 个机构。";
                return Redirect("/Admin/Agencies");
            }
            catch (ImportRejectedException ex)
            {
                Errors = ex.Errors;
            }
            catch (DomainException ex)
            {
                FileError = ex.Message;
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
