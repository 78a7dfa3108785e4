using Grid.Grains.Deadlines;

namespace Grid.Grains.Dispatch;

/// <summary>
/// One assisted-agency task, keyed by its id (which starts with the village code, so region scope
/// rules apply to it). A request is fulfilled as exactly one task, so a request's id is its task's id.
/// </summary>
[Alias("grid.ITaskGrain")]
public interface ITaskGrain : IDeadlineTarget
{
    /// <summary>Creates the task and offers it to the best worker at once; calling again returns the task as it is.</summary>
    [Alias("create")] Task<TaskView> CreateAsync(TaskDraft draft, TaskActor actor);
    [Alias("get")] Task<TaskView?> GetAsync();
    [Alias("act")] Task<TaskView> ActAsync(TaskActor actor, TaskCommand command);

    /// <summary>Follows a boundary change: an open task's grid and village become the given ones; idempotent.</summary>
    [Alias("move")] Task MoveAsync(string toGridId, string toVillageCode, string by);
}

/// <summary>A worker's open tasks (offered, accepted, checked in): the inbox and the load the scorer weighs.</summary>
[Alias("grid.IWorkerTasksGrain")]
public interface IWorkerTasksGrain : IGrainWithStringKey
{
    /// <summary>Adds the task unless the worker already holds <paramref name="capacity"/> open tasks.</summary>
    [Alias("try-add")] Task<bool> TryAddAsync(TaskSummary task, int capacity);
    [Alias("upsert")] Task UpsertAsync(TaskSummary task);
    /// <summary>The task left this list at <paramref name="version"/>: an upsert of that version or older is ignored from now on.</summary>
    [Alias("remove")] Task RemoveAsync(string taskId, int version);
    [Alias("list")] Task<IReadOnlyList<TaskSummary>> ListAsync();
    [Alias("load")] Task<int> LoadAsync();
}

/// <summary>A village's open tasks: its board for workloads and overdue lists, and its queue (tasks nobody could take).</summary>
[Alias("grid.IVillageTasksGrain")]
public interface IVillageTasksGrain : IGrainWithStringKey
{
    [Alias("upsert")] Task UpsertAsync(TaskSummary task);
    [Alias("remove")] Task RemoveAsync(string taskId, int version);
    [Alias("list")] Task<IReadOnlyList<TaskSummary>> ListAsync();
}

/// <summary>Notifications for one addressee: "worker/{id}" or "region/{code}" (a village's center, a township's coordinator).</summary>
[Alias("grid.INotificationInboxGrain")]
public interface INotificationInboxGrain : IGrainWithStringKey
{
    [Alias("add")] Task AddAsync(Notification notification);
    [Alias("list")] Task<NotificationPage> ListAsync(int skip, int take);

    /// <summary>Notices stored after the one with <paramref name="afterId"/>, oldest first (all kept ones when it has fallen off): a reconnecting stream's replay.</summary>
    [Alias("after")] Task<IReadOnlyList<Notification>> AfterAsync(string afterId, int take);

    /// <summary>Registers an open connection to be told each new notice; lapses unless renewed within <see cref="NotificationInboxGrain.ObserverLease"/>.</summary>
    [Alias("subscribe")] Task SubscribeAsync(INotificationObserver observer);
    [Alias("unsubscribe")] Task UnsubscribeAsync(INotificationObserver observer);
}

/// <summary>
/// Keyed by "{userName}/{Idempotency-Key}": remembers which task a key created and the hash of the
/// body it came with, so a phone's retry gets the same task and a different body is refused.
/// </summary>
[Alias("grid.IRequestIntakeGrain")]
public interface IRequestIntakeGrain : IGrainWithStringKey
{
    [Alias("submit")] Task<TaskView> SubmitAsync(string bodyHash, TaskDraft draft, TaskActor actor);
}

/// <summary>Generates a village's due care visits; idempotent per resident and day.</summary>
[Alias("grid.ICareVisitGrain")]
public interface ICareVisitGrain : IGrainWithStringKey
{
    [Alias("generate")] Task<IReadOnlyList<string>> GenerateAsync(DateOnly today);
}

public static class Inboxes
{
    public static string Worker(string workerId) => "worker/" + workerId;
    public static string Region(string code) => "region/" + code;
}
