using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>
/// Steps on a task. Each carries an action id (body actionId or Idempotency-Key header) so the
/// portal's offline queue can replay it safely, and may carry If-Match with the version it saw.
/// A step the task's stage refuses is a 409.
/// </summary>
internal static class TaskActionsApi
{
    public static void MapTaskActions(RouteGroupBuilder api)
    {
        Map(api, "accept", TaskAction.Accept, "AcceptTask", "Accept an offered task.");
        Map(api, "decline", TaskAction.Decline, "DeclineTask", "Decline a task with a reason; it is offered to the next candidate.");
        Map(api, "check-in", TaskAction.CheckIn, "CheckInTask", "Check in at the resident's home with your position; far away is flagged, not refused.");
        Map(api, "complete", TaskAction.Complete, "CompleteTask", "Complete a checked-in task with its outcome and the originals taken and returned.");
        Map(api, "fail", TaskAction.Fail, "FailTask", "Record that the task could not be done, with why.");
        Map(api, "cancel", TaskAction.Cancel, "CancelTask", "Cancel a task (the resident who asked, the center or a coordinator).");
        Map(api, "reassign", TaskAction.Reassign, "ReassignTask", "Move a task to another worker (center or coordinator).");
    }

    private static void Map(RouteGroupBuilder api, string path, TaskAction action, string name, string summary) =>
        api.MapPost("/{id}/" + path, (string id, TaskActionDto? body, HttpRequest http, HttpResponse response, ClaimsPrincipal user,
                AccessService access, IGrainFactory grains, TimeProvider clock) => ActAsync(action, id, body ?? new TaskActionDto(), http, response, user, access, grains, clock))
            .Accepts<TaskActionDto>("application/json").Produces<TaskDto>()
            .WithName(name).WithSummary(summary);

    public static async Task<Ok<TaskDto>> ActAsync(TaskAction action, string id, TaskActionDto body, HttpRequest http,
        HttpResponse response, ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock)
    {
        var actionId = ActionId(body, http);
        // Judged on the task as it is now (its current village), not on the village its id was minted in.
        var current = await TasksApi.ExistingTaskAsync(id, grains);
        await access.RequireAsync(action is TaskAction.Cancel or TaskAction.Reassign ? Act.Change : Act.Work, current.Target());
        if (action == TaskAction.Reassign && body.WorkerId is { } to)
        {
            var worker = await grains.GetGrain<Grid.Grains.People.IWorkerGrain>(to).GetAsync() ?? throw access.Missing(to, "worker");
            await access.RequireAsync(Act.Change, new Target(Kind.Worker, worker.VillageCode, Owner: worker.Id), $"Worker {to} is outside your region.");
        }
        var command = new TaskCommand(action, actionId, http.IfMatch(),
            action == TaskAction.Complete ? body.Outcome : body.Reason, body.Lat, body.Lng, Custody(body.Documents), body.WorkerId);
        var task = await grains.GetGrain<ITaskGrain>(id).ActAsync(user.Actor(), command);
        response.Headers.ETag = HttpConcurrency.ETag(task.Version);
        return TypedResults.Ok(task.ToDto(clock.GetUtcNow().UtcDateTime, user.Role() != Roles.Coordinator));
    }

    private static string ActionId(TaskActionDto body, HttpRequest http)
    {
        var id = body.ActionId ?? http.Headers["Idempotency-Key"].ToString();
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
            throw ValidationException.For("actionId", "Give every action an id (actionId or the Idempotency-Key header, at most 100 characters), e.g. a UUID made when the action was taken.");
        return id.Trim();
    }

    private static IReadOnlyList<CustodyRecord>? Custody(IReadOnlyList<CustodyDto>? documents) =>
        documents?.Select(d => new CustodyRecord(d.Document ?? "", d.TakenAt.UtcDateTime, d.ReturnedAt?.UtcDateTime)).ToList();
}
