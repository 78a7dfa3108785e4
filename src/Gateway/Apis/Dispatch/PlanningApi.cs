using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>The day planner over HTTP: an instance in, a plan out (docs/planning-format.md).</summary>
public static class PlanningApi
{
    public const int MaxSeconds = 30;

    public static RouteGroupBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/planning").WithTags("Planning")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapPost("/solve", Solve).WithName("SolvePlanning").Accepts<object>("application/json")
            .WithSummary("Order a day's visits per worker (grid-visits/1 instance in, grid-plan/1 plan out), searching for up to `seconds`.");
        return api;
    }

    public static async Task<ContentHttpResult> Solve(HttpRequest request, double seconds = 5, CancellationToken ct = default)
    {
        if (seconds is < 0.1 or > MaxSeconds) throw ValidationException.For("seconds", $"Search for 0.1–{MaxSeconds} seconds.");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        PlanningInstance instance;
        try { instance = PlanJson.ReadInstance(body); }
        catch (PlanningFormatException e) { throw ValidationException.For("instance", e.Message); }
        // The search is CPU-bound; keep it off the request thread's synchronisation context.
        var plan = await Task.Run(() => VisitPlanner.Solve(instance, TimeSpan.FromSeconds(seconds)), ct);
        return TypedResults.Content(PlanJson.Write(plan), "application/json");
    }
}
