using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Regions;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.IO;

namespace Grid.Gateway.Apis.Regions;

public static class RegionsApi
{
    public const string Attribution = "Division codes and names: National Bureau of Statistics (2023). Boundaries are SYNTHETIC (generated), not official.";

    public static RouteGroupBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions").AllowAnonymous();
        api.MapGet("/{code}", GetRegion).WithName("GetRegion").WithSummary("A region with its synthetic boundary (GeoJSON).");
        api.MapGet("/{code}/children", GetChildren).WithName("GetRegionChildren").WithSummary("The child regions of a region.");
        return api;
    }

    public static async Task<Results<Ok<RegionDetailDto>, ProblemHttpResult, ValidationProblem>> GetRegion(
        string code, IGrainFactory grains)
    {
        if (RegionScope.InvalidCode(code) is { } invalid) return invalid;
        var detail = await grains.GetGrain<IRegionGrain>(code).GetAsync();
        if (detail is null) return RegionNotFound(code);
        object? geometry = detail.GeometryWkt is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(new WKTReader().Read(detail.GeometryWkt), Grid.Geo.GeoJson.Options);
        return TypedResults.Ok(new RegionDetailDto(detail.Info.ToDto(), geometry, detail.GeometryIsSynthetic, Attribution));
    }

    public static async Task<Results<Ok<IReadOnlyList<RegionDto>>, ProblemHttpResult, ValidationProblem>> GetChildren(
        string code, IGrainFactory grains)
    {
        if (RegionScope.InvalidCode(code) is { } invalid) return invalid;
        var region = grains.GetGrain<IRegionGrain>(code);
        if (await region.GetAsync() is null) return RegionNotFound(code);
        var children = await region.GetChildrenAsync();
        return TypedResults.Ok<IReadOnlyList<RegionDto>>(children.Select(c => c.ToDto()).ToList());
    }

    internal static ProblemHttpResult RegionNotFound(string code) =>
        Problems.NotFound($"No region has the code {code}.", "Region not found.");

    public static RegionDto ToDto(this RegionInfo r) =>
        new(r.Code, r.Name, r.Level, r.ParentCode, r.Kind is { } k ? k : null, r.ChildCount);
}
