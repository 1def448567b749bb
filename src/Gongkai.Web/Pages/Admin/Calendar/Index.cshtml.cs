using System.Globalization;
using System.Text;
using Gongkai.Core.Common;
using Gongkai.UseCases;
using Gongkai.UseCases.Calendar;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Pages.Shared;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Calendar;

/// <summary>系统管理 → 工作日历: loaded years, import/reload, the calculator, and the change history.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
[RequestSizeLimit(2 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 2 * 1024 * 1024)]
public sealed class IndexModel(ListCalendarYears list, AddWorkingDays addWorkingDays, ImportCalendarYear import, AgencyClock clock) : PageModel
{
    public IReadOnlyList<CalendarYearSummary> Years { get; private set; } = [];

    public Page<CalendarChangeEntry> History { get; private set; } = new([], 1, 20, 0);

    public WorkingDayCalculatorView Calculator { get; } = new() { Action = "/Admin/Calendar" };

    [TempData]
    public string? Message { get; set; }

    public string? ImportError { get; private set; }

    public string Local(DateTimeOffset instant) => clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? start, string? days, int historyPage = 1, CancellationToken ct = default)
    {
        await Calculator.ComputeAsync(start, days, addWorkingDays, ct);
        await LoadAsync(historyPage, ct);
    }

    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ImportError = "请选择要导入的日历文件。";
        }
        else if (file.Length > ImportCalendarYear.MaxFileBytes)
        {
            ImportError = $"文件超过 {ImportCalendarYear.MaxFileSizeText}，不像是一年的节假日安排。";
        }
        else
        {
            string json;
            using (var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
            {
                try
                {
                    json = await reader.ReadToEndAsync(ct);
                }
                catch (DecoderFallbackException)
                {
                    json = string.Empty;
                    ImportError = "日历文件无效：文件不是 UTF-8 编码的文本。";
                }
            }

            if (ImportError is null)
            {
                try
                {
                    var result = await import.ExecuteAsync(json, Path.GetFileName(file.FileName), ct);
                    Message = result.Summary;
                    return RedirectToPage();
                }
                catch (DomainException ex)
                {
                    ImportError = ex.Message;
                }
            }
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await Calculator.ComputeAsync(null, null, addWorkingDays, ct);
        await LoadAsync(1, ct);
        return Page();
    }

    private async Task LoadAsync(int historyPage, CancellationToken ct)
    {
        Years = await list.ExecuteAsync(ct);
        History = await list.HistoryAsync(historyPage, 20, ct);
    }
}
