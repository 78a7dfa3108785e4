using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Open workload per worker, grid, village and township, and rebalancing of a region.</summary>
public static class WorkloadsApi
{
    public static RouteGroupBuilder MapWorkloadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/workloads").WithTags("Workloads")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapGet("/", GetWorkloads).WithName("GetWorkloads")
            .WithSummary("Open tasks per worker, grid, village and township in a region (default: the caller's).");
        api.MapPost("/rebalance", Rebalance).WithName("Rebalance")
            .WithSummary("Suggest (dryRun) or apply task moves that bring the busiest worker's load down while keeping familiar pairs; grid hand-overs come as a separate proposal.");
        return api;
    }

    public static async Task<Ok<WorkloadDto>> GetWorkloads(AccessService access, IGrainFactory grains, TimeProvider clock, string? region = null)
    {
        var scope = access.Scope(region);
        var villages = await RegionBoards.VillagesOfAsync(grains, scope);
        var tasks = await RegionBoards.OpenTasksAsync(grains, villages);
        var workers = await RegionBoards.WorkersAsync(grains, villages);
        return TypedResults.Ok(WorkloadTable.Build(scope, workers, tasks, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
    }

    public static async Task<Ok<RebalanceResultDto>> Rebalance(
        RebalanceRequestDto body, ClaimsPrincipal user, AccessService access, IGrainFactory grains, IAuditLog audit, TimeProvider clock)
    {
        var scope = access.Scope(body.Region, body.DryRun ? Act.Read : Act.Change);
        var maxMoves = body.MaxMoves ?? 50;
        if (maxMoves is < 1 or > 500) throw Grid.Grains.Common.ValidationException.For("maxMoves", "Move 1–500 tasks at a time.");
        var now = clock.GetUtcNow().UtcDateTime;
        var villages = await RegionBoards.VillagesOfAsync(grains, scope);
        var open = await RegionBoards.OpenTasksAsync(grains, villages);
        var profiles = await RegionBoards.WorkersAsync(grains, villages);
        var workers = profiles.Where(p => p.Active).Select(p => new BalanceWorker(p.Id, p.VillageCode,
            CandidateGrids(p, now), p.Skills, p.DailyCapacity, p.Lat, p.Lng)).ToList();
        var tasks = await BalanceTasksAsync(grains, open.Where(t => t.WorkerId is not null).ToList());
        var plan = Rebalancer.Plan(workers, tasks, maxMoves);
        var grid = GridRebalancer.Propose(workers, tasks);
        var moves = plan.Moves.Select(m => new TaskMoveDto(m.TaskId, m.FromWorkerId, m.ToWorkerId, m.Reason)).ToList();
        if (!body.DryRun)
        {
            var run = Guid.NewGuid().ToString("N");
            for (var i = 0; i < moves.Count; i++) moves[i] = moves[i] with { Result = await ApplyAsync(grains, user, run, moves[i]) };
            await audit.WriteAsync(new AuditActor(user.UserName(), user.Role() ?? "User"), "workload.rebalance", "region", scope, scope,
                $"run={run} moves={moves.Count(m => m.Result == "applied")}/{moves.Count}");
        }
        return TypedResults.Ok(new RebalanceResultDto(scope, body.DryRun, moves, Metrics(plan.Before), Metrics(plan.After),
            grid.Moves.Select(g => new GridMoveDto(g.GridId, g.FromWorkerId, g.ToWorkerId, g.Tasks)).ToList(), Metrics(grid.After)));
    }

    /// <summary>Moves one task if it is still with the worker the plan saw; otherwise says why it was skipped, so nothing is lost or doubled.</summary>
    private static async Task<string> ApplyAsync(IGrainFactory grains, ClaimsPrincipal user, string run, TaskMoveDto move)
    {
        try
        {
            await grains.GetGrain<ITaskGrain>(move.TaskId).ActAsync(user.Actor(), new TaskCommand(TaskAction.Reassign,
                $"rebalance/{run}/{move.TaskId}", Reason: "rebalancing: " + move.Reason, WorkerId: move.ToWorkerId, ExpectedWorkerId: move.FromWorkerId));
            return "applied";
        }
        catch (Grid.Grains.Common.DomainException e)
        {
            return "skipped: " + e.Message;
        }
    }

    private static async Task<IReadOnlyList<BalanceTask>> BalanceTasksAsync(IGrainFactory grains, IReadOnlyList<TaskSummary> open)
    {
        var residents = open.Select(t => t.ResidentId).Distinct().ToList();
        var visits = await Task.WhenAll(residents.Select(r => grains.GetGrain<IResidentGrain>(r).GetVisitsAsync()));
        var familiar = residents.Zip(visits).ToDictionary(p => p.First, p => (IReadOnlyCollection<string>)p.Second.Select(v => v.WorkerId).ToHashSet());
        return open.Select(t => new BalanceTask(t.TaskId, t.WorkerId!, t.ResidentId, t.GridId, t.VillageCode, t.Skills, t.Lat, t.Lng,
            t.Stage is TaskStage.Offered or TaskStage.Accepted, familiar[t.ResidentId])).ToList();
    }

    private static IReadOnlyCollection<string> CandidateGrids(WorkerProfile p, DateTime now) =>
        p.Grids.Where(g => g.Until is null || g.Until > DateOnly.FromDateTime(now)).Select(g => g.GridId).ToHashSet();

    private static BalanceMetricsDto Metrics(BalanceMetrics m) =>
        new(m.MaxLoad, Math.Round(m.MeanLoad, 2), Math.Round(m.FamiliarShare, 3), m.TravelKm);
}
