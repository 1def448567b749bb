using Gongkai.Core.Common;
using Gongkai.Core.Publishing;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Gongkai.UseCases.Publishing;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Register;

/// <summary>One registered document: its entry, history, and the forms to record 修改, 废止, a new term or a correction.</summary>
[Authorize(Policy = Policies.RegisterKeeper)]
public sealed class DetailModel(GetNormativeDocument get, ChangeNormativeDocument change) : FormPage
{
    public NormativeDocumentDetail Detail { get; private set; } = null!;

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostRepealAsync(int id, int expectedVersion, string? requestKey, string? repealedBy, string? note, CancellationToken ct) =>
        ChangeAsync(id, "Repeal", errors => FormDates.Parse(Request.Form["On"], "On", "废止日期", errors, required: true) is { } on ? new RepealDocument(on, repealedBy, note) : null, expectedVersion, requestKey, "已登记废止。", ct);

    public Task<IActionResult> OnPostAmendAsync(int id, int expectedVersion, string? requestKey, string? note, CancellationToken ct) =>
        ChangeAsync(id, "Amend", errors => FormDates.Parse(Request.Form["On"], "On", "修改日期", errors, required: true) is { } on ? new AmendDocument(on, note ?? string.Empty) : null, expectedVersion, requestKey, "已登记修改。", ct);

    public Task<IActionResult> OnPostTermAsync(int id, int expectedVersion, string? requestKey, string? note, CancellationToken ct) =>
        ChangeAsync(id, "Term", errors =>
        {
            var expires = FormDates.Parse(Request.Form["Expires"], "Expires", "有效期至", errors, required: false);
            return errors.Count == 0 ? new ChangeDocumentTerm(expires, note) : null;
        }, expectedVersion, requestKey, "已调整有效期。", ct);

    private async Task<IActionResult> ChangeAsync(int id, string form, Func<Dictionary<string, string>, NormativeDocumentChange?> read, int expectedVersion, string? requestKey, string done, CancellationToken ct)
    {
        FailedForm = form;
        var errors = new Dictionary<string, string>();
        var parsed = read(errors);
        if (parsed is null || errors.Count > 0)
        {
            Invalid(errors, "未能保存：请修改标出的内容。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        try
        {
            await change.ExecuteAsync(id, expectedVersion, parsed, string.IsNullOrWhiteSpace(requestKey) ? null : requestKey, ct);
            Message = done;
            return Redirect($"/Admin/Register/{id}");
        }
        catch (DomainException ex) when (ex.Code != StaffContext.NotFoundCode)
        {
            Refuse(ex, string.Empty, UseCases.Reports.ReportRules.StateCode);
            if (ex is ValidationFailedException)
            {
                FormError = "未能保存：请修改标出的内容。";
            }
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        try
        {
            Detail = await get.ExecuteAsync(id, ct);
            return true;
        }
        catch (DomainException ex) when (ex.Code == StaffContext.NotFoundCode)
        {
            return false;
        }
    }
}
