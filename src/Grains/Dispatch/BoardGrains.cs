using Microsoft.Extensions.Logging;
using Orleans.Utilities;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Dispatch;

/// <summary>The whole-list state boards had before they became rows; read once to move old data over.</summary>
public sealed class TaskBoardState
{
    public Dictionary<string, TaskSummary> Open { get; set; } = [];
}

/// <summary>When a task left a list, at which of its versions; kept a while so a late, older upsert cannot bring it back.</summary>
[GenerateSerializer, Immutable, Alias("grid.task-board-tombstone")]
public sealed record TaskTombstone([property: Id(0)] int Version, [property: Id(1)] DateTime AtUtc);

/// <summary>
/// An open-task list keyed by task id, written only by the task's outbox: an upsert of the same or
/// an older task version changes nothing and a remove of an absent task writes nothing, so a
/// re-driven effect is harmless. A remove leaves a tombstone with the task's version: an upsert of
/// that version or older, sent late by an activation of the task that a silo's death left behind,
/// is ignored instead of putting the task back in a list it has left (so no task sits in two
/// workers' lists). One row per task (<see cref="GrainRows{T}"/>), so an upsert costs the same with
/// five open tasks as with five thousand. The lists never call a task.
/// </summary>
internal sealed class TaskBoard(GrainRows<TaskSummary> rows, GrainRows<TaskTombstone> gone, TimeProvider clock)
{
    /// <summary>Far longer than a stale activation lives (it is gone once its silo's death is noticed, in seconds).</summary>
    private static readonly TimeSpan TombstoneLife = TimeSpan.FromDays(2);

    private readonly Dictionary<string, TaskTombstone> _gone = new(StringComparer.Ordinal);

    public Dictionary<string, TaskSummary> Open { get; } = new(StringComparer.Ordinal);

    /// <summary>Loads the rows, and moves a list stored the old way (one whole-list state) into rows once.</summary>
    public async Task LoadAsync(IPersistentState<TaskBoardState> legacy)
    {
        foreach (var (key, task) in await rows.ReadAllAsync()) Open[key] = task;
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = new List<string>();
        foreach (var (key, tombstone) in await gone.ReadAllAsync())
            if (tombstone.AtUtc < now - TombstoneLife) expired.Add(key);
            else _gone[key] = tombstone;
        if (expired.Count > 0) await gone.ApplyAsync([], expired);
        // A crash between the tombstone and the delete leaves both: the tombstone wins.
        var buried = Open.Values.Where(t => _gone.TryGetValue(t.TaskId, out var g) && g.Version >= t.Version).Select(t => t.TaskId).ToList();
        if (buried.Count > 0)
        {
            await rows.ApplyAsync([], buried);
            foreach (var id in buried) Open.Remove(id);
        }
        if (legacy.State.Open.Count == 0) return;
        var moved = legacy.State.Open.Values.Where(t => !Open.TryGetValue(t.TaskId, out var held) || held.Version < t.Version).ToList();
        await rows.ApplyAsync(moved.Select(t => (t.TaskId, t)), []);
        foreach (var t in moved) Open[t.TaskId] = t;
        await legacy.ClearStateAsync();
    }

    public async Task UpsertAsync(TaskSummary task)
    {
        if (Open.TryGetValue(task.TaskId, out var held) && (held == task || held.Version > task.Version)) return;
        if (_gone.TryGetValue(task.TaskId, out var left) && left.Version >= task.Version) return;
        await rows.UpsertAsync(task.TaskId, task);
        Open[task.TaskId] = task;
    }

    public async Task RemoveAsync(string taskId, int version)
    {
        if (Open.TryGetValue(taskId, out var held) && held.Version > version) return; // it came back later
        if (!_gone.TryGetValue(taskId, out var left) || left.Version < version)
        {
            var tombstone = new TaskTombstone(version, clock.GetUtcNow().UtcDateTime);
            await gone.UpsertAsync(taskId, tombstone);
            _gone[taskId] = tombstone;
        }
        if (!Open.ContainsKey(taskId)) return;
        await rows.DeleteAsync(taskId);
        Open.Remove(taskId);
    }
}

public sealed class WorkerTasksGrain(
    [PersistentState("workertasks", GridStorage.Name)] IPersistentState<TaskBoardState> legacy, IGrainRowStore store, TimeProvider clock) : Grain, IWorkerTasksGrain
{
    private TaskBoard _board = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _board = new TaskBoard(new GrainRows<TaskSummary>(store, "workertasks", key), new GrainRows<TaskTombstone>(store, "workertasks-gone", key), clock);
        return _board.LoadAsync(legacy);
    }

    public async Task<bool> TryAddAsync(TaskSummary task, int capacity)
    {
        if (!_board.Open.ContainsKey(task.TaskId) && _board.Open.Count >= capacity) return false;
        await _board.UpsertAsync(task);
        return true;
    }

    public Task UpsertAsync(TaskSummary task) => _board.UpsertAsync(task);

    public Task RemoveAsync(string taskId, int version) => _board.RemoveAsync(taskId, version);

    public Task<IReadOnlyList<TaskSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<TaskSummary>>([.. _board.Open.Values]);

    public Task<int> LoadAsync() => Task.FromResult(_board.Open.Count);
}

public sealed class VillageTasksGrain(
    [PersistentState("villagetasks", GridStorage.Name)] IPersistentState<TaskBoardState> legacy, IGrainRowStore store, TimeProvider clock) : Grain, IVillageTasksGrain
{
    private TaskBoard _board = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _board = new TaskBoard(new GrainRows<TaskSummary>(store, "villagetasks", key), new GrainRows<TaskTombstone>(store, "villagetasks-gone", key), clock);
        return _board.LoadAsync(legacy);
    }

    public Task UpsertAsync(TaskSummary task) => _board.UpsertAsync(task);

    public Task RemoveAsync(string taskId, int version) => _board.RemoveAsync(taskId, version);

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
    [PersistentState("inbox", GridStorage.Name)] IPersistentState<NotificationInboxState> legacy, IGrainRowStore store,
    ILogger<NotificationInboxGrain> logger) : Grain, INotificationInboxGrain
{
    public const int Keep = 500;

    /// <summary>How long an open connection stays registered without renewing (a gateway that died drops out by itself).</summary>
    public static readonly TimeSpan ObserverLease = TimeSpan.FromMinutes(2);

    private ObserverManager<INotificationObserver>? _observers;
    private ObserverManager<INotificationObserver> Observers => _observers ??= new(ObserverLease, logger);

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
        // Stored: now tell open pages (one-way) and the browsers subscribed to push (one-way, best effort).
        if (_observers is { Count: > 0 }) await _observers.Notify(o => o.NoticeAsync(notification));
        GrainFactory.GetGrain<IWebPushGrain>(this.GetPrimaryKeyString()).SendAsync(notification).Ignore();
    }

    public Task<IReadOnlyList<Notification>> AfterAsync(string afterId, int take)
    {
        var at = _items.FindIndex(i => i.Item.Id == afterId);
        return Task.FromResult<IReadOnlyList<Notification>>([.. _items.Skip(at + 1).Take(Math.Clamp(take, 1, Keep)).Select(i => i.Item)]);
    }

    public Task SubscribeAsync(INotificationObserver observer)
    {
        Observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(INotificationObserver observer)
    {
        Observers.Unsubscribe(observer);
        return Task.CompletedTask;
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
