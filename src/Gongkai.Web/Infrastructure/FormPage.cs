using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Gongkai.UseCases.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A back-office page with several forms (a case, a review case, a report, a register entry): when one is posted and
/// refused, the page shows again with that form's fields as typed, its field errors, and one message — a stale page
/// (409, with a link to reload), a state that no longer allows the step (409), a role that may not (403), or bad input
/// (400).
/// </summary>
public abstract class FormPage : PageModel
{
    /// <summary>The form that was posted and refused (its fields keep what was typed).</summary>
    public string? FailedForm { get; protected set; }

    public string? FormError { get; protected set; }

    /// <summary>The page was stale: someone changed the record since it was shown.</summary>
    public bool Conflict { get; protected set; }

    public IReadOnlyDictionary<string, string> Errors { get; protected set; } = new Dictionary<string, string>();

    /// <summary>What a field shows: what was typed when its form was refused, else <paramref name="fallback"/>.</summary>
    public string Value(string form, string field, string? fallback = null) =>
        FailedForm == form && Request.HasFormContentType ? Request.Form[field].ToString() : fallback ?? string.Empty;

    public string? Error(string form, string field) => FailedForm == form && Errors.TryGetValue(field, out var m) ? m : null;

    /// <summary>Input refused before any use case ran (400).</summary>
    protected void Invalid(IReadOnlyDictionary<string, string> errors, string message)
    {
        Errors = errors;
        FormError = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// A use case refused the form: its field errors, and the message after <paramref name="prefix"/> (a stale page's
    /// message stands alone). 409 for a stale page and for <paramref name="stateCodes"/>, 403 for a role, else 400.
    /// </summary>
    protected void Refuse(DomainException ex, string prefix, params string[] stateCodes)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(stateCodes);
        if (ex is ValidationFailedException v)
        {
            Errors = v.Errors;
        }

        Conflict = ex.Code == CaseHistory.ConcurrentChangeCode;
        FormError = Conflict ? ex.Message : prefix + ex.Message;
        Response.StatusCode = Conflict || stateCodes.Contains(ex.Code) ? StatusCodes.Status409Conflict
            : ex.Code == StaffContext.ForbiddenCode ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
    }

    /// <summary>
    /// A step refused by its use case: 404 when the record is gone (or out of reach), else the page again — reloaded by
    /// <paramref name="reload"/> — with the refusal as <see cref="Refuse"/> sets it.
    /// </summary>
    protected async Task<IActionResult> RefusedAsync(DomainException ex, string prefix, Func<Task<bool>> reload, params string[] stateCodes)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ArgumentNullException.ThrowIfNull(reload);
        if (ex.Code == StaffContext.NotFoundCode)
        {
            return NotFound();
        }

        Refuse(ex, prefix, stateCodes);
        return await reload() ? Page() : NotFound();
    }

    /// <summary>A form's request key: null when the form sent none (the use cases then act without repeat detection).</summary>
    protected static string? RequestKeyOf(string? requestKey) => string.IsNullOrWhiteSpace(requestKey) ? null : requestKey;
}
