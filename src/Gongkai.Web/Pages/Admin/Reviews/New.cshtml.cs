using System.Globalization;
using Gongkai.Core.Cases;
using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Platform;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Reviews;

/// <summary>
/// 登记复议/诉讼: a 行政复议 or 行政诉讼 against an agency this user may see, linked to the application by its 受理编号
/// (the 被申请人 or 被告 is then the agency that answered it) and, for a 复议后起诉, to the concluded 复议. The form carries
/// a request key made when it was opened, so a double submit registers one case.
/// </summary>
[Authorize(Policy = Policies.ReviewHandler)]
public sealed class NewModel(RegisterReviewCase register, ListReviewCases list, ListAgencies agencies, AgencyClock clock) : PageModel
{
    public string RequestKey { get; private set; } = string.Empty;

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    /// <summary>The concluded 行政复议 cases a 复议后起诉 may follow.</summary>
    public IReadOnlyList<ReviewCaseItem> ConcludedReviews { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    /// <summary>What the form shows: what was typed, or the defaults.</summary>
    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    [TempData]
    public string? Message { get; set; }

    public string Value(string name) => Values.TryGetValue(name, out var v) ? v : string.Empty;

    public string? Error(string name) => Errors.TryGetValue(name, out var e) ? e : null;

    public async Task OnGetAsync(string? caseNumber, string? kind, long? previous, CancellationToken ct)
    {
        RequestKey = Applications.NewModel.NewRequestKey();
        Values = new Dictionary<string, string>
        {
            ["Kind"] = Enum.TryParse<ReviewKind>(kind, out var k) && Enum.IsDefined(k) ? k.ToString() : nameof(ReviewKind.AdministrativeReview),
            ["ApplicationCaseNumber"] = caseNumber?.Trim() ?? string.Empty,
            ["PreviousReviewId"] = previous?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["Filed"] = ReviewText.Date(clock.Today()),
        };
        await LoadChoicesAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string? requestKey, CancellationToken ct)
    {
        var f = Request.Form;
        Values = f.Keys.ToDictionary(k => k, k => f[k].ToString(), StringComparer.Ordinal);
        RequestKey = string.IsNullOrWhiteSpace(requestKey) ? Applications.NewModel.NewRequestKey() : requestKey;
        var errors = new Dictionary<string, string>();
        var kind = Enum.TryParse<ReviewKind>(f["Kind"], out var k) && Enum.IsDefined(k) ? k : (ReviewKind?)null;
        if (kind is null)
        {
            errors["Kind"] = "请选择案件类型。";
        }

        var filed = FormDates.Parse(f["Filed"], "Filed", kind is { } fk ? ReviewText.FiledLabel(fk) : "申请或立案日期", errors, required: true);
        var copy = FormDates.Parse(f["CopyReceived"], "CopyReceived", "收到副本日期", errors, required: false);
        var input = new ReviewCaseInput
        {
            Kind = kind ?? default,
            AgencyId = int.TryParse(f["AgencyId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var agency) ? agency : 0,
            ApplicationCaseNumber = f["ApplicationCaseNumber"].ToString(),
            PreviousReviewId = kind == ReviewKind.LitigationAfterReview && long.TryParse(f["PreviousReviewId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null,
            ExternalNumber = f["ExternalNumber"].ToString(),
            Body = f["Body"].ToString(),
            Filed = filed ?? default,
            CopyReceived = copy,
            Notes = f["Notes"].ToString(),
            RequestKey = RequestKey,
        };
        try
        {
            if (errors.Count > 0)
            {
                throw new ValidationFailedException(errors);
            }

            var result = await register.ExecuteAsync(input, ct);
            Message = result.Repeated ? "该案件已登记，重复提交未再次登记。" : $"已登记{ReviewRules.Name(input.Kind)}：{input.ExternalNumber.Trim()}。";
            return Redirect($"/Admin/Reviews/{result.Id.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (ValidationFailedException ex)
        {
            Errors = ex.Errors;
            FormError = "请修改标出的内容后再登记。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            Errors = new Dictionary<string, string> { ["AgencyId"] = "请选择您可查看的机关。" };
            FormError = "请修改标出的内容后再登记。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException ex)
        {
            FormError = ex.Message;
            Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Agencies = await agencies.ExecuteAsync(ct);
        var reviews = await list.ExecuteAsync(new ReviewCaseQuery { Kind = ReviewKind.AdministrativeReview, PageSize = UseCases.PageRequest.MaxPageSize }, ct);
        ConcludedReviews = [.. reviews.Items.Where(r => r.Concluded is not null)];
    }
}
