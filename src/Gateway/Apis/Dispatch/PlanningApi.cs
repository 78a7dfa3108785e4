using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using System.Security.Claims;
using Grid.Gateway.Hosting;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Dispatch;
using Grid.Grains.Common;
using Grid.Planning;
using Grid.Planning.Explaining;
using Grid.Planning.Replanning;
using Grid.Planning.Weekly;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>
/// The day planner over HTTP: an instance in, a plan out, and urgent re-planning of a running day
/// (docs/planning-format.md). The solver runs in the gateway process and its distance matrix grows
/// with the square of the points (up to 128 MiB), so requests are capped (Grid:Planning): a body or
/// an instance over the caps is 413, a solve while
/// <see cref="PlanningLimits.MaxConcurrentSolves"/> run is 429 with Retry-After.
/// </summary>
public static class PlanningApi
{
    public const int MaxSeconds = 30;

    public static IServiceCollection AddGridPlanning(this IServiceCollection services, PlanningLimits limits) =>
        services.AddSingleton(new PlanningGate(limits));

    public static RouteGroupBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/planning").WithTags("Planning")
            .RequireAuthorization(p => p.RequireRole(Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapPost("/solve", Solve).WithName("SolvePlanning").Accepts<object>("application/json")
            .ProducesProblem(413).ProducesProblem(429)
            .WithSummary("Order a day's visits per worker (grid-visits/1 instance in, grid-plan/1 plan out), searching for up to `seconds`. Capped in visits, workers, body size and concurrent solves.");
        api.MapPost("/replan", Replan).WithName("ReplanPlanning").Accepts<object>("application/json")
            .ProducesProblem(413).ProducesProblem(429)
            .WithSummary("Insert an urgent visit into a running day with the least disruption: {instance, plan, now \"HH:mm\", urgent visit} in, grid-replan/1 out (worker, disruption, plans before and after). Visits started before `now` stay pinned; answers within about 1 s.");
        api.MapPost("/explain", Explain).WithName("ExplainPlanning").Accepts<object>("application/json")
            .ProducesProblem(413).ProducesProblem(429)
            .WithSummary("Explain a plan visit by visit: {instance, plan} in, grid-explain/1 out (each visit's cost where it is and the cheapest other feasible places with their extra cost).");
        api.MapPost("/week", Week).WithName("PlanWeek").Accepts<object>("application/json")
            .ProducesProblem(413).ProducesProblem(429)
            .WithSummary("Plan a week of care visits in one call: grid-week/1 in (workers with their days, residents' weekly/fortnightly/monthly needs with allowed days and familiar worker), grid-week-plan/1 out (a grid-plan/1 per day, needs not due, needs no day could take). `seconds` (0.1–30) is the whole week's search. Capped as solve.");
        api.MapGet("/villages/{code}/today", VillageToday).WithName("VillageDayInstance")
            .WithSummary("A village's open work today as a grid-visits/1 instance: its active workers from now to the end of their shifts and every open task on its board as a visit (accepted ones committed to their worker). `from` (HH:mm) plans from that time of today instead of now. Feed it to /solve, and keep it for /replan when a new urgent task appears. Carries residents' home positions: audited.");
        api.MapGet("/example", Example).WithName("ExamplePlanningDay")
            .WithSummary("A generated example day (grid-visits/1): `visits` visits (2–200) and `workers` workers (1–40) around 咸宁 (InstanceGenerator, the benchmarks' generated days); the coordinator's day-plan page starts from it.");
        return api;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Week(
        HttpRequest request, PlanningGate gate, HttpResponse response, double seconds = 7, CancellationToken ct = default)
    {
        if (!double.IsFinite(seconds) || seconds is < 0.1 or > MaxSeconds) throw ValidationException.For("seconds", $"Search for 0.1–{MaxSeconds} seconds.");
        var (body, tooLarge) = await ReadCappedAsync(request, gate.Limits, ct);
        if (tooLarge is not null) return tooLarge;
        WeekInstance week;
        try { week = WeekJson.Read(body!); }
        catch (PlanningFormatException e) { throw ValidationException.For("week", e.Message); }
        var size = week.Needs.Count > gate.Limits.MaxVisits ? TooLarge($"The week has {week.Needs.Count} care needs; at most {gate.Limits.MaxVisits} are planned at once.")
            : week.Workers.Count > gate.Limits.MaxWorkers ? TooLarge($"The week has {week.Workers.Count} workers; at most {gate.Limits.MaxWorkers} are planned at once.")
            : null;
        return size ?? await RunGatedAsync(gate, response, seconds, () => WeekJson.Write(week, WeekPlanner.Plan(week, TimeSpan.FromSeconds(seconds))), ct);
    }

    public static async Task<ContentHttpResult> VillageToday(string code, AccessService access, IGrainFactory grains, IAuditLog audit, TimeProvider clock, ClaimsPrincipal user, string? from = null)
    {
        int? start = null;
        if (from is not null)
            start = TimeOnly.TryParseExact(from.Trim(), "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t)
                ? t.Hour * 60 + t.Minute : throw ValidationException.For("from", $"'{from}' is not a time of day; use HH:mm.");
        var village = access.Scope(code, Act.Read, "code");
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw ValidationException.For("code", $"{village} is not a village or community; a day is planned per village.");
        var board = await grains.GetGrain<IVillageTasksGrain>(village).ListAsync();
        var workers = await RegionBoards.WorkersAsync(grains, [village]);
        var day = VillageDay.Build(village, board, workers, clock.GetUtcNow().UtcDateTime, start);
        await audit.WriteAsync(new AuditActor(user.UserName(), user.Role() ?? "User"), "planning.day.read", "village", village, village,
            $"visits={day.Visits.Count} workers={day.Workers.Count}");
        return TypedResults.Content(PlanJson.WriteInstance(day), "application/json");
    }

    public static ContentHttpResult Example(int visits = 40, int workers = 6, int seed = 1)
    {
        if (visits is < 2 or > 200) throw ValidationException.For("visits", "Ask for 2–200 visits.");
        if (workers is < 1 or > 40) throw ValidationException.For("workers", "Ask for 1–40 workers.");
        return TypedResults.Content(PlanJson.WriteInstance(InstanceGenerator.Generate(visits, workers, seed)), "application/json");
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Solve(
        HttpRequest request, PlanningGate gate, HttpResponse response, double seconds = 5, CancellationToken ct = default)
    {
        if (!double.IsFinite(seconds) || seconds is < 0.1 or > MaxSeconds) throw ValidationException.For("seconds", $"Search for 0.1–{MaxSeconds} seconds.");
        var (body, tooLarge) = await ReadCappedAsync(request, gate.Limits, ct);
        if (tooLarge is not null) return tooLarge;
        PlanningInstance instance;
        try { instance = PlanJson.ReadInstance(body!); }
        catch (PlanningFormatException e) { throw ValidationException.For("instance", e.Message); }
        return CheckSize(instance, gate.Limits)
            ?? await RunGatedAsync(gate, response, seconds, () => PlanJson.Write(VisitPlanner.Solve(instance, TimeSpan.FromSeconds(seconds))), ct);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Replan(
        HttpRequest request, PlanningGate gate, HttpResponse response, CancellationToken ct = default)
    {
        var (body, tooLarge) = await ReadCappedAsync(request, gate.Limits, ct);
        if (tooLarge is not null) return tooLarge;
        ReplanRequest replan;
        try { replan = ReplanJson.ReadRequest(body!); }
        catch (PlanningFormatException e) { throw ValidationException.For("request", e.Message); }
        return CheckSize(replan.Instance, gate.Limits)
            ?? await RunGatedAsync(gate, response, ReplanSeconds, () =>
            {
                try { return ReplanJson.Write(Replanner.InsertUrgent(replan.Instance, replan.Plan, replan.Now, replan.Urgent, TimeSpan.FromSeconds(ReplanSeconds))); }
                catch (PlanningFormatException e) { throw ValidationException.For("plan", e.Message); }
            }, ct);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Explain(
        HttpRequest request, PlanningGate gate, HttpResponse response, CancellationToken ct = default)
    {
        var (body, tooLarge) = await ReadCappedAsync(request, gate.Limits, ct);
        if (tooLarge is not null) return tooLarge;
        PlanningInstance instance;
        Plan plan;
        try { (instance, plan) = ExplainJson.ReadRequest(body!); }
        catch (PlanningFormatException e) { throw ValidationException.For("request", e.Message); }
        return CheckSize(instance, gate.Limits)
            ?? await RunGatedAsync(gate, response, 1, () =>
            {
                try { return ExplainJson.Write(PlanExplainer.Explain(instance, plan)); }
                catch (PlanningFormatException e) { throw ValidationException.For("plan", e.Message); }
            }, ct);
    }

    /// <summary>The re-planner's search budget; the answer comes within about this long.</summary>
    public const double ReplanSeconds = 1;

    private static async Task<(MemoryStream? Body, ProblemHttpResult? TooLarge)> ReadCappedAsync(HttpRequest request, PlanningLimits limits, CancellationToken ct)
    {
        if (request.ContentLength > limits.MaxBodyBytes) return (null, TooLarge($"The body is {request.ContentLength} bytes; at most {limits.MaxBodyBytes} are taken."));
        var body = new MemoryStream();
        if (!await CopyAtMostAsync(request.Body, body, limits.MaxBodyBytes, ct)) return (null, TooLarge($"The body is over {limits.MaxBodyBytes} bytes."));
        body.Position = 0;
        return (body, null);
    }

    private static ProblemHttpResult? CheckSize(PlanningInstance instance, PlanningLimits limits) =>
        instance.Visits.Count > limits.MaxVisits ? TooLarge($"The instance has {instance.Visits.Count} visits; at most {limits.MaxVisits} are planned at once. Split the day by grid or village.")
        : instance.Workers.Count > limits.MaxWorkers ? TooLarge($"The instance has {instance.Workers.Count} workers; at most {limits.MaxWorkers} are planned at once.")
        : null;

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> RunGatedAsync(
        PlanningGate gate, HttpResponse response, double seconds, Func<string> work, CancellationToken ct)
    {
        if (!gate.TryEnter())
        {
            response.Headers.RetryAfter = Math.Ceiling(seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(429, "Too many plans are being solved.",
                $"This gateway solves at most {gate.Limits.MaxConcurrentSolves} plans at once; retry after the Retry-After seconds.");
        }
        try
        {
            // The search is CPU-bound; keep it off the request thread's synchronisation context.
            return TypedResults.Content(await Task.Run(work, ct), "application/json");
        }
        finally { gate.Exit(); }
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        Problems.Status(413, "The planning request is too large.", detail + " (Grid:Planning caps each solve.)");

    /// <summary>Copies at most <paramref name="max"/> bytes; false when the source has more (a chunked body has no Content-Length).</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream target, long max, CancellationToken ct)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > max) return false;
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return true;
    }
}

/// <summary>The solves a gateway runs at once (<see cref="PlanningLimits.MaxConcurrentSolves"/>); a caller that finds none free is turned away, not queued.</summary>
public sealed class PlanningGate(PlanningLimits limits)
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, limits.MaxConcurrentSolves));

    public PlanningLimits Limits => limits;

    public bool TryEnter() => _slots.Wait(0);

    public void Exit() => _slots.Release();
}
