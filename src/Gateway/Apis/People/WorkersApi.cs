using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.People;

/// <summary>Grid workers, party cadres, community workers and volunteers, scoped like residents.</summary>
public static class WorkersApi
{
    public static RouteGroupBuilder MapWorkersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workers").WithTags("Workers").RequireAuthorization(p => p.RequireRole(ResidentsApi.PeopleRoles));
        api.MapGet("/", SearchWorkers).WithName("SearchWorkers").WithSummary("Search workers in your scope by name, role, grid or region (paged).");
        api.MapGet("/{id}", GetWorker).WithName("GetWorker").WithSummary("A worker: grids served with dates, skills, capacity, hours; phone masked unless your role needs it.");
        api.MapPost("/", CreateWorker).WithName("CreateWorker").WithSummary("Register a worker in a village. Send Idempotency-Key when retrying.");
        api.MapPut("/{id}", UpdateWorker).WithName("UpdateWorker").WithSummary("Replace a worker's record (If-Match required).");
        return api;
    }

    public static async Task<Results<Ok<Page<WorkerSummaryDto>>, ValidationProblem>> SearchWorkers(
        ClaimsPrincipal user, [AsParameters] PeopleServices s, string? name, string? role, string? grid, string? region,
        int pageIndex = 0, int pageSize = 20)
    {
        var caller = await s.Access.CallerAsync();
        var errors = Directories.CheckPaging(pageIndex, pageSize);
        WorkerRole? wanted = null;
        if (role is not null)
        {
            if (Enum.TryParse<WorkerRole>(role, out var r) && Enum.IsDefined(r)) wanted = r;
            else errors["role"] = [$"'{role}' is not a worker role; use {string.Join(", ", Enum.GetNames<WorkerRole>())}."];
        }
        var scope = caller.SearchRegion(region);
        if (!RegionCodes.IsValid(scope)) errors["region"] = ["Use a 12-digit region code."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        // Workers see the colleagues of their own village; the others their region.
        if (!AccessRules.Allows(caller, Act.Read, new Target(Kind.Worker, scope)))
            throw new ForbiddenException("You may search only the workers of your own region.");

        var villages = await Directories.VillagesUnderAsync(s.Grains, scope);
        var lists = await Task.WhenAll(villages.Select(async v => (Village: v, Workers: await s.Directory(v).GetWorkersAsync())));
        var hits = lists.SelectMany(l => l.Workers.Select(w => w.ToDto(l.Village)))
            .Where(w => string.IsNullOrWhiteSpace(name) || w.Name.Contains(name.Trim(), StringComparison.Ordinal))
            .Where(w => wanted is null || w.Role == wanted.ToString())
            .Where(w => grid is null || w.GridIds.Contains(grid))
            .OrderBy(w => w.Id, StringComparer.Ordinal);
        var page = Directories.Paged(hits, pageIndex, pageSize);
        await s.Audit.WriteAsync(caller.Actor, "worker.search", "region", scope, scope, $"{page.Total} matches");
        return TypedResults.Ok(page);
    }

    public static async Task<Ok<WorkerDto>> GetWorker(string id, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response)
    {
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        var dto = current.Value.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, "worker.read", "worker", id, current.Value.VillageCode, Clear(dto));
        response.Headers.ETag = HttpConcurrency.ETag(current.Version);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<Created<WorkerDto>, ValidationProblem>> CreateWorker(
        WorkerRequest request, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = PeopleValidation.Check(request, out var role, out var start, out var end);
        Preconditions.CheckIdempotencyKey(idempotencyKey, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        await s.Access.RequireAsync(Act.Change, new Target(Kind.Worker, request.VillageCode), $"You may not register workers in {request.VillageCode}.");
        if (await UnknownGridsAsync(request, s) is { } unknown) return unknown;

        var id = await s.Directory(request.VillageCode).AllocateIdAsync(PersonKind.Worker, idempotencyKey is null ? null : $"{caller.UserName}:{idempotencyKey}");
        var grain = s.Grains.GetGrain<IWorkerGrain>(id);
        if (await grain.GetVersionedAsync() is { } replay)
        {
            // A retry: the first try may have stopped between saving and filing; filing again is idempotent.
            await grain.EnsureFiledAsync();
            var again = replay.Value.ToDto(caller);
            await s.Audit.WriteAsync(caller.Actor, "worker.create.replay", "worker", id, replay.Value.VillageCode, Clear(again));
            response.Headers.ETag = HttpConcurrency.ETag(replay.Version);
            return TypedResults.Created($"/api/workers/{id}", again);
        }
        var profile = Profile(id, request, role, start, end);
        // The grain files the worker into today's grid cells and the directory (an outbox saved with it).
        var version = await grain.SaveAsync(profile, null);
        var dto = profile.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, "worker.create", "worker", id, profile.VillageCode, Clear(dto));
        response.Headers.ETag = HttpConcurrency.ETag(version);
        return TypedResults.Created($"/api/workers/{id}", dto);
    }

    public static async Task<Results<Ok<WorkerDto>, ValidationProblem, ProblemHttpResult>> UpdateWorker(
        string id, WorkerRequest request, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        if (Preconditions.Parse(ifMatch) is not { } ifVersion) return Preconditions.Required();
        var errors = PeopleValidation.Check(request, out var role, out var start, out var end);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        if (!AccessRules.Allows(caller, Act.Change, current.Value.Target()) || !AccessRules.Allows(caller, Act.Change, new Target(Kind.Worker, request.VillageCode)))
            throw new ForbiddenException("You may read this worker but not change the record.");
        if (ifVersion != current.Version) return Preconditions.Stale();
        if (await UnknownGridsAsync(request, s) is { } unknown) return unknown;

        var profile = Profile(id, request, role, start, end);
        var version = await s.Grains.GetGrain<IWorkerGrain>(id).SaveAsync(profile, ifVersion);
        var dto = profile.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, "worker.update", "worker", id, profile.VillageCode, Clear(dto));
        response.Headers.ETag = HttpConcurrency.ETag(version);
        return TypedResults.Ok(dto);
    }

    private static WorkerProfile Profile(string id, WorkerRequest r, WorkerRole role, TimeOnly start, TimeOnly end) =>
        new(id, r.Name.Trim(), role, r.VillageCode, [.. (r.Grids ?? []).Select(g => new GridAssignment(g.GridId, g.From, g.Until))],
            [.. (r.Skills ?? []).Select(k => k.Trim()).Where(k => k.Length > 0).Distinct()], r.DailyCapacity, start, end, r.Phone, r.Active, r.Lat, r.Lng);

    private static async Task<ValidationProblem?> UnknownGridsAsync(WorkerRequest request, PeopleServices s)
    {
        var current = (await s.Grains.GetGrain<ILocateIndexGrain>(RegionCodes.City).GridsInAsync(request.VillageCode)).Select(g => g.GridId).ToHashSet();
        var unknown = (request.Grids ?? []).Select(g => g.GridId).Where(g => !current.Contains(g)).ToList();
        return unknown.Count == 0 ? null : Problems.Invalid("grids", $"{string.Join(", ", unknown)} is not a current grid of {request.VillageCode}.");
    }

    private static string Clear(WorkerDto dto) => dto.PhoneMasked ? "phone masked" : "clear: phone";

    private static async Task<Versioned<WorkerProfile>> LoadVisibleAsync(string id, PeopleServices s)
    {
        var found = await s.Grains.GetGrain<IWorkerGrain>(id).GetVersionedAsync() ?? throw s.Access.Missing(id, "worker");
        await s.Access.RequireAsync(Act.Read, found.Value.Target());
        return found;
    }
}
