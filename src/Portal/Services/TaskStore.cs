using Grid.Contracts;

namespace Grid.Portal.Services;

/// <summary>A step taken on a task, kept until the server has it; its ActionId makes a replay harmless.</summary>
public sealed record QueuedAction(string ActionId, string TaskId, string Verb, TaskActionDto Body, DateTimeOffset TakenAt);

/// <summary>
/// The worker's task list and the steps they take, working offline: the list and each opened task
/// are cached; every step is queued first (with a fresh action id) and sent at once or when the
/// connection returns. The server acts once per action id, so a resend after a lost answer is safe.
/// </summary>
public sealed class TaskStore(ApiClient api, LocalStore store, Browser browser)
{
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private List<QueuedAction>? _queue;

    public List<TaskListItemDto> Tasks { get; private set; } = [];
    public Dictionary<string, TaskDto> Details { get; private set; } = [];
    public DateTimeOffset? FetchedAt { get; private set; }
    public bool FromCache { get; private set; }
    public IReadOnlyList<QueuedAction> Pending => _queue ?? [];
    public List<string> Failures { get; } = [];
    public event Action? Changed;

    public async Task LoadCacheAsync()
    {
        if (_queue is not null) return;
        _queue = await store.GetAsync<List<QueuedAction>>("queue") ?? [];
        Tasks = await store.GetAsync<List<TaskListItemDto>>("tasks") ?? [];
        Details = await store.GetAsync<Dictionary<string, TaskDto>>("task-details") ?? [];
        FetchedAt = await store.GetAsync<DateTimeOffset?>("tasks-at");
        FromCache = true;
    }

    /// <summary>The list from the server, or the cached one when the server cannot be reached.</summary>
    public async Task RefreshAsync(Position? at)
    {
        await LoadCacheAsync();
        await FlushAsync();
        try
        {
            var query = at is { Ok: true } p ? $"?lat={p.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lng={p.Lng.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
            var page = await api.GetAsync<Page<TaskListItemDto>>("api/tasks/mine" + query + (query == "" ? "?" : "&") + "pageSize=200");
            Tasks = [.. page.Items];
            FetchedAt = DateTimeOffset.UtcNow;
            FromCache = false;
            foreach (var q in Pending) ApplyLocally(q.TaskId, q.Verb);
            await store.SetAsync("tasks", Tasks);
            await store.SetAsync("tasks-at", FetchedAt);
        }
        catch (HttpRequestException) { FromCache = true; }
        Changed?.Invoke();
    }

    public async Task<TaskDto?> DetailAsync(string id)
    {
        await LoadCacheAsync();
        try
        {
            var task = await api.GetAsync<TaskDto>($"api/tasks/{id}");
            Details[id] = task;
            FromCache = false; // what this page shows came from the server just now
            foreach (var q in Pending.Where(q => q.TaskId == id)) ApplyLocally(q.TaskId, q.Verb);
            await store.SetAsync("task-details", Details);
        }
        catch (HttpRequestException) { FromCache = true; }
        Changed?.Invoke();
        return Details.GetValueOrDefault(id);
    }

    public TaskStage StageOf(string id) =>
        Details.TryGetValue(id, out var d) ? d.Stage : Tasks.FirstOrDefault(t => t.Id == id)?.Stage ?? TaskStage.Offered;

    /// <summary>Queues the step, shows it at once, and sends it if the connection allows. True when the server has it.</summary>
    public async Task<bool> ActAsync(string taskId, string verb, TaskActionDto body)
    {
        await LoadCacheAsync();
        var action = new QueuedAction(Guid.NewGuid().ToString("N"), taskId, verb, body, DateTimeOffset.UtcNow);
        _queue!.Add(action with { Body = body with { ActionId = action.ActionId } });
        ApplyLocally(taskId, verb);
        await SaveAsync();
        await FlushAsync();
        return !_queue.Any(q => q.ActionId == action.ActionId);
    }

    /// <summary>Sends queued steps in the order taken; stops at the first that cannot reach the server.</summary>
    public async Task FlushAsync()
    {
        await LoadCacheAsync();
        if (_queue!.Count == 0 || !await _flushing.WaitAsync(0)) return;
        try
        {
            while (_queue.Count > 0)
            {
                var next = _queue[0];
                try
                {
                    var task = await api.PostAsync<TaskDto>($"api/tasks/{next.TaskId}/{next.Verb}", next.Body, idempotencyKey: next.ActionId);
                    Details[task.Id] = task;
                }
                catch (HttpRequestException) { break; }
                catch (ApiException e) when (e.Status is >= 400 and < 500)
                {
                    Failures.Add($"{next.TaskId} {next.Verb}: {e.Message}");
                }
                _queue.RemoveAt(0);
                await SaveAsync();
            }
        }
        finally
        {
            _flushing.Release();
            Changed?.Invoke();
        }
    }

    public async Task StartAsync()
    {
        await LoadCacheAsync();
        browser.ConnectivityChanged += async online => { if (online) await FlushAsync(); };
    }

    private void ApplyLocally(string taskId, string verb)
    {
        var stage = verb switch
        {
            "accept" => TaskStage.Accepted, "check-in" => TaskStage.CheckedIn, "complete" => TaskStage.Completed,
            "decline" => TaskStage.Cancelled, "fail" => TaskStage.Failed, _ => (TaskStage?)null,
        };
        if (stage is not { } s) return;
        var i = Tasks.FindIndex(t => t.Id == taskId);
        if (i >= 0) Tasks[i] = Tasks[i] with { Stage = s };
        if (Details.TryGetValue(taskId, out var d)) Details[taskId] = d with { Stage = s };
    }

    private async Task SaveAsync()
    {
        await store.SetAsync("queue", _queue);
        await store.SetAsync("tasks", Tasks);
        await store.SetAsync("task-details", Details);
        Changed?.Invoke();
    }
}
