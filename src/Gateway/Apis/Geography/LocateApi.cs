using Grid.Gateway.Security.Access;
using System.Globalization;
using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;

using Grid.Gateway.Apis.Common;

namespace Grid.Gateway.Apis.Geography;

/// <summary>Point → county, township, village and grid; a region's grids as GeoJSON for the coordinator map.</summary>
public static class LocateApi
{
    public static RouteGroupBuilder MapLocateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions");
        api.MapGet("/locate", Locate).WithName("LocatePoint").AllowAnonymous()
            .WithSummary("The county, township, village or community and grid of a WGS84 point (lat, lng in degrees).");
        api.MapGet("/{code}/grids", GetGrids).WithName("GetRegionGrids").RequireAuthorization()
            .WithSummary("The current grids inside a region as a GeoJSON FeatureCollection (id, name, village, worker ids).");
        return api;
    }

    public static async Task<Results<Ok<LocationDto>, ProblemHttpResult, ValidationProblem>> Locate(
        string? lat, string? lng, IGrainFactory grains)
    {
        var errors = new Dictionary<string, string[]>();
        var la = Parse(lat, "lat", -90, 90, errors);
        var lo = Parse(lng, "lng", -180, 180, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var hit = await grains.GetGrain<ILocateReplicaGrain>(RegionCodes.City).LocateAsync(la, lo);
        if (hit is null)
            return Problems.NotFound(title: "Outside the city.",
                detail: $"No grid of Xianning covers ({la.ToString(CultureInfo.InvariantCulture)}, {lo.ToString(CultureInfo.InvariantCulture)}). Coordinates are WGS84 degrees: lat first, then lng.");
        return TypedResults.Ok(new LocationDto(la, lo, Named(hit.County), Named(hit.Township), Named(hit.Village), Named(hit.Grid)));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetGrids(
        string code, AccessService access, IGrainFactory grains)
    {
        if (RegionScope.InvalidCode(code) is { } invalid) return invalid;
        // Grids are shown to those whose region holds the region asked for, or its whole county.
        if (!AccessRules.Allows(access.Token, Act.Read, new Target(Kind.Region, code, AnswerableRegion: RegionCodes.CountyOf(code))))
            return Problems.Forbidden($"{code} is outside your region.");
        var outlines = await grains.GetGrain<ILocateReplicaGrain>(RegionCodes.City).GridsInAsync(code);
        if (outlines.Count == 0)
            return Problems.NotFound($"No region with grids has the code {code}.", "No grids.");
        var cells = await Task.WhenAll(outlines.Select(o => grains.GetGrain<IGridCellGrain>(o.GridId).GetAsync()));
        
        var features = new NetTopologySuite.Features.FeatureCollection();
        for (var i = 0; i < outlines.Count; i++)
        {
            var o = outlines[i];
            features.Add(Grid.Geo.GeoJson.ToFeature(Wkt.Read(o.Wkt), [
                new("id", o.GridId), new("name", o.Name), new("villageCode", o.VillageCode),
                new("workerIds", (cells[i]?.WorkerIds ?? []).ToArray())]));
        }
        return TypedResults.Content(Grid.Geo.GeoJson.ToJson(features), "application/geo+json");
    }

    private static double Parse(string? text, string field, double min, double max, Dictionary<string, string[]> errors)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < min || value > max)
        {
            errors[field] = [$"Give {field} as a WGS84 degree between {min} and {max}, e.g. lat=29.84&lng=114.32."];
            return double.NaN;
        }
        return value;
    }

    private static NamedCode Named(CodeName c) => new(c.Code, c.Name);
}
