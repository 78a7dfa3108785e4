using Grid.Gateway.Apis.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Grid.Gateway.Hosting;

/// <summary>
/// Turns exceptions into RFC 9457 problem details through <see cref="Problems.For(Exception)"/>: the domain's
/// refusals keep their meaning (400/403/404/409/412), unreadable requests are 400 naming what could not be read,
/// only a real fault is a 500, and a passing fault of the database or a silo is a 503 to retry — without internals.
/// </summary>
public sealed class GridExceptionHandler(IProblemDetailsService problems, ILogger<GridExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = Problems.For(exception);
        if (problem?.Status == 503)
        {
            logger.LogWarning(exception, "Transient fault on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Details(500, "An unexpected error occurred.", "The error has been logged.");
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
