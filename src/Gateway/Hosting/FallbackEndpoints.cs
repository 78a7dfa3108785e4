namespace Grid.Gateway.Hosting;

public static class FallbackEndpoints
{
    /// <summary>
    /// Unknown API routes are 404 problem details (405 or 415 when the path names an endpoint that takes another
    /// method or body, <see cref="NearMisses"/>); every other unknown path is the portal's (client-side routing).
    /// </summary>
    public static void MapGridFallbacks(this IEndpointRouteBuilder app)
    {
        app.Map("/api/{**rest}", (HttpContext context, NearMisses nearMisses) => nearMisses.For(context.Request) ?? Apis.Common.Problems.NotFound(
            $"There is no API at {context.Request.Method} {context.Request.Path}. The API is described at /openapi/v1.json."))
            .ExcludeFromDescription().AllowAnonymous();
        app.MapFallbackToFile("index.html").AllowAnonymous();
        // A QR token has a dot (payload.signature), which the default fallback takes for a file name.
        app.MapFallbackToFile("rate/{token}", "index.html").AllowAnonymous();
    }
}
