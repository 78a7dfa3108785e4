using System.Text.Json;
using Grid.Gateway.Hosting;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.Common;

/// <summary>
/// The one source of the API's RFC 9457 answers: handlers return these results, and the exception
/// handler maps the domain's exceptions through <see cref="For(Exception)"/>, so a 404 or a 400 reads
/// the same whichever way it was reached. The <c>type</c> is filled from the status by the problem-details service.
/// </summary>
public static class Problems
{
    public const string InvalidTitle = "The request has invalid fields.";
    public const string NotFoundTitle = "Not found.";
    public const string ConflictTitle = "The request conflicts with the current state.";
    public const string StaleTitle = "The resource has changed since you read it.";
    public const string ForbiddenTitle = "Not allowed.";

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string detail, string title = NotFoundTitle) => Status(404, title, detail);

    public static ProblemHttpResult Forbidden(string detail) => Status(403, ForbiddenTitle, detail);

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(Details(status, title, detail));

    public static ProblemDetails Details(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>The answer for a domain exception, or null when it is a real fault (500) for the caller to log.</summary>
    public static ProblemDetails? For(Exception exception) => exception switch
    {
        ValidationException v => new ValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            { Status = 400, Title = InvalidTitle, Detail = v.Message },
        NotFoundException => Details(404, NotFoundTitle, exception.Message),
        ConflictException => Details(409, ConflictTitle, exception.Message),
        PreconditionFailedException => Details(412, StaleTitle, exception.Message),
        ForbiddenException => Details(403, ForbiddenTitle, exception.Message),
        UnsupportedSheetException => Details(415, "The file type is not supported.", exception.Message),
        LinkExpiredException => Details(410, "The link has expired.", exception.Message),
        BadHttpRequestException bad => Unreadable(bad),
        JsonException json => Details(400, "The request body is not valid JSON.", json.Message),
        _ when TransientFaults.IsTransient(exception) => Details(503, "The service is temporarily unavailable.",
            "Please retry in a few seconds; a change that was not acknowledged may not have been saved."),
        _ => null,
    };

    private static ProblemDetails Unreadable(BadHttpRequestException bad)
    {
        // The inner JSON error names the path and position of the bad value; that is what a person needs.
        var detail = bad.InnerException is JsonException json ? $"{bad.Message} {json.Message}" : bad.Message;
        return Details(bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "The request could not be read.", detail);
    }
}

/// <summary>A link (a receipt's QR evaluation link) that has expired: 410 Gone.</summary>
public sealed class LinkExpiredException(string message) : Exception(message);
