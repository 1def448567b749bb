using Gongkai.Core.Common;
using Gongkai.UseCases.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A global Razor Pages filter: a <see cref="DomainException"/> with the code <see cref="StaffContext.NotFoundCode"/>
/// (the record does not exist, or is out of the signed-in user's reach) that escapes a page handler becomes a
/// <see cref="NotFoundResult"/> — exactly what <c>return NotFound();</c> in the handler gives: status 404 with no body,
/// which the status code pages then re-execute as the Chinese 404 page (<c>/StatusCode?code=404</c>), for GET and POST
/// handlers alike and whatever the handler would otherwise have returned (a page, JSON or a file).
/// </summary>
/// <remarks>
/// Without it, every handler that looks a record up by id had to catch that exception itself, and one that did not
/// fell through to the exception handler, which answers with a problem (JSON) or the error page instead of
/// the 404 page. Handlers that answer an unknown record differently (JSON with a message, the page again with a form
/// error, another status) still catch the exception themselves, and then it never reaches this filter.
/// </remarks>
public sealed class NotFoundPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (!executed.ExceptionHandled && executed.Exception is DomainException { Code: StaffContext.NotFoundCode })
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}
