using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class RegionsApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task CityChildrenAreTheSixCountiesWithTheirStatisticalCodes()
    {
        var counties = await gateway.CreateClient().GetFromJsonAsync<List<RegionDto>>("/api/regions/421200000000/children", Json.Options);

        Assert.Equal(
            [("421202000000", "咸安区"), ("421221000000", "嘉鱼县"), ("421222000000", "通城县"),
             ("421223000000", "崇阳县"), ("421224000000", "通山县"), ("421281000000", "赤壁市")],
            counties!.Select(c => (c.Code, c.Name)).ToList());
        Assert.All(counties!, c => Assert.Equal(RegionLevel.County, c.Level));
    }

    [Fact]
    public async Task TongchengHasItsSixteenTownshipLevelUnits()
    {
        var townships = await gateway.CreateClient().GetFromJsonAsync<List<RegionDto>>("/api/regions/421222000000/children", Json.Options);

        Assert.Equal(16, townships!.Count);
        Assert.Contains(townships, t => t is { Code: "421222100000", Name: "隽水镇" });
        Assert.All(townships, t => Assert.Equal("421222000000", t.ParentCode));
    }

    [Fact]
    public async Task EveryVillageLevelUnitIsSeededAsVillageOrCommunity()
    {
        var client = gateway.CreateClient();
        var villages = await client.GetFromJsonAsync<List<RegionDto>>("/api/regions/421202001000/children", Json.Options);

        Assert.NotEmpty(villages!);
        Assert.All(villages!, v => Assert.NotNull(v.Kind));
        Assert.Contains(villages!, v => v.Kind == VillageKind.Community);
        Assert.All(villages!, v => Assert.Equal(5, v.ChildCount));
    }

    [Fact]
    public async Task ARegionCarriesItsSyntheticBoundaryAsGeoJson()
    {
        var detail = await gateway.CreateClient().GetFromJsonAsync<JsonElement>("/api/regions/421222000000", Json.Options);

        Assert.Equal("通城县", detail.GetProperty("region").GetProperty("name").GetString());
        Assert.True(detail.GetProperty("geometryIsSynthetic").GetBoolean());
        Assert.Equal("Polygon", detail.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Contains("National Bureau of Statistics", detail.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task AnUnknownRegionIsNotFoundProblem()
    {
        var response = await gateway.CreateClient().GetAsync("/api/regions/421299999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("4212000000ab")]
    [InlineData("4212000000001")]
    public async Task AMalformedRegionCodeIsABadRequestNamingTheField(string code)
    {
        var response = await gateway.CreateClient().GetAsync($"/api/regions/{code}/children");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("code", out _));
    }
}
