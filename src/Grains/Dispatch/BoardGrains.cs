using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Dispatch;

public sealed class TaskBoardState
{
    public Dictionary<string, TaskSummary> Open { get; set; } = [];
}

/// <summary>
/// Open-task lists keyed by task id, written only by the task's outbox: an upsert of the same or an
/// older task version changes nothing and a remove of an absent task writes nothing, so a re-driven
/// effect is harmless. The lists never call a task.
/// </summary>
internal static class TaskBoard
{
    public static async Task UpsertAsync(IPersistentState<TaskBoardState> state, IGrainBase owner, TaskSummary task)
    {
        if (state.State.Open.TryGetValue(task.TaskId, out var held) && (held == task || held.Version > task.Version)) return;
        state.State.Open[task.TaskId] = task;
        await state.CommitAsync(owner);
    }

    public static async Task RemoveAsync(IPersistentState<TaskBoardState> state, IGrainBase owner, string taskId)
    {
        if (!state.State.Open.Remove(taskId)) return;
        await state.CommitAsync(owner);
    }
}

public sealed class WorkerTasksGrain(
    [PersistentState("workertasks", GridStorage.Name)] IPersistentState<TaskBoardState> state) : Grain, IWorkerTasksGrain
{
    public async Task<bool> TryAddAsync(TaskSummary task, int capacity)
    {
        if (!state.State.Open.ContainsKey(task.TaskId) && state.State.Open.Count >= capacity) return false;
        await TaskBoard.UpsertAsync(state, this, task);
        return true;
    }

    public Task UpsertAsync(TaskSummary task) => TaskBoard.UpsertAsync(state, this, task);

    public Task RemoveAsync(string taskId) => TaskBoard.RemoveAsync(state, this, taskId);

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. state.State.Open.Values]);

    public Task<int> LoadAsync() => Task.FromResult(state.State.Open.Count);
}

public sealed class VillageTasksGrain(
    [PersistentState("villagetasks", GridStorage.Name)] IPersistentState<TaskBoardState> state) : Grain, IVillageTasksGrain
{
    public Task UpsertAsync(TaskSummary task) => TaskBoard.UpsertAsync(state, this, task);

    public Task RemoveAsync(string taskId) => TaskBoard.RemoveAsync(state, this, taskId);

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. state.State.Open.Values]);
}

public sealed class NotificationInboxState
{
    public List<Notification> Items { get; set; } = [];
}

/// <summary>Newest first; the oldest fall off past <see cref="Keep"/>. Keyed by notification id, so a re-sent one is kept once.</summary>
public sealed class NotificationInboxGrain(
    [PersistentState("inbox", GridStorage.Name)] IPersistentState<NotificationInboxState> state) : Grain, INotificationInboxGrain
{
    public const int Keep = 500;

    public async Task AddAsync(Notification notification)
    {
        if (state.State.Items.Any(n => n.Id == notification.Id)) return;
        state.State.Items.Insert(0, notification);
        if (state.State.Items.Count > Keep) state.State.Items.RemoveRange(Keep, state.State.Items.Count - Keep);
        await state.CommitAsync(this);
    }

    public Task<NotificationPage> ListAsync(int skip, int take) =>
        Task.FromResult(new NotificationPage(state.State.Items.Skip(skip).Take(take).ToList(), state.State.Items.Count));
}
