using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Dispatch;

/// <summary>The whole-list state boards had before they became rows; read once to move old data over.</summary>
public sealed class TaskBoardState
{
    public Dictionary<string, TaskSummary> Open { get; set; } = [];
}

/// <summary>
/// An open-task list keyed by task id, written only by the task's outbox: an upsert of the same or
/// an older task version changes nothing and a remove of an absent task writes nothing, so a
/// re-driven effect is harmless. One row per task (<see cref="GrainRows{T}"/>), so an upsert costs
/// the same with five open tasks as with five thousand. The lists never call a task.
/// </summary>
internal sealed class TaskBoard(GrainRows<TaskSummary> rows)
{
    public Dictionary<string, TaskSummary> Open { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads the rows, and moves a list stored the old way (one whole-list state) into rows once.</summary>
    public async Task LoadAsync(IPersistentState<TaskBoardState> legacy)
    {
        foreach (var (key, task) in await rows.ReadAllAsync()) Open[key] = task;
        if (legacy.State.Open.Count == 0) return;
        var moved = legacy.State.Open.Values.Where(t => !Open.TryGetValue(t.TaskId, out var held) || held.Version < t.Version).ToList();
        await rows.ApplyAsync(moved.Select(t => (t.TaskId, t)), []);
        foreach (var t in moved) Open[t.TaskId] = t;
        await legacy.ClearStateAsync();
    }

    public async Task UpsertAsync(TaskSummary task)
    {
        if (Open.TryGetValue(task.TaskId, out var held) && (held == task || held.Version > task.Version)) return;
        await rows.UpsertAsync(task.TaskId, task);
        Open[task.TaskId] = task;
    }

    public async Task RemoveAsync(string taskId)
    {
        if (!Open.ContainsKey(taskId)) return;
        await rows.DeleteAsync(taskId);
        Open.Remove(taskId);
    }
}

public sealed class WorkerTasksGrain(
    [PersistentState("workertasks", GridStorage.Name)] IPersistentState<TaskBoardState> legacy, IGrainRowStore store) : Grain, IWorkerTasksGrain
{
    private TaskBoard _board = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _board = new TaskBoard(new GrainRows<TaskSummary>(store, "workertasks", this.GetPrimaryKeyString()));
        return _board.LoadAsync(legacy);
    }

    public async Task<bool> TryAddAsync(TaskSummary task, int capacity)
    {
        if (!_board.Open.ContainsKey(task.TaskId) && _board.Open.Count >= capacity) return false;
        await _board.UpsertAsync(task);
        return true;
    }

    public Task UpsertAsync(TaskSummary task) => _board.UpsertAsync(task);

    public Task RemoveAsync(string taskId) => _board.RemoveAsync(taskId);

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. _board.Open.Values]);

    public Task<int> LoadAsync() => Task.FromResult(_board.Open.Count);
}

public sealed class VillageTasksGrain(
    [PersistentState("villagetasks", GridStorage.Name)] IPersistentState<TaskBoardState> legacy, IGrainRowStore store) : Grain, IVillageTasksGrain
{
    private TaskBoard _board = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _board = new TaskBoard(new GrainRows<TaskSummary>(store, "villagetasks", this.GetPrimaryKeyString()));
        return _board.LoadAsync(legacy);
    }

    public Task UpsertAsync(TaskSummary task) => _board.UpsertAsync(task);

    public Task RemoveAsync(string taskId) => _board.RemoveAsync(taskId);

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. _board.Open.Values]);
}

/// <summary>The whole-list state inboxes had before they became rows; read once to move old data over.</summary>
public sealed class NotificationInboxState
{
    public List<Notification> Items { get; set; } = [];
}

/// <summary>
/// Newest first; the oldest fall off past <see cref="Keep"/>. Keyed by notification id, so a re-sent
/// one is kept once. One row per notification under a rising sequence key: an add writes its row
/// (and deletes the one that falls off), never the whole list.
/// </summary>
public sealed class NotificationInboxGrain(
    [PersistentState("inbox", GridStorage.Name)] IPersistentState<NotificationInboxState> legacy, IGrainRowStore store) : Grain, INotificationInboxGrain
{
    public const int Keep = 500;

    // Oldest first, as the keys sort; the page reads it from the end.
    private readonly List<(string Key, Notification Item)> _items = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private GrainRows<Notification> _rows = null!;
    private long _next;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new GrainRows<Notification>(store, "inbox", this.GetPrimaryKeyString());
        foreach (var row in await _rows.ReadAllAsync()) Hold(row);
        if (legacy.State.Items.Count == 0) return;
        var moved = Enumerable.Reverse(legacy.State.Items).Where(n => !_ids.Contains(n.Id)).Select(n => (KeyOf(_next++), n)).ToList();
        await _rows.ApplyAsync(moved, []);
        foreach (var row in moved) Hold(row);
        await legacy.ClearStateAsync();
    }

    public async Task AddAsync(Notification notification)
    {
        if (_ids.Contains(notification.Id)) return;
        var row = (KeyOf(_next), notification);
        var fallsOff = _items.Count >= Keep ? _items.Take(_items.Count - Keep + 1).Select(i => i.Key).ToList() : [];
        await _rows.ApplyAsync([row], fallsOff);
        _next++;
        Hold(row);
        foreach (var _ in fallsOff)
        {
            _ids.Remove(_items[0].Item.Id);
            _items.RemoveAt(0);
        }
    }

    public Task<NotificationPage> ListAsync(int skip, int take) =>
        Task.FromResult(new NotificationPage([.. Enumerable.Reverse(_items).Skip(skip).Take(take).Select(i => i.Item)], _items.Count));

    private void Hold((string Key, Notification Item) row)
    {
        _items.Add(row);
        _ids.Add(row.Item.Id);
        _next = Math.Max(_next, long.Parse(row.Key, System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    // Fixed width, so the ordinal order of keys is the order of arrival.
    private static string KeyOf(long sequence) => sequence.ToString("D16", System.Globalization.CultureInfo.InvariantCulture);
}
