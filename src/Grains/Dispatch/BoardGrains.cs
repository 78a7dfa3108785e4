using Grid.Storage;

namespace Grid.Grains.Dispatch;

public sealed class TaskBoardState
{
    public Dictionary<string, TaskSummary> Open { get; set; } = [];
}

public sealed class WorkerTasksGrain(
    [PersistentState("workertasks", GridStorage.Name)] IPersistentState<TaskBoardState> state) : Grain, IWorkerTasksGrain
{
    public async Task<bool> TryAddAsync(TaskSummary task, int capacity)
    {
        if (!state.State.Open.ContainsKey(task.TaskId) && state.State.Open.Count >= capacity) return false;
        state.State.Open[task.TaskId] = task;
        await state.WriteStateAsync();
        return true;
    }

    public Task UpsertAsync(TaskSummary task)
    {
        state.State.Open[task.TaskId] = task;
        return state.WriteStateAsync();
    }

    public Task RemoveAsync(string taskId) =>
        state.State.Open.Remove(taskId) ? state.WriteStateAsync() : Task.CompletedTask;

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. state.State.Open.Values]);

    public Task<int> LoadAsync() => Task.FromResult(state.State.Open.Count);
}

public sealed class VillageTasksGrain(
    [PersistentState("villagetasks", GridStorage.Name)] IPersistentState<TaskBoardState> state) : Grain, IVillageTasksGrain
{
    public Task UpsertAsync(TaskSummary task)
    {
        state.State.Open[task.TaskId] = task;
        return state.WriteStateAsync();
    }

    public Task RemoveAsync(string taskId) =>
        state.State.Open.Remove(taskId) ? state.WriteStateAsync() : Task.CompletedTask;

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. state.State.Open.Values]);
}

public sealed class NotificationInboxState
{
    public List<Notification> Items { get; set; } = [];
}

/// <summary>Newest first; the oldest fall off past <see cref="Keep"/>.</summary>
public sealed class NotificationInboxGrain(
    [PersistentState("inbox", GridStorage.Name)] IPersistentState<NotificationInboxState> state) : Grain, INotificationInboxGrain
{
    public const int Keep = 500;

    public Task AddAsync(Notification notification)
    {
        if (state.State.Items.Any(n => n.Id == notification.Id)) return Task.CompletedTask;
        state.State.Items.Insert(0, notification);
        if (state.State.Items.Count > Keep) state.State.Items.RemoveRange(Keep, state.State.Items.Count - Keep);
        return state.WriteStateAsync();
    }

    public Task<NotificationPage> ListAsync(int skip, int take) =>
        Task.FromResult(new NotificationPage(state.State.Items.Skip(skip).Take(take).ToList(), state.State.Items.Count));
}
