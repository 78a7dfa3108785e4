using Grid.Gateway.Apis.Common;
using Grid.Contracts;
using Grid.Grains.Deadlines;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Deadlines;

/// <summary>Durable deadlines, for administrators: an operations check of the reminder service.</summary>
public static class DeadlinesApi
{
    public static RouteGroupBuilder MapDeadlinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/admin/deadlines").WithTags("Admin").RequireAuthorization(p => p.RequireRole(Roles.Admin));
        api.MapPut("", ScheduleDeadline).WithName("ScheduleDeadline").WithSummary("Schedule a durable deadline (operations check of the reminder service).");
        api.MapGet("/{id}", GetDeadline).WithName("GetDeadline").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A durable deadline and whether it has fired.");
        return api;
    }

    public static async Task<Results<Ok<DeadlineDto>, ValidationProblem>> ScheduleDeadline(ScheduleDeadlineRequest request, IGrainFactory grains)
    {
        if (!Ids.IsPlain(request.Id)) return Problems.Invalid("id", "Give the deadline an id of 1–100 letters, digits, '-', '_', '.' or ':'.");
        if (request.Kind is { } kind && !Ids.IsPlain(kind)) return Problems.Invalid("kind", "Name the kind with 1–100 letters, digits, '-', '_', '.' or ':'.");
        var info = await grains.GetGrain<IDeadlineGrain>("probe/" + request.Id).ScheduleAsync(request.Kind ?? "probe", request.DueAt.UtcDateTime, null);
        return TypedResults.Ok(info.ToDto(request.Id));
    }

    public static async Task<Results<Ok<DeadlineDto>, ProblemHttpResult>> GetDeadline(string id, IGrainFactory grains) =>
        await grains.GetGrain<IDeadlineGrain>("probe/" + id).GetAsync() is { } d
            ? TypedResults.Ok(d.ToDto(id)) : Problems.NotFound($"No deadline has the id {id}.");

    private static DeadlineDto ToDto(this DeadlineInfo d, string id) => new(id, d.Kind,
        new DateTimeOffset(d.DueUtc, TimeSpan.Zero), d.Status.ToString(), d.FiredAtUtc is { } f ? new DateTimeOffset(f, TimeSpan.Zero) : null);
}
