using Microsoft.AspNetCore.Authorization;

namespace Grid.Gateway.Security.Access;

/// <summary>
/// Every route a stranger may call, in one place. The gateway refuses to start when an endpoint allows
/// anonymous callers without being listed here, or a listed route no longer exists.
/// </summary>
public static class AnonymousRoutes
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        // Signing in, and the refresh cookie's own routes (the cookie, not a bearer token, is the credential).
        "POST /api/auth/token",
        "POST /api/auth/refresh",
        "POST /api/auth/sign-out",
        // The public face of the city: regions, locate, published lists and rosters, guides, satisfaction.
        "GET /api/regions/{code}",
        "GET /api/regions/{code}/children",
        "GET /api/regions/locate",
        "GET /api/public/villages/{code}/roster/",
        "GET /api/public/villages/{code}/roster/versions",
        "GET /api/public/villages/{code}/roster/versions/{number}",
        "GET /api/public/regions/{code}/delegation-list/",
        "GET /api/public/regions/{code}/delegation-list/versions",
        "GET /api/public/regions/{code}/delegation-list/versions/{number:int}",
        "GET /api/public/regions/{code}/satisfaction",
        // 12345 publication: closed orders without personal data, and the heads' follow-up (公示).
        "GET /api/public/hotline/orders",
        "GET /api/public/hotline/orders.csv",
        "GET /api/public/hotline/heads/{month}",
        "GET /api/catalog/items",
        "GET /api/catalog/regions/{region}/items/{code}",
        "GET /api/catalog/regions/{region}/items/{code}/guide",
        "GET /api/entitlements/",
        "GET /api/entitlements/{id}",
        "GET /api/bundles/",
        "GET /api/bundles/{code}",
        // A resident rating a service through the link delivered to them.
        "GET /api/public/evaluations/qr/{token}",
        "POST /api/public/evaluations/qr/{token}",
        // Open311 GeoReport v2: reading is public, filing carries an api_key in its form.
        "GET /open311/v2/services.{format}",
        "GET /open311/v2/services/{service_code}.{format}",
        "GET /open311/v2/requests.{format}",
        "POST /open311/v2/requests.{format}",
        "GET /open311/v2/requests/{service_request_id}.{format}",
        "GET /open311/v2/tokens/{token}.{format}",
        // The house: docs, health, the portal's files, the dashboard's sign-in form.
        "GET /openapi/{documentName}.json",
        "GET /docs/{documentName?}",
        "GET /docs/favicon.svg",
        "GET /docs/scalar.aspnetcore.js",
        "GET /docs/scalar.js",
        "* /health/live",
        "* /health/ready",
        "GET /admin/dashboard-sign-in",
        "POST /admin/dashboard-sign-in",
        "* /api/{**rest}",
        "GET,HEAD {*path:nonfile}",
        "GET,HEAD rate/{token}",
    };

    /// <summary>"METHOD /pattern" of an endpoint ("*" when it answers every method).</summary>
    public static string Key(RouteEndpoint endpoint)
    {
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
        var method = methods is { Count: > 0 } ? string.Join(",", methods.Order(StringComparer.Ordinal)) : "*";
        return $"{method} {endpoint.RoutePattern.RawText}";
    }

    public static bool IsAnonymous(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>Throws when the anonymous endpoints and the list disagree.</summary>
    public static void Verify(IEndpointRouteBuilder app)
    {
        var endpoints = app.DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var open = endpoints.Where(IsAnonymous).Select(Key).ToHashSet(StringComparer.Ordinal);
        var unlisted = open.Except(All).Order(StringComparer.Ordinal).ToList();
        var gone = All.Except(open).Order(StringComparer.Ordinal).ToList();
        if (unlisted.Count > 0 || gone.Count > 0)
            throw new InvalidOperationException(
                $"Anonymous routes and Security/Access/AnonymousRoutes disagree. Open but not listed: [{string.Join("; ", unlisted)}]. Listed but not open: [{string.Join("; ", gone)}].");
    }
}
