using Gongkai.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// A broken rule that escapes a handler becomes a ProblemDetails response (JSON clients) with its stable code and
/// Chinese message; HTML requests fall through to the Chinese error page.
/// </summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not DomainException domain)
        {
            return false;
        }

        var status = domain.Code switch
        {
            _ when domain.Code.EndsWith("concurrent_change", StringComparison.Ordinal) => StatusCodes.Status409Conflict,
            "not_found" => StatusCodes.Status404NotFound,
            "forbidden" => StatusCodes.Status403Forbidden,
            _ when Documents.ChromiumPdfRenderer.IsPdfFailure(domain.Code) => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status400BadRequest,
        };
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = domain.Message,
                Type = "https://gongkai.invalid/errors/" + domain.Code,
                Extensions = { ["code"] = domain.Code, ["errors"] = (domain as ValidationFailedException)?.Errors },
            },
        });
    }
}
