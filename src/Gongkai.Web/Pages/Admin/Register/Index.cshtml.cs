using System.Globalization;
using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.UseCases;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Agencies;
using Gongkai.UseCases.Platform;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Register;

/// <summary>
/// 规范性文件登记簿: the 规章 and 行政规范性文件 of the agencies this user may see, filtered by agency, kind, year of issue,
/// words of the title or 文号, or "in force on a day"; and the form to register a document.
/// </summary>
[Authorize(Policy = Policies.RegisterKeeper)]
public sealed class IndexModel(ListNormativeDocuments list, RegisterNormativeDocument register, ListAgencies agencies, StaffContext staff, AgencyClock clock) : PageModel
{
    public Page<NormativeDocumentItem> Items { get; private set; } = new([], 1, 20, 0);

    public IReadOnlyList<AgencyNode> Agencies { get; private set; } = [];

    public NormativeDocumentQuery Query { get; private set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? FormError { get; private set; }

    public string RequestKey { get; private set; } = Gongkai.Web.Pages.Admin.Applications.NewModel.NewRequestKey();

    public DateOnly Today => clock.Today();

    [TempData]
    public string? Message { get; set; }

    public bool IsFiltered => Query.AgencyId is not null || Query.Kind is not null || Query.InForceOn is not null || Query.IssuedIn is not null || !string.IsNullOrWhiteSpace(Query.Text);

    public string Value(string field, string fallback = "") => FormError is not null && Request.HasFormContentType ? Request.Form[field].ToString() : fallback;

    public string Link(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["agency"] = Query.AgencyId?.ToString(CultureInfo.InvariantCulture),
        ["kind"] = Query.Kind?.ToString(),
        ["inForceOn"] = Query.InForceOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["year"] = Query.IssuedIn?.ToString(CultureInfo.InvariantCulture),
        ["q"] = Query.Text,
        ["p"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public async Task OnGetAsync(int? agency, string? kind, string? inForceOn, int? year, string? q, [FromQuery(Name = "p")] int page = 1, CancellationToken ct = default)
    {
        Query = new NormativeDocumentQuery
        {
            AgencyId = agency,
            Kind = Enum.TryParse<NormativeDocumentKind>(kind, out var k) && Enum.IsDefined(k) ? k : null,
            InForceOn = DateOnly.TryParseExact(inForceOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
            IssuedIn = year is >= 1980 and <= 9999 ? year : null,
            Text = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(50, q.Trim().Length)],
            Page = page,
        };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int agency, NormativeDocumentKind kind, string? title, string? documentNumber, string? requestKey, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        var issued = FormDates.Parse(Request.Form["Issued"], "Issued", "印发日期", errors, required: true);
        var effective = FormDates.Parse(Request.Form["Effective"], "Effective", "施行日期", errors, required: false);
        var expires = FormDates.Parse(Request.Form["Expires"], "Expires", "有效期至", errors, required: false);
        RequestKey = string.IsNullOrWhiteSpace(requestKey) ? RequestKey : requestKey;
        if (errors.Count == 0)
        {
            try
            {
                var id = await register.ExecuteAsync(new NormativeDocumentInput { AgencyId = agency, Kind = kind, Title = title, DocumentNumber = documentNumber, Issued = issued, Effective = effective, Expires = expires }, RequestKey, ct);
                Message = "已登记。";
                return Redirect($"/Admin/Register/{id}");
            }
            catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
            {
                errors = ex is ValidationFailedException v ? new Dictionary<string, string>(v.Errors) : new Dictionary<string, string> { ["form"] = ex.Message };
                Response.StatusCode = ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Errors = errors;
        FormError = "未能登记：请修改标出的内容。";
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Agencies = await agencies.ExecuteAsync(ct);
        Items = await list.ExecuteAsync(Query, ct);
        _ = staff;
    }
}
