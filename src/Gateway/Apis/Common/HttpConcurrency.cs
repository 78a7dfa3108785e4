using System.Globalization;
using Grid.Grains.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Common;

/// <summary>The one ETag / If-Match reading of the API: an ETag is the quoted version number.</summary>
public static class HttpConcurrency
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// Reads If-Match: "3" or W/"3" (quotes optional) is version 3; empty or "*" is null (any version).
    /// False when the value is not one of those.
    /// </summary>
    public static bool TryRead(string? raw, out int? version)
    {
        version = null;
        var value = raw?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*") return true;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (!int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }

    /// <summary>The version in If-Match, null when absent; an unreadable value is a 400 naming the header.</summary>
    public static int? IfMatch(string? raw) => TryRead(raw, out var version) ? version
        : throw ValidationException.For("If-Match", $"If-Match must be the ETag you read, e.g. \"3\"; '{raw}' is not one.");

    public static int? IfMatch(this HttpRequest request) => IfMatch(request.Headers.IfMatch.ToString());
}

/// <summary>Answers for resources that require If-Match (428 when missing, 412 when stale or unreadable).</summary>
public static class Preconditions
{
    public static ProblemHttpResult Required() => Problems.Status(428, "If-Match is required.",
        "Read the resource first and send its ETag in the If-Match header, so that you do not overwrite someone else's change.");

    public static ProblemHttpResult Stale() => Problems.Status(412, Problems.StaleTitle,
        "The If-Match header does not name the current version; read the resource again and reapply your change.");

    /// <summary>Null when the header is missing; -1 when it can never match.</summary>
    public static int? Parse(string? ifMatch) => HttpConcurrency.TryRead(ifMatch, out var version) ? version : -1;

    public static string? CheckIdempotencyKey(string? key, Dictionary<string, string[]> errors)
    {
        if (key is null) return null;
        if (key.Length is < 1 or > 100 || key.Any(char.IsControl)) errors["Idempotency-Key"] = ["Send an Idempotency-Key of 1–100 printable characters."];
        return key;
    }
}
