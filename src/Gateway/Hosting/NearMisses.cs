using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;

namespace Grid.Gateway.Hosting;

/// <summary>
/// Why a call under /api matched no endpoint when its path names a real one: the wrong method (405
/// with Allow) or a body that is not JSON (415). Endpoint routing leaves such calls to the catch-all
/// 404 because that fallback takes any method and any content type; this tells them apart there.
/// </summary>
public sealed class NearMisses(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, IReadOnlyList<string> Methods, IReadOnlyList<string>? Accepts)>> _routes = new(() =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .Select(e => (new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary()),
                (IReadOnlyList<string>)(e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []),
                (IReadOnlyList<string>?)e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes))
            .ToList());

    /// <summary>The problem to answer instead of 404, or null when the path names no endpoint.</summary>
    public IResult? For(HttpRequest request)
    {
        var matching = _routes.Value.Where(r => r.Matcher.TryMatch(request.Path, new RouteValueDictionary())).ToList();
        if (matching.Count == 0) return null;
        var sameMethod = matching.Where(r => r.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToList();
        if (sameMethod.Count == 0)
        {
            var allowed = matching.SelectMany(r => r.Methods).Distinct().Order().ToList();
            request.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
            return Apis.Common.Problems.Status(405, "Method not allowed.",
                $"{request.Path} answers {string.Join(", ", allowed)}, not {request.Method}.");
        }
        var accepts = sameMethod.SelectMany(r => r.Accepts ?? []).Distinct().ToList();
        return accepts.Count == 0 ? null : Apis.Common.Problems.Status(415, "Unsupported media type.",
            $"Send the body as {string.Join(" or ", accepts)} (Content-Type: {request.ContentType ?? "none"} was sent).");
    }
}
