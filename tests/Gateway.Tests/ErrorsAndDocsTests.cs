using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grid.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ErrorsAndDocsTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AnUnknownApiRouteIsNotFoundProblemDetails()
    {
        var response = await gateway.CreateClient().GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequestProblemNotAServerError()
    {
        var response = await gateway.CreateClient().PostAsync("/api/auth/token",
            new StringContent("{\"userName\": \"admin\", \"password\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task AWronglyTypedFieldIsABadRequestNamingTheField()
    {
        var response = await gateway.CreateClient().PostAsync("/api/auth/token",
            new StringContent("{\"userName\": 12, \"password\": \"x\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userName", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HealthIsLiveAndReadyOnceSeeded()
    {
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentListsEveryApiRoute()
    {
        var doc = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => Canonical(e.RoutePattern.RawText!))
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal) && !r.Contains("**"))
            .ToHashSet();

        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(documented));
    }

    // OpenAPI paths carry no trailing slash, route constraints or optional markers.
    private static string Canonical(string route) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(route.Trim('/'), @"\{([^}:?]+)[^}]*\}", "{$1}");

    [Fact]
    public async Task TheInteractiveApiReferenceAndThePortalAreServed()
    {
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/docs")).StatusCode);
        var portal = await client.GetStringAsync("/");
        Assert.Contains("blazor.webassembly", portal);
    }
}
