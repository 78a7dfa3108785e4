using System.Net.Http.Json;
using Grid.Geo;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Regions.Tests;

/// <summary>
/// Where the demo accounts sit and who lives there: V1 is the center's village (first of 温泉街道),
/// whose grid G01 the worker serves; Other is a village of another township of 咸安区.
/// </summary>
public sealed record Places(GeographyModel Model, string V1, string Other, ResidentSummary InWorkerGrid, ResidentSummary InV1OtherGrid, ResidentSummary InOther)
{
    public const string Township = "421202001000";

    public static async Task<Places> LoadAsync(GatewayFactory gateway)
    {
        var model = await gateway.Services.GetRequiredService<GeographySource>().GetAsync();
        var villages = model.Divisions.Values.Where(d => d.Level == DivisionLevel.Village && d.CountyCode == "421202").Select(d => d.Code12).Order(StringComparer.Ordinal).ToList();
        var v1 = villages.First(v => v.StartsWith("421202001", StringComparison.Ordinal));
        var other = villages.First(v => !v.StartsWith("421202001", StringComparison.Ordinal));
        var grains = Grains(gateway);
        var v1Residents = await grains.GetGrain<IVillageDirectoryGrain>(v1).GetResidentsAsync();
        var otherResidents = await grains.GetGrain<IVillageDirectoryGrain>(other).GetResidentsAsync();
        return new Places(model, v1, other,
            // Not R001: the demo resident lives in G01 too, and reads their own record (DemoStoryTests); here W is a neighbour.
            v1Residents.First(r => r.GridId == v1 + "-G01" && r.Id != v1 + "-R001"), v1Residents.First(r => r.GridId != v1 + "-G01"), otherResidents.First());
    }

    public static IGrainFactory Grains(GatewayFactory gateway) => gateway.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A point strictly inside a grid (lat, lng).</summary>
    public (double Lat, double Lng) Inside(string gridId) => (Model.RepresentativePoints[gridId].Y, Model.RepresentativePoints[gridId].X);
}

public static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;

    public static HttpRequestMessage WithIfMatch(this HttpRequestMessage request, string? etag)
    {
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
