using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Dispatch;

public sealed class RequestIntakeState
{
    public string? BodyHash { get; set; }
    public string? TaskId { get; set; }
}

public sealed class RequestIntakeGrain(
    [PersistentState("requestintake", GridStorage.Name)] IPersistentState<RequestIntakeState> state) : Grain, IRequestIntakeGrain
{
    public async Task<TaskView> SubmitAsync(string bodyHash, TaskDraft draft, TaskActor actor)
    {
        if (state.State.TaskId is { } existing)
        {
            if (state.State.BodyHash != bodyHash)
                throw new ConflictException("This Idempotency-Key was already used for a different request. Send a new key for a new request.");
            var task = GrainFactory.GetGrain<ITaskGrain>(existing);
            return await task.GetAsync() ?? await task.CreateAsync(draft with { Id = existing }, actor);
        }
        // Remember the key before creating (save, then tell the task), so a crash or a failed task save
        // leaves a retry pointing at the same task id: the retry creates it once, never twice.
        state.State.BodyHash = bodyHash;
        state.State.TaskId = draft.Id;
        await state.CommitAsync(this);
        // A key is used once and, rarely, retried: keeping every key's activation in memory for the
        // collection age made the heap grow by one grain per request under load. A retry re-reads it.
        this.DeactivateOnIdle();
        return await GrainFactory.GetGrain<ITaskGrain>(draft.Id).CreateAsync(draft, actor);
    }
}
