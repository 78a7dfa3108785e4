using Grid.Grains.Common;
using Grid.Grains.Dispatch.Audit;
using Grid.Grains.People;
using Grid.Storage;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

public sealed partial class TaskGrain(
    [PersistentState("task", GridStorage.Name)] IPersistentState<TaskState> state,
    IOptions<DispatchOptions> options,
    IAuditTrail audit,
    IServiceItemLookup items,
    TimeProvider clock) : Grain, ITaskGrain
{
    private TaskState S => state.State;
    private DispatchOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<TaskView> CreateAsync(TaskDraft draft, TaskActor actor)
    {
        if (S.Draft is not null) return View();
        var resident = await GrainFactory.GetGrain<IResidentGrain>(draft.ResidentId).GetAsync()
            ?? throw new NotFoundException($"No resident has the id {draft.ResidentId}.");
        S.Draft = draft;
        S.GridId = resident.GridId;
        S.VillageCode = resident.VillageCode;
        S.ResidentName = resident.Name;
        S.HomeLat = resident.HomeLat;
        S.HomeLng = resident.HomeLng;
        S.CreatedAtUtc = Now;
        Record(actor.UserName, draft.Kind == TaskKind.CareVisit ? "care-visit-due" : "requested", null,
            $"{draft.ItemCode}, {draft.Requester.Kind} via {draft.Requester.Channel}");
        await OfferNextAsync(actor.UserName);
        await ScheduleAsync($"due:1", draft.PromisedByUtc);
        await SaveAsync(previousWorker: null);
        await RecordRequestVolumeAsync();
        await audit.WriteAsync(new AuditEntry(Now, actor.UserName, "task.create", "task", Id, S.VillageCode,
            $"kind={draft.Kind} item={draft.ItemCode} stage={S.Stage} worker={S.WorkerId}"));
        return View();
    }

    public Task<TaskView?> GetAsync() => Task.FromResult(S.Draft is null ? null : View());

    public async Task<TaskView> ActAsync(TaskActor actor, TaskCommand command)
    {
        if (S.Draft is null) throw new NotFoundException($"No task has the id {Id}.");
        if (S.Actions.TryGetValue(command.ActionId, out var done))
        {
            return done == command.Action ? View()
                : throw new ConflictException($"Action id {command.ActionId} was already used to {done}; use a new id for a new action.");
        }
        if (command.IfMatch is { } expected && expected != S.Version)
            throw new PreconditionFailedException($"The task is at version {S.Version}, not {expected}; reload it and try again.");
        var previousWorker = S.WorkerId;
        await (command.Action switch
        {
            TaskAction.Accept => AcceptAsync(actor),
            TaskAction.Decline => DeclineAsync(actor, command),
            TaskAction.CheckIn => CheckInAsync(actor, command),
            TaskAction.Complete => CompleteAsync(actor, command),
            TaskAction.Fail => FailAsync(actor, command),
            TaskAction.Cancel => CancelAsync(actor, command),
            TaskAction.Reassign => ReassignAsync(actor, command),
            _ => throw ValidationException.For("action", $"Unknown action {command.Action}."),
        });
        S.Actions[command.ActionId] = command.Action;
        await SaveAsync(previousWorker);
        await audit.WriteAsync(new AuditEntry(Now, actor.UserName, "task." + command.Action.ToString().ToLowerInvariant(),
            "task", Id, S.VillageCode, $"stage={S.Stage} worker={S.WorkerId}"));
        return View();
    }

    private void Record(string actor, string action, string? workerId, string? detail) =>
        S.History.Add(new TaskEvent(Now, actor, action, workerId, detail));

    /// <summary>Saves, then brings the worker inboxes and the village board in line with the task.</summary>
    private async Task SaveAsync(string? previousWorker)
    {
        S.Version++;
        await state.WriteStateAsync();
        var summary = Summary();
        var open = View().IsOpen;
        if (previousWorker is not null && (previousWorker != S.WorkerId || !open))
            await GrainFactory.GetGrain<IWorkerTasksGrain>(previousWorker).RemoveAsync(summary.TaskId);
        if (open && S.WorkerId is not null)
            await GrainFactory.GetGrain<IWorkerTasksGrain>(S.WorkerId).UpsertAsync(summary);
        var board = GrainFactory.GetGrain<IVillageTasksGrain>(S.VillageCode);
        await (open ? board.UpsertAsync(summary) : board.RemoveAsync(summary.TaskId));
    }

    private TaskSummary Summary() => new(Id, S.Draft!.Kind, S.Stage, S.Draft.Urgency, S.Draft.ResidentId,
        S.GridId, S.VillageCode, S.Draft.ItemCode, S.Draft.Skills, S.WorkerId, S.Reason, S.HomeLat, S.HomeLng,
        S.Draft.PromisedByUtc, S.EscalationLevel);

    private TaskView View() => new(S.Draft!, S.Stage, S.GridId, S.VillageCode, S.ResidentName, S.HomeLat, S.HomeLng,
        S.WorkerId, S.WorkerName, S.Reason, S.CheckIn, S.Outcome, [.. S.Custody], S.Version, S.EscalationLevel,
        [.. S.History], S.CreatedAtUtc);
}
