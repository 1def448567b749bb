using System.Globalization;
using Gongkai.Data.Portal;
using Gongkai.UseCases;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Portal;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Zhaocuo;

/// <summary>
/// 网站找错: the tickets reported on the portal, newest first, filtered by status, category and the day they arrived,
/// with how many stand in each status.
/// </summary>
[Authorize(Policy = Policies.SiteErrorHandler)]
public sealed class IndexModel(ListSiteErrorReports list, AgencyClock clock) : PageModel
{
    public const int PageSize = 20;

    public SiteErrorStatus? Status { get; private set; }

    public SiteErrorCategory? Category { get; private set; }

    public DateOnly? From { get; private set; }

    public DateOnly? To { get; private set; }

    /// <summary>A period typed that cannot be read or runs backwards (shown beside the filters; the list ignores it).</summary>
    public string? PeriodError { get; private set; }

    public SiteErrorReportList Result { get; private set; } = new(new Page<SiteErrorReportRow>([], 1, PageSize, 0), new Dictionary<SiteErrorStatus, int>());

    public bool IsFiltered => Status is not null || Category is not null || From is not null || To is not null;

    public string Local(DateTimeOffset at) => clock.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>This list's address with the current filters, changed as asked (<paramref name="allStatuses"/> drops the status).</summary>
    public string Link(int page = 1, SiteErrorStatus? status = null, bool allStatuses = false) => "/Admin/Zhaocuo" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = allStatuses ? null : (status ?? Status)?.ToString(),
        ["category"] = Category?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToString();

    public async Task OnGetAsync(string? status, string? category, string? from, string? to, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Status = Parse<SiteErrorStatus>(status);
        Category = Parse<SiteErrorCategory>(category);
        From = Date(from);
        To = Date(to);
        if ((!string.IsNullOrWhiteSpace(from) && From is null) || (!string.IsNullOrWhiteSpace(to) && To is null))
        {
            PeriodError = "日期格式应为 2026-11-27，无法识别的日期未用于筛选。";
        }
        else if (From > To)
        {
            PeriodError = "起始日期晚于截止日期，已忽略日期筛选。";
            From = To = null;
        }

        Result = await list.ExecuteAsync(new SiteErrorReportQuery { Status = Status, Category = Category, From = From, To = To, Page = page, PageSize = PageSize }, ct);
    }

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _) ? v : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
