using Grid.Gateway.Security.Access;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Grains.Audit;
using Grid.Grains.Boundaries;
using Grid.Grains.Common;
using Grid.Grains.Geography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NetTopologySuite.IO;

namespace Grid.Gateway.Apis.Boundaries;

/// <summary>Move a grid to another village or redraw it: a dry run first, then an apply that moves exactly what the dry run listed.</summary>
public static class BoundaryChangesApi
{
    public static RouteGroupBuilder MapBoundaryChangesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/boundary-changes").WithTags("Boundary changes")
            .RequireAuthorization(p => p.RequireRole(Roles.Coordinator, Roles.Admin));
        api.MapPost("/", PlanBoundaryChange).WithName("PlanBoundaryChange")
            .WithSummary("Dry run: plan moving or redrawing a grid and list the residents, workers and open tasks that would move. Nothing moves yet.");
        api.MapGet("/{id}", GetBoundaryChange).WithName("GetBoundaryChange").WithSummary("A boundary change: its plan and status.");
        api.MapPost("/{id}/apply", ApplyBoundaryChange).WithName("ApplyBoundaryChange")
            .WithSummary("Apply the planned change: moves exactly the listed people and tasks, and the locate index follows (If-Match optional).");
        return api;
    }

    public static async Task<Results<Created<BoundaryChangeDto>, ValidationProblem>> PlanBoundaryChange(
        BoundaryChangeRequest request, ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpResponse response,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.GridId) || request.GridId.Length < 16 || !RegionCodes.IsValid(request.GridId[..12]))
            errors["gridId"] = ["Give the id of the grid to change, e.g. 421202001001-G03."];
        if (request.TargetVillageCode is { } target && (!RegionCodes.IsValid(target) || RegionCodes.LevelOf(target) != RegionLevel.Village))
            errors["targetVillageCode"] = ["Give the 12-digit code of the village or community the grid moves to."];
        string? wkt = null;
        if (request.Geometry is { ValueKind: not JsonValueKind.Null } geometry)
        {
            try { wkt = Wkt.Write(Grid.Geo.GeoJson.ParseGeometry(geometry.GetRawText())); }
            catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
            { errors["geometry"] = ["Send the new outline as a GeoJSON Polygon (WGS84 lng, lat): " + e.Message]; }
        }
        Preconditions.CheckIdempotencyKey(idempotencyKey, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        // Both villages are the caller's to change before anything is planned (the grain checks again on the plan).
        var from = request.GridId[..12];
        await RequireBothAsync(access, from, request.TargetVillageCode ?? from);

        var id = idempotencyKey is null ? Guid.CreateVersion7().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{user.UserName()}\n{idempotencyKey}")))[..32];
        var info = await grains.GetGrain<IBoundaryChangeGrain>(id).PlanAsync(
            new BoundaryEdit(request.GridId, request.TargetVillageCode, wkt), new AuditActor(user.UserName(), user.Role() ?? ""), user.RegionCode());
        response.Headers.ETag = HttpConcurrency.ETag(info.Version);
        return TypedResults.Created($"/api/boundary-changes/{id}", ToDto(info));
    }

    public static async Task<Ok<BoundaryChangeDto>> GetBoundaryChange(string id, AccessService access, IGrainFactory grains, HttpResponse response)
    {
        var info = await LoadAsync(id, access, grains);
        response.Headers.ETag = HttpConcurrency.ETag(info.Version);
        return TypedResults.Ok(ToDto(info));
    }

    public static async Task<Results<Ok<BoundaryChangeDto>, ProblemHttpResult>> ApplyBoundaryChange(
        string id, ClaimsPrincipal user, AccessService access, IGrainFactory grains, HttpResponse response, [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        var version = Preconditions.Parse(ifMatch);
        if (version == -1) return Preconditions.Stale();
        await LoadAsync(id, access, grains);
        var info = await grains.GetGrain<IBoundaryChangeGrain>(id).ApplyAsync(new AuditActor(user.UserName(), user.Role() ?? ""), version);
        response.Headers.ETag = HttpConcurrency.ETag(info.Version);
        return TypedResults.Ok(ToDto(info));
    }

    private static async Task<BoundaryChangeInfo> LoadAsync(string id, AccessService access, IGrainFactory grains)
    {
        if (id.Length is < 1 or > 64 || !id.All(char.IsAsciiLetterOrDigit)) throw new NotFoundException($"No boundary change has the id {id}.");
        var info = await grains.GetGrain<IBoundaryChangeGrain>(id).GetAsync() ?? throw new NotFoundException($"No boundary change has the id {id}.");
        await RequireBothAsync(access, info.Plan.Impact.FromVillageCode, info.Plan.Impact.ToVillageCode);
        return info;
    }

    private static async Task RequireBothAsync(AccessService access, string fromVillage, string toVillage)
    {
        const string refusal = "A boundary change concerns the grid's village and the target village: both must lie inside your region.";
        await access.RequireAsync(Act.Change, new Target(Kind.Region, fromVillage), refusal);
        await access.RequireAsync(Act.Change, new Target(Kind.Region, toVillage), refusal);
    }

    private static BoundaryChangeDto ToDto(BoundaryChangeInfo info)
    {
        var p = info.Plan;
        var i = p.Impact;
        var shanghai = TimeSpan.FromHours(8);
        return new BoundaryChangeDto(info.Id, info.Status.ToString(), i.GridId, i.NewGridId, i.FromVillageCode, i.ToVillageCode,
            i.NewGridId == i.GridId,
            [.. p.Residents.Select(r => new ResidentMoveDto(r.ResidentId, r.FromGridId, r.ToGridId, r.FromVillageCode, r.ToVillageCode))],
            [.. p.Workers.Select(w => new WorkerMoveDto(w.WorkerId, w.Kind.ToString(), w.FromVillageCode, w.ToVillageCode))],
            [.. p.Tasks.Select(t => new BoundaryTaskMoveDto(t.TaskId, t.FromGridId, t.ToGridId))],
            p.UnplacedResidents,
            new DateTimeOffset(info.PlannedAtUtc, TimeSpan.Zero).ToOffset(shanghai),
            info.AppliedAtUtc is { } a ? new DateTimeOffset(a, TimeSpan.Zero).ToOffset(shanghai) : null, info.RequestedBy);
    }
}
