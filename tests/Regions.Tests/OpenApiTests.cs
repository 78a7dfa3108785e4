using System.Net.Http.Json;
using System.Text.Json;
using Grid.Testing;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class OpenApiTests(GatewayFactory gateway)
{
    private static readonly string[] Prefixes =
        ["/api/regions/locate", "/api/regions/{code}/grids", "/api/residents", "/api/workers", "/api/villages/", "/api/public/villages/", "/api/admin/audit", "/api/boundary-changes"];

    [Fact]
    public async Task EveryRegionsAndPeopleRouteIsDocumentedWithANameAndASummary()
    {
        var doc = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = doc.GetProperty("paths").EnumerateObject()
            .Where(p => Prefixes.Any(prefix => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Verb: o.Name, Operation: o.Value)))
            .ToList();

        Assert.True(operations.Count >= 20, $"only {operations.Count} operations documented");
        Assert.All(operations, o =>
        {
            Assert.True(o.Operation.TryGetProperty("operationId", out _), $"{o.Verb} {o.Path} has no name");
            Assert.True(o.Operation.TryGetProperty("summary", out _), $"{o.Verb} {o.Path} has no summary");
        });
    }
}
