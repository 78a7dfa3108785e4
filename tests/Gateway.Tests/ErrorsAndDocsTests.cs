using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Hosting.OpenApi;
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
    public async Task AJsonRouteCalledWithTextIs415AndAKnownPathCalledWithTheWrongMethodIs405()
    {
        var client = gateway.CreateClient();

        var text = await client.PostAsync("/api/auth/token", new StringContent("{\"userName\": \"admin\", \"password\": \"x\"}", Encoding.UTF8, "text/plain"));
        var method = await client.DeleteAsync("/api/auth/token");

        Assert.Contains("application/json", (await ProblemAsync(text, HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
        await ProblemAsync(method, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["POST"], method.Content.Headers.Allow);
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
    public async Task AMissingResourceIsANotFoundProblemWithItsTypeAndTitle()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Admin);

        var region = await ProblemAsync(await client.GetAsync("/api/regions/421202999999"), HttpStatusCode.NotFound);
        var deadline = await ProblemAsync(await client.GetAsync("/api/admin/deadlines/no-such-probe"), HttpStatusCode.NotFound);

        Assert.Equal("Region not found.", region.GetProperty("title").GetString());
        Assert.Equal(Problems.NotFoundTitle, deadline.GetProperty("title").GetString());
        Assert.All([region, deadline], p => Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", p.GetProperty("type").GetString()));
        Assert.Contains("no-such-probe", deadline.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ValidationProblemsReadTheSameWhetherReturnedOrThrown()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);

        var returned = await ProblemAsync(await client.GetAsync("/api/regions/not-a-code"), HttpStatusCode.BadRequest);
        var thrown = await ProblemAsync(await client.GetAsync("/api/tasks?pageIndex=-1"), HttpStatusCode.BadRequest);

        Assert.True(returned.GetProperty("errors").TryGetProperty("code", out _));
        Assert.True(thrown.GetProperty("errors").TryGetProperty("pageIndex", out _));
        Assert.All([returned, thrown], p =>
        {
            Assert.Equal(Problems.InvalidTitle, p.GetProperty("title").GetString());
            Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", p.GetProperty("type").GetString());
        });
    }

    [Fact]
    public async Task WritingOverAnotherVersionIsAConflictOrAFailedPrecondition()
    {
        var client = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var id = $"MSJX-T{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var policy = (EntitlementPolicyDto)ContractExamples.All[typeof(EntitlementPolicyDto)] with { Id = id };

        var created = await client.PutAsJsonAsync($"/api/entitlements/{id}", policy, Json.Options);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var blind = await ProblemAsync(await client.PutAsJsonAsync($"/api/entitlements/{id}", policy, Json.Options), HttpStatusCode.Conflict);
        Assert.Equal(Problems.ConflictTitle, blind.GetProperty("title").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", blind.GetProperty("type").GetString());

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/entitlements/{id}") { Content = JsonContent.Create(policy, options: Json.Options) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        var refused = await ProblemAsync(await client.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        Assert.Equal(Problems.StaleTitle, refused.GetProperty("title").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
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
