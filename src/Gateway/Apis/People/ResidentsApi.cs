using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Gateway.Apis.People;

/// <summary>Special-needs residents (特殊群体), scoped to the caller's grids or region, personal data masked and audited.</summary>
public static class ResidentsApi
{
    internal static readonly string[] PeopleRoles = [Roles.Worker, Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/residents").WithTags("Residents");
        // Staff search and write; a resident also reads their own record and visits (the access rules allow only their own).
        string[] readers = [.. PeopleRoles, Roles.Resident];
        api.MapGet("/", SearchResidents).WithName("SearchResidents").WithSummary("Search residents in your scope by name, need, grid or region (paged).")
            .RequireAuthorization(p => p.RequireRole(PeopleRoles));
        api.MapGet("/{id}", GetResident).WithName("GetResident").WithSummary("A resident, with ID number, phones and address masked unless your role needs them (a resident sees their own in full).")
            .RequireAuthorization(p => p.RequireRole(readers));
        api.MapPost("/", CreateResident).WithName("CreateResident").WithSummary("Register a resident; the home location picks the grid. Send Idempotency-Key when retrying.")
            .RequireAuthorization(p => p.RequireRole(PeopleRoles));
        api.MapPut("/{id}", UpdateResident).WithName("UpdateResident").WithSummary("Replace a resident's record (If-Match required).")
            .RequireAuthorization(p => p.RequireRole(PeopleRoles));
        api.MapGet("/{id}/visits", GetVisits).WithName("GetResidentVisits").WithSummary("A resident's visit history, newest first (paged).")
            .RequireAuthorization(p => p.RequireRole(readers));
        api.MapPost("/{id}/visits", AddVisit).WithName("AddResidentVisit").WithSummary("Record a visit to a resident.")
            .RequireAuthorization(p => p.RequireRole(PeopleRoles));
        return api;
    }

    public static async Task<Results<Ok<Page<ResidentSummaryDto>>, ValidationProblem>> SearchResidents(
        ClaimsPrincipal user, [AsParameters] PeopleServices s, string? name, string? need, string? grid, string? region,
        int pageIndex = 0, int pageSize = 20)
    {
        var caller = await s.Access.CallerAsync();
        var errors = Directories.CheckPaging(pageIndex, pageSize);
        Need? needed = null;
        if (need is not null)
        {
            if (Enum.TryParse<Need>(need, out var n) && Enum.IsDefined(n)) needed = n;
            else errors["need"] = [$"'{need}' is not a need; use {string.Join(", ", Enum.GetNames<Need>())}."];
        }
        var scope = caller.SearchRegion(region);
        if (!RegionCodes.IsValid(scope)) errors["region"] = ["Use a 12-digit region code."];
        if (grid is not null && (grid.Length < 16 || !RegionCodes.IsValid(grid[..12]))) errors["grid"] = ["Use a grid id like 421202001001-G01."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        // A worker searches within the grids they serve (the results are filtered to them); others within their region.
        var searchable = caller.Role == Roles.Worker
            ? caller.Contains(scope) || caller.ServedGrids.Any(g => RegionCodes.Contains(scope, g))
            : AccessRules.Allows(caller, Act.Read, new Target(Kind.Resident, scope));
        if (!searchable || (grid is not null && !AccessRules.Allows(caller, Act.Read, new Target(Kind.Resident, grid[..12], Grid: grid))))
            throw new ForbiddenException("You may search only the residents of the grids or region you serve.");

        IReadOnlyList<string> villages = grid is not null ? (RegionCodes.Contains(scope, grid) ? [grid[..12]] : [])
            : caller.Role == Roles.Worker ? [.. caller.ServedGrids.Where(g => RegionCodes.Contains(scope, g)).Select(g => g[..12]).Distinct()]
            : await Directories.VillagesUnderAsync(s.Grains, scope);
        var lists = await Task.WhenAll(villages.Select(async v => (Village: v, Residents: await s.Directory(v).GetResidentsAsync())));
        var hits = lists.SelectMany(l => l.Residents.Select(r => (l.Village, Resident: r)))
            .Where(x => AccessRules.Allows(caller, Act.Read, new Target(Kind.Resident, x.Village, Owner: x.Resident.Id, Grid: x.Resident.GridId)))
            .Where(x => string.IsNullOrWhiteSpace(name) || x.Resident.Name.Contains(name.Trim(), StringComparison.Ordinal))
            .Where(x => needed is null || x.Resident.Needs.Contains(needed.Value))
            .Where(x => grid is null || x.Resident.GridId == grid)
            .OrderBy(x => x.Resident.Id, StringComparer.Ordinal)
            .Select(x => x.Resident.ToDto(x.Village));
        var page = Directories.Paged(hits, pageIndex, pageSize);
        await s.Audit.WriteAsync(caller.Actor, "resident.search", "region", scope, scope,
            $"{page.Total} matches; filters:{(name is null ? "" : " name")}{(need is null ? "" : " need")}{(grid is null ? "" : " grid=" + grid)}");
        return TypedResults.Ok(page);
    }

    public static async Task<Ok<ResidentDto>> GetResident(string id, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response)
    {
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        var dto = current.Value.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, "resident.read", "resident", id, current.Value.VillageCode, Clear(dto));
        response.Headers.ETag = HttpConcurrency.ETag(current.Version);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<Created<ResidentDto>, ValidationProblem>> CreateResident(
        ResidentRequest request, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey)
    {
        var errors = PeopleValidation.Check(request, out var needs);
        Preconditions.CheckIdempotencyKey(idempotencyKey, errors);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        if (await s.LocateAsync(request.HomeLat, request.HomeLng) is not { } home) return OutsideCity();
        await s.Access.RequireAsync(Act.Change, new Target(Kind.Resident, home.Village.Code), $"You may not register residents in {home.Village.Name} ({home.Village.Code}).");

        var (saved, created) = await ResidentWrites.CreateAsync(s, caller, request, needs, home, idempotencyKey is null ? null : $"{caller.UserName}:{idempotencyKey}");
        var (id, profile) = (saved.Value.Id, saved.Value);
        var dto = profile.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, created ? "resident.create" : "resident.create.replay", "resident", id, profile.VillageCode,
            created ? $"grid {profile.GridId}; {Clear(dto)}" : Clear(dto));
        response.Headers.ETag = HttpConcurrency.ETag(saved.Version);
        return TypedResults.Created($"/api/residents/{id}", dto);
    }

    public static async Task<Results<Ok<ResidentDto>, ValidationProblem, ProblemHttpResult>> UpdateResident(
        string id, ResidentRequest request, ClaimsPrincipal user, [AsParameters] PeopleServices s, HttpResponse response,
        [FromHeader(Name = "If-Match")] string? ifMatch)
    {
        if (Preconditions.Parse(ifMatch) is not { } ifVersion) return Preconditions.Required();
        var errors = PeopleValidation.Check(request, out var needs);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        await s.Access.RequireAsync(Act.Change, current.Value.Target(), "You may read this resident but not change the record.");
        if (ifVersion != current.Version) return Preconditions.Stale();
        if (await s.LocateAsync(request.HomeLat, request.HomeLng) is not { } home) return OutsideCity();
        await s.Access.RequireAsync(Act.Change, new Target(Kind.Resident, home.Village.Code), $"The new home lies in {home.Village.Name}, outside your region.");

        var profile = ResidentWrites.Profile(id, request, needs, home, current.Value, caller, s.UtcNow);
        var version = await s.Grains.GetGrain<IResidentGrain>(id).SaveAsync(profile, ifVersion);
        var dto = profile.ToDto(caller);
        await s.Audit.WriteAsync(caller.Actor, "resident.update", "resident", id, profile.VillageCode, $"{ResidentWrites.ChangedFields(current.Value, profile)}; {Clear(dto)}");
        response.Headers.ETag = HttpConcurrency.ETag(version);
        return TypedResults.Ok(dto);
    }

    public static async Task<Results<Ok<Page<VisitDto>>, ValidationProblem>> GetVisits(
        string id, ClaimsPrincipal user, [AsParameters] PeopleServices s, int pageIndex = 0, int pageSize = 20)
    {
        var errors = Directories.CheckPaging(pageIndex, pageSize);
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        var visits = await s.Grains.GetGrain<IResidentGrain>(id).GetVisitsAsync();
        await s.Audit.WriteAsync(caller.Actor, "resident.visits.read", "resident", id, current.Value.VillageCode, $"{visits.Count} visits");
        return TypedResults.Ok(Directories.Paged(visits.OrderByDescending(v => v.AtUtc).Select(v => v.ToDto()), pageIndex, pageSize));
    }

    public static async Task<Results<Created<VisitDto>, ValidationProblem>> AddVisit(
        string id, VisitRequest request, ClaimsPrincipal user, [AsParameters] PeopleServices s)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Kind) || request.Kind.Length > 50) errors["kind"] = ["Say what kind of visit it was (1–50 characters), e.g. care-visit."];
        if (request.Note is { Length: > 500 }) errors["note"] = ["Keep the note under 500 characters."];
        var at = request.At?.UtcDateTime ?? s.UtcNow;
        if (at > s.UtcNow.AddMinutes(5)) errors["at"] = ["A visit cannot be recorded in the future."];
        if (errors.Count > 0) return Problems.Invalid(errors);
        var caller = await s.Access.CallerAsync();
        var current = await LoadVisibleAsync(id, s);
        var visit = new VisitRecord(at, caller.SubjectId ?? caller.UserName, request.Kind.Trim(), request.Note?.Trim());
        await s.Grains.GetGrain<IResidentGrain>(id).AddVisitAsync(visit);
        await s.Audit.WriteAsync(caller.Actor, "resident.visit.add", "resident", id, current.Value.VillageCode, visit.Kind);
        return TypedResults.Created($"/api/residents/{id}/visits", visit.ToDto());
    }

    /// <summary>The resident, or 404 / 403; an unknown id outside the caller's region is 403 too, so ids cannot be probed.</summary>
    private static async Task<Versioned<ResidentProfile>> LoadVisibleAsync(string id, PeopleServices s)
    {
        var found = await s.Grains.GetGrain<IResidentGrain>(id).GetVersionedAsync() ?? throw s.Access.Missing(id, "resident");
        await s.Access.RequireAsync(Act.Read, found.Value.Target());
        return found;
    }

    private static ValidationProblem OutsideCity() =>
        Problems.Invalid("homeLat", "The home location lies outside every grid of the city; check latitude and longitude (WGS84 degrees).");

    private static string Clear(ResidentDto dto) =>
        $"clear: {(dto.IdNumberMasked ? "" : "idNumber ")}{(dto.PhoneMasked ? "" : "phones address")}".TrimEnd();
}
