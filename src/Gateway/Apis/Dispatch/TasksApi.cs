using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Geo;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Tasks: a worker's own list, a region's board and overdue list, one task in full.</summary>
public static class TasksApi
{
    private static readonly string[] Staff = [Roles.CenterStaff, Roles.Coordinator, Roles.Admin];

    public static RouteGroupBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        api.MapGet("/mine", GetMyTasks).WithName("GetMyTasks").RequireAuthorization(p => p.RequireRole(Roles.Worker))
            .WithSummary("The signed-in worker's open tasks, most urgent and nearest first, each with why it came to them.");
        api.MapGet("/", GetTasks).WithName("GetTasks").RequireAuthorization(p => p.RequireRole(Staff))
            .WithSummary("Open tasks in a region (default: the caller's); overdue=true lists only those past their promised time.");
        api.MapGet("/export", TaskExports.ExportTasks).WithName("ExportTasks").RequireAuthorization(p => p.RequireRole(Staff))
            .Produces(200, contentType: Sheets.XlsxType, additionalContentTypes: [Sheets.CsvType])
            .WithSummary("The open tasks of a region as XLSX or CSV; overdue=true exports the overdue board.");
        api.MapGet("/{id}", GetTask).WithName("GetTask").WithSummary("One task in full, with its history; the ETag is its version.");
        TaskActionsApi.MapTaskActions(api);
        return api;
    }

    public static async Task<Ok<Page<TaskListItemDto>>> GetMyTasks(
        ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, double? lat = null, double? lng = null, int pageIndex = 0, int pageSize = DispatchPageSize)
    {
        var paging = Paging(pageIndex, pageSize);
        var workerId = user.SubjectId() ?? throw new ForbiddenException("This account is not linked to a worker.");
        if (lat is { } la && lng is { } ln)
        {
            var errors = new Dictionary<string, string[]>();
            Points.Check(errors, la, ln, "lat", "lng");
            if (errors.Count > 0) throw new ValidationException(errors);
        }
        var tasks = await grains.GetGrain<IWorkerTasksGrain>(workerId).ListAsync();
        if (lat is null || lng is null)
        {
            var profile = await grains.GetGrain<IWorkerGrain>(workerId).GetAsync();
            (lat, lng) = (profile?.Lat ?? 0, profile?.Lng ?? 0);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var items = tasks
            .Select(t => t.ToListItem(now, GeoDistance.HaversineMeters(lat.Value, lng.Value, t.Lat, t.Lng)))
            .OrderByDescending(t => t.Urgency).ThenBy(t => t.DistanceMeters).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(paging.Of(items));
    }

    public static async Task<Ok<Page<TaskListItemDto>>> GetTasks(
        AccessService access, IGrainFactory grains, TimeProvider clock, string? region = null, bool overdue = false,
        Grid.Contracts.TaskStage? stage = null, int pageIndex = 0, int pageSize = DispatchPageSize)
    {
        var paging = Paging(pageIndex, pageSize);
        return TypedResults.Ok(paging.Of(await OpenTasksAsync(access, grains, clock, region, overdue, stage)));
    }

    /// <summary>The open tasks of a region (the caller's by default), overdue first: the board and its export.</summary>
    internal static async Task<List<TaskListItemDto>> OpenTasksAsync(
        AccessService access, IGrainFactory grains, TimeProvider clock, string? region, bool overdue, Grid.Contracts.TaskStage? stage)
    {
        var scope = access.Scope(region);
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await RegionBoards.OpenTasksAsync(grains, await RegionBoards.VillagesOfAsync(grains, scope));
        return open.Select(t => t.ToListItem(now))
            .Where(t => !overdue || t.Overdue)
            .Where(t => stage is null || t.Stage == stage)
            .OrderByDescending(t => t.Overdue).ThenBy(t => t.PromisedBy).ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<Ok<TaskDto>> GetTask(string id, ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock, HttpResponse response)
    {
        var task = await ReadableTaskAsync(id, access, grains);
        response.Headers.ETag = HttpConcurrency.ETag(task.Version);
        return TypedResults.Ok(task.ToDto(clock.GetUtcNow().UtcDateTime, ShowsPersonal(user, task)));
    }

    /// <summary>A task the caller may read: their own as a worker or resident, else one inside their region (where it is now).</summary>
    internal static async Task<TaskView> ReadableTaskAsync(string id, AccessService access, IGrainFactory grains)
    {
        var task = await ExistingTaskAsync(id, grains);
        await access.RequireAsync(Act.Read, task.Target());
        return task;
    }

    internal static async Task<TaskView> ExistingTaskAsync(string id, IGrainFactory grains)
    {
        RequireTaskId(id);
        return await grains.GetGrain<ITaskGrain>(id).GetAsync() ?? throw new NotFoundException($"No task or request has the id {id}.");
    }

    /// <summary>The task as access sees it: the village it lies in now, its resident, its worker and those who held it.</summary>
    internal static Target Target(this TaskView t) => new(Kind.Task, t.VillageCode, Owner: t.Draft.ResidentId, Assignee: t.WorkerId,
        FormerAssignees: [.. t.History.Select(e => e.WorkerId).OfType<string>()]);

    internal static void RequireTaskId(string id)
    {
        if (id.Length is < 14 or > 80 || !RegionCodes.IsValid(id[..12]))
            throw ValidationException.For("id", $"'{id}' is not a task id: task ids start with the village code, e.g. 421202001001-T….");
    }

    private static bool ShowsPersonal(ClaimsPrincipal user, TaskView task) =>
        user.Role() is Roles.CenterStaff or Roles.Resident || (user.Role() == Roles.Worker && task.WorkerId == user.SubjectId());

    internal const int DispatchPageSize = 50;

    /// <summary>A worker's phone loads the whole day's tasks at once, so dispatch lists allow pages of up to 200.</summary>
    internal static PageQuery Paging(int pageIndex, int pageSize) => new PageQuery(pageIndex, pageSize).Checked(maxPageSize: 200);
}
