using System.Security.Claims;
using Grid.Contracts;
using Grid.Grains.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Due care visits, for a scheduler (or a coordinator) to call daily; calling again the same day creates nothing new.</summary>
public static class CareVisitsApi
{
    public static RouteGroupBuilder MapCareVisitsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/care-visits").WithTags("Care visits")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapPost("/generate", GenerateCareVisits).WithName("GenerateCareVisits")
            .WithSummary("Create the care visits due in a region (default: the caller's) for a day (default: today, Shanghai); they join the task flow.");
        return api;
    }

    public static async Task<Ok<CareVisitRunDto>> GenerateCareVisits(
        ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, string? region = null, DateOnly? date = null)
    {
        var scope = TasksApi.Scope(user, region);
        var day = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        var villages = await RegionBoards.VillagesOfAsync(grains, scope);
        var created = await Task.WhenAll(villages.Select(v => grains.GetGrain<ICareVisitGrain>(v).GenerateAsync(day)));
        return TypedResults.Ok(new CareVisitRunDto(scope, day, villages.Count, created.SelectMany(c => c).ToList()));
    }
}
