using Gongkai.UseCases.Calendar;
using Gongkai.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages;

/// <summary>The public working-day calculator (工作日计算).</summary>
[AllowAnonymous]
public sealed class GongzuoriModel(AddWorkingDays addWorkingDays) : PageModel
{
    public WorkingDayCalculatorView Calculator { get; } = new() { Action = "/Gongzuori" };

    public Task OnGetAsync(string? start, string? days, CancellationToken ct) => Calculator.ComputeAsync(start, days, addWorkingDays, ct);
}
