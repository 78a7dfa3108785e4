using Grid.Grains.Common;
using Grid.Grains.Audit;
using Grid.Grains.People;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Every write follows one beat: decide on a copy of the state (effects on other grains go into the
/// state's outbox), commit, then deliver the outbox (<see cref="TaskGrain.DeliverAsync"/>) and answer.
/// Delivery runs before the answer only so a caller's next read sees the lists in line; its failures
/// never change the answer (the effect stays saved and is re-driven). A failed save answers an error
/// and leaves the activation on its stored state, so a retry redoes the work.
/// </summary>
public sealed partial class TaskGrain(
    [PersistentState("task", GridStorage.Name)] IPersistentState<TaskState> state,
    IOptions<DispatchOptions> options,
    IAuditLog audit,
    IServiceItemLookup items,
    TimeProvider clock,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain, IRemindable
{
    private TaskState? _work;
    private OutboxDriver? _driver;

    /// <summary>The state being decided on during a write, the stored state otherwise.</summary>
    private TaskState S => _work ?? state.State;
    private DispatchOptions Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private OutboxDriver Driver => _driver ??= new(this, () => state.State.Outbox, DeliverAsync, logger);

    public async Task<TaskView> CreateAsync(TaskDraft draft, TaskActor actor)
    {
        if (S.Draft is not null) return View();
        var resident = await GrainFactory.GetGrain<IResidentGrain>(draft.ResidentId).GetAsync()
            ?? throw new NotFoundException($"No resident has the id {draft.ResidentId}.");
        await WriteAsync(async () =>
        {
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
            Schedule("due:1", draft.PromisedByUtc);
            RecordRequestVolume();
            Audit(actor.UserName, "task.create", $"kind={draft.Kind} item={draft.ItemCode} stage={S.Stage} worker={S.WorkerId}");
            return true;
        });
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
        await WriteAsync(async () =>
        {
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
            Audit(actor.UserName, "task." + command.Action.ToString().ToLowerInvariant(), $"stage={S.Stage} worker={S.WorkerId}");
            return true;
        });
        return View();
    }

    private void Record(string actor, string action, string? workerId, string? detail) =>
        S.History.Add(new TaskEvent(Now, actor, action, workerId, detail));

    /// <summary>
    /// Decides on a copy (<paramref name="decide"/> answers false for "nothing to do"), commits it with
    /// the effects that bring worker lists and village boards in line, then delivers the outbox.
    /// Throws when the save fails; the activation is then back on its stored state.
    /// </summary>
    private async Task WriteAsync(Func<Task<bool>> decide)
    {
        var before = state.State;
        var work = StateCopy.Of(before);
        _work = work;
        try
        {
            if (!await decide()) return;
            EnqueueListSyncs(before, work);
            work.Version++;
        }
        finally
        {
            _work = null;
        }
        await state.CommitAndDeliverAsync(before, work, this, Driver, logger);
    }

    /// <summary>Lists are brought in line with the task as it is when the effect is delivered, so one effect per list suffices.</summary>
    private static void EnqueueListSyncs(TaskState before, TaskState after)
    {
        if (before.WorkerId is { } previous && previous != after.WorkerId) after.Outbox.Enqueue(Effects.Worker, previous, id: "worker/" + previous);
        if (before.Draft is not null && before.VillageCode != after.VillageCode) after.Outbox.Enqueue(Effects.Board, before.VillageCode, id: "board/" + before.VillageCode);
        if (after.WorkerId is { } current) after.Outbox.Enqueue(Effects.Worker, current, id: "worker/" + current);
        after.Outbox.Enqueue(Effects.Board, after.VillageCode, id: "board/" + after.VillageCode);
    }

    private TaskSummary Summary() => new(Id, S.Draft!.Kind, S.Stage, S.Draft.Urgency, S.Draft.ResidentId,
        S.GridId, S.VillageCode, S.Draft.ItemCode, S.Draft.Skills, S.WorkerId, S.Reason, S.HomeLat, S.HomeLng,
        S.Draft.PromisedByUtc, S.EscalationLevel, S.Version);

    private TaskView View() => new(S.Draft!, S.Stage, S.GridId, S.VillageCode, S.ResidentName, S.HomeLat, S.HomeLng,
        S.WorkerId, S.WorkerName, S.Reason, S.CheckIn, S.Outcome, [.. S.Custody], S.Version, S.EscalationLevel,
        [.. S.History], S.CreatedAtUtc);
}
