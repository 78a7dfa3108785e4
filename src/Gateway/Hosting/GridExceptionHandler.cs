using System.Text.Json;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Hosting;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: the domain's refusals keep their meaning
/// (400/403/404/409/412), unreadable requests are 400 naming what could not be read, and only
/// a real fault is a 500; a passing fault of the database or a silo is a 503 to retry — without internals in the answer.
/// </summary>
public sealed class GridExceptionHandler(IProblemDetailsService problems, ILogger<GridExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
                { Status = 400, Title = "The request has invalid fields.", Detail = v.Message },
            NotFoundException => Problem(404, "Not found.", exception.Message),
            ConflictException => Problem(409, "The request conflicts with the current state.", exception.Message),
            PreconditionFailedException => Problem(412, "The resource has changed since you read it.", exception.Message),
            ForbiddenException => Problem(403, "Not allowed.", exception.Message),
            Apis.Evaluations.LinkExpiredException => Problem(410, "The link has expired.", exception.Message),
            BadHttpRequestException bad => Unreadable(bad),
            JsonException json => Problem(400, "The request body is not valid JSON.", json.Message),
            _ when TransientFaults.IsTransient(exception) =>
                Problem(503, "The service is temporarily unavailable.", "Please retry in a few seconds; a change that was not acknowledged may not have been saved."),
            _ => null,
        };
        if (problem?.Status == 503)
        {
            logger.LogWarning(exception, "Transient fault on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "5";
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(500, "An unexpected error occurred.", "The error has been logged.");
        }
        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    private static ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        // The inner JSON error names the path and position of the bad value; that is what a person needs.
        var detail = bad.InnerException is JsonException json
            ? $"{bad.Message} {json.Message}"
            : bad.Message;
        return Problem(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "The request could not be read.", detail);
    }
}
