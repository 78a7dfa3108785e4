using System.Globalization;
using System.Net;
using Grid.Contracts;
using Grid.Geo;
using Grid.Grains.Geography;
using Grid.Testing;
using NetTopologySuite.Geometries;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class LocateTests(GatewayFactory gateway)
{
    private ILocateIndexGrain Index => Places.Grains(gateway).GetGrain<ILocateIndexGrain>(RegionCodes.City);

    [Fact]
    public async Task TheIndexServiceAgreesWithBruteForceOnTenThousandPointsIncludingSharedEdgesAndVertices()
    {
        var (model, brute) = await CurrentGeographyAsync();
        var points = Sample(model, new Random(3), uniform: 6000, vertices: 2000, midpoints: 2000);

        var located = await Index.LocateManyAsync([.. points.Select(p => new GeoPoint(p.Lat, p.Lng))]);

        for (var i = 0; i < points.Count; i++)
        {
            var (lat, lng, onEdge) = points[i];
            var covering = brute.CoveringGrids(lat, lng);
            Assert.Equal(brute.Locate(lat, lng)?.GridId, located[i]);
            if (onEdge) Assert.NotNull(located[i]);
            // Exactly one grid per point: on a shared edge the smallest covering id wins.
            if (located[i] is { } grid) Assert.Equal(covering[0], grid);
            else Assert.Empty(covering);
        }
    }

    [Fact]
    public async Task LocateOverHttpAgreesWithBruteForceOnASample()
    {
        var (model, brute) = await CurrentGeographyAsync();
        var client = gateway.CreateClient();
        foreach (var (lat, lng, _) in Sample(model, new Random(5), uniform: 60, vertices: 20, midpoints: 20))
        {
            var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/regions/locate?lat={lat:R}&lng={lng:R}"));
            var expected = brute.Locate(lat, lng);
            if (expected is null)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                continue;
            }
            var location = await response.ReadAsync<LocationDto>();
            Assert.Equal(expected.GridId, location.Grid.Code);
            Assert.Equal((expected.VillageCode, expected.TownshipCode, expected.CountyCode), (location.Village.Code, location.Township.Code, location.County.Code));
        }
    }

    [Fact]
    public async Task LocateNamesTheCountyTownshipVillageAndGrid()
    {
        var places = await Places.LoadAsync(gateway);
        var (lat, lng) = places.Inside(places.V1 + "-G01");

        var location = await (await gateway.CreateClient().GetAsync(string.Create(CultureInfo.InvariantCulture, $"/api/regions/locate?lat={lat}&lng={lng}"))).ReadAsync<LocationDto>();

        Assert.Equal(new NamedCode("421202000000", "咸安区"), location.County);
        Assert.Equal(Places.Township, location.Township.Code);
        Assert.Equal(places.V1, location.Village.Code);
        Assert.Equal(places.V1 + "-G01", location.Grid.Code);
        Assert.EndsWith("第01网格", location.Grid.Name);
    }

    [Theory]
    [InlineData("lat=NaN&lng=114.3", "lat")]
    [InlineData("lat=29.8&lng=Infinity", "lng")]
    [InlineData("lat=95&lng=114.3", "lat")]
    [InlineData("lat=29.8&lng=-200", "lng")]
    [InlineData("lat=abc&lng=114.3", "lat")]
    [InlineData("lng=114.3", "lat")]
    public async Task BadCoordinatesAreAValidationProblemNamingTheField(string query, string field)
    {
        var response = await gateway.CreateClient().GetAsync("/api/regions/locate?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APointOutsideTheCityIsANotFoundProblem()
    {
        var response = await gateway.CreateClient().GetAsync("/api/regions/locate?lat=39.9&lng=116.4");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AVillagesGridsComeAsAGeoJsonFeatureCollectionWithTheirWorkers()
    {
        var places = await Places.LoadAsync(gateway);
        var client = await gateway.SignedInClientAsync(DemoAccounts.Center);

        var response = await client.GetAsync($"/api/regions/{places.V1}/grids");
        var features = GeoJson.ParseFeatureCollection(await response.Content.ReadAsStringAsync());

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(5, features.Count);
        var first = features.Single(f => (string)f.Attributes["id"] == places.V1 + "-G01");
        Assert.IsAssignableFrom<Polygon>(first.Geometry);
        Assert.Contains(places.V1 + "-W01", ((IEnumerable<object>)first.Attributes["workerIds"]).Select(o => o.ToString()));
    }

    /// <summary>The seeder's model with every applied boundary change, and a brute-force locator over it.</summary>
    private async Task<(GeographyModel Model, BruteForceLocator Brute)> CurrentGeographyAsync()
    {
        var model = (await Places.LoadAsync(gateway)).Model;
        var grids = model.Grids.Values.ToDictionary(g => g.GridId);
        foreach (var o in await Index.GetOverridesAsync())
        {
            grids.Remove(o.GridId);
            if (!o.Removed && o.Wkt is not null) grids[o.GridId] = new GridCell(o.GridId, o.VillageCode, Wkt.Read(o.Wkt));
        }
        return (model, new BruteForceLocator(grids.Values, model.ParentCodes));
    }

    /// <summary>Uniform points over the city's envelope, grid vertices (always in some grid) and midpoints of grid edges (shared edges).</summary>
    private static List<(double Lat, double Lng, bool OnEdge)> Sample(GeographyModel model, Random random, int uniform, int vertices, int midpoints)
    {
        var env = model.City.EnvelopeInternal;
        var cells = model.Grids.Values.ToList();
        var points = new List<(double, double, bool)>();
        for (var i = 0; i < uniform; i++)
            points.Add((env.MinY + random.NextDouble() * env.Height, env.MinX + random.NextDouble() * env.Width, false));
        for (var i = 0; i < vertices + midpoints; i++)
        {
            var cell = cells[random.Next(cells.Count)].Polygon;
            var ring = ((Polygon)(cell is MultiPolygon m ? m.GetGeometryN(0) : cell)).ExteriorRing.Coordinates;
            var k = random.Next(ring.Length - 1);
            var (a, b) = (ring[k], ring[k + 1]);
            points.Add(i < vertices ? (a.Y, a.X, true) : ((a.Y + b.Y) / 2, (a.X + b.X) / 2, false));
        }
        return points;
    }
}
