using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Grid.LoadTest;

/// <summary>The kinds of work in the mix, each a short sequence of HTTP calls as a real user makes them.</summary>
/// <remarks>Item codes, residents and workers all come from <see cref="LoadWorld"/>, which read them from the running system.</remarks>
public sealed class Operations(LoadWorld world, ConcurrentQueue<AcknowledgedWrite> acknowledged, ConcurrentDictionary<string, bool> disabled, Ledger ledger)
{
    private readonly ConcurrentDictionary<string, bool> _busyWorkers = new();
    private readonly bool _residentAsksForThemself = world.Resident.SubjectId is { Length: >= 12 } me && world.Villages.Contains(me[..12]);

    public Task RunAsync(string kind, CancellationToken ct) => kind switch
    {
        "reads" => ReadAsync(ct),
        "sign-in" => SignInAsync(ct),
        "requests" => CreateRequestAsync(ct),
        "worker" => WorkerStepAsync(ct),
        "evaluations" => EvaluateAsync(ct),
        "accounts" => WriteAccountAsync(ct),
        "deadlines" => ScheduleDeadlineAsync(ct),
        "hotline" => CreateWorkOrderAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of work."),
    };

    private static T Any<T>(IReadOnlyList<T> list) => list[Random.Shared.Next(list.Count)];

    private void Skip(string kind, ApiAnswer answer)
    {
        if (answer.RouteMissing) disabled[kind] = true;
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        if (world.Reads.Count == 0) return;
        var (op, path) = Any(world.Reads);
        await world.Resident.GetAsync(op, path, ct);
    }

    private Task SignInAsync(CancellationToken ct)
    {
        var who = Random.Shared.Next(2) == 0 || world.Workers.Count == 0 ? world.Resident : Any(world.Workers);
        return who.SendAsync("sign-in", HttpMethod.Post, "/api/auth/token", new { userName = who.UserName, password = who.Password }, ct: ct);
    }

    /// <summary>
    /// A resident asks for themself, or the hotline asks for a resident of the directory, for an item
    /// of the catalog. The answer carries the task's stage: Offered (assigned to a worker) or Queued.
    /// </summary>
    private async Task CreateRequestAsync(CancellationToken ct)
    {
        var self = Random.Shared.Next(10) < 3 && _residentAsksForThemself;
        var client = self ? world.Resident : world.Staff;
        var resident = self ? world.Resident.SubjectId! : Any(Any(world.People).Residents);
        var key = Guid.NewGuid().ToString("N");
        var answer = await client.CreateAsync("create-request", HttpMethod.Post, "/api/requests",
            new { residentId = resident, itemCode = Any(world.Items).Code, urgency = "Routine", note = "负载测试" }, key, ct);
        Skip("requests", answer);
        // A 200 is a retry's replay (the first try got no answer): unexpected, yet the request exists, so the recount expects it.
        if (answer.Json?["id"]?.GetValue<string>() is not { } id) return;
        var stage = answer.Json["stage"]?.ToString() ?? "none";
        client.Recorder.Outcome("create-request", stage == "Offered" ? "offered" : stage.ToLowerInvariant());
        ledger.Requests[id] = stage;
        acknowledged.Enqueue(new AcknowledgedWrite("request", id, $"{client.UserName}/{key}", client.UserName, DateTimeOffset.UtcNow));
    }

    /// <summary>A worker opens their list and takes the next step on one task; one step at a time per worker, as on a phone.</summary>
    private async Task WorkerStepAsync(CancellationToken ct)
    {
        var worker = Any(world.Workers);
        if (!_busyWorkers.TryAdd(worker.UserName, true)) worker = world.Workers.FirstOrDefault(w => _busyWorkers.TryAdd(w.UserName, true));
        if (worker is null) return;
        try
        {
            var mine = await worker.GetAsync("tasks-mine", "/api/tasks/mine?pageSize=20", ct);
            Skip("worker", mine);
            var tasks = (mine.Json?["items"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            var next = tasks.OrderByDescending(t => Stage(t) switch { "CheckedIn" => 3, "Accepted" => 2, "Offered" => 1, _ => 0 }).FirstOrDefault();
            if (next is null || Stage(next) is not ("CheckedIn" or "Accepted" or "Offered")) return;
            var id = next["id"]!.GetValue<string>();
            var key = Guid.NewGuid().ToString("N");
            var (op, body) = Stage(next) switch
            {
                "Offered" => ("task-accept", (object)new { actionId = key }),
                "Accepted" => ("task-check-in", new { actionId = key, lat = Number(next, "lat", 29.85), lng = Number(next, "lng", 114.32) }),
                _ => ("task-complete", new { actionId = key, outcome = "已代办完成，材料已交还居民" }),
            };
            var answer = await worker.CreateAsync(op, HttpMethod.Post, $"/api/tasks/{Uri.EscapeDataString(id)}/{op[5..]}", body, key, ct);
            if (answer.Status == Expectations.For(op)) ledger.Step(id, answer.Json?["stage"]?.ToString() ?? "none");
            if (answer.IsSuccess && op == "task-accept")
                acknowledged.Enqueue(new AcknowledgedWrite("task-accept", id, key, worker.SubjectId, DateTimeOffset.UtcNow));
        }
        finally
        {
            _busyWorkers.TryRemove(worker.UserName, out _);
        }
    }

    private static string? Stage(JsonObject task) => task["stage"]?.ToString();

    private static double Number(JsonObject o, string name, double fallback) =>
        o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : fallback;

    /// <summary>Center staff register a service done by one of the village's workers, then enter the resident's rating from a phone call.</summary>
    private async Task EvaluateAsync(CancellationToken ct)
    {
        var village = Any(world.People);
        if (village.Workers.Count == 0) return;
        var item = Any(world.Items);
        var key = Guid.NewGuid().ToString("N");
        var record = await world.Staff.CreateAsync("register-service", HttpMethod.Post, "/api/service-records", new
        {
            kind = "WindowService", staffId = Any(village.Workers), staffName = "窗口工作人员", itemCode = item.Code, itemName = item.Name,
            villageCode = village.Code, completedAt = DateTimeOffset.UtcNow.AddMinutes(-Random.Shared.Next(1, 120)),
            residentId = Any(village.Residents),
        }, key, ct);
        Skip("evaluations", record);
        if (record.Json?["id"]?.GetValue<string>() is not { } id) return;
        ledger.ServiceRecords[id] = true;
        acknowledged.Enqueue(new AcknowledgedWrite("service-record", id, key, world.Staff.UserName, DateTimeOffset.UtcNow));
        var overall = Random.Shared.Next(20) == 0 ? "Dissatisfied" : "Satisfied";
        var evaluation = await world.Staff.CreateAsync("evaluate", HttpMethod.Post, "/api/evaluations",
            new { recordId = id, overall, channel = "Phone", comment = "电话回访" }, Guid.NewGuid().ToString("N"), ct);
        if (evaluation.Status != Expectations.For("evaluate")) return;
        ledger.Evaluations[id] = overall;
        acknowledged.Enqueue(new AcknowledgedWrite("evaluation", id, key, world.Staff.UserName, DateTimeOffset.UtcNow));
    }

    /// <summary>
    /// The hotline center (the data bureau's agent) files a caller's work order: a category of the tree,
    /// an address in one of the region's villages. The answer is the order, Received.
    /// </summary>
    private async Task CreateWorkOrderAsync(CancellationToken ct)
    {
        if (world.HotlineCategories.Count == 0) return;
        var category = Any(world.HotlineCategories);
        var key = Guid.NewGuid().ToString("N");
        var answer = await world.Agent.CreateAsync("create-work-order", HttpMethod.Post, "/api/hotline/orders", new
        {
            channel = "Agent", category, grade = "Request", urgency = "Routine", description = "负载测试: 来电反映",
            address = $"负载测试路 {Random.Shared.Next(1, 999)} 号", regionCode = Any(world.Villages),
            callerName = "负载测试", callerPhone = "139" + Random.Shared.Next(10_000_000, 99_999_999),
        }, key, ct);
        Skip("hotline", answer);
        if (answer.Json?["id"]?.GetValue<string>() is not { } id) return;
        world.Agent.Recorder.Outcome("create-work-order", answer.Json["stage"]?.ToString().ToLowerInvariant() ?? "none");
        ledger.WorkOrders[id] = category;
        acknowledged.Enqueue(new AcknowledgedWrite("work-order", id, key, world.Agent.UserName, DateTimeOffset.UtcNow));
    }

    private async Task WriteAccountAsync(CancellationToken ct)
    {
        var user = "load-acct-" + Guid.NewGuid().ToString("N")[..12];
        var village = Any(world.Villages);
        var answer = await world.Admin.CreateAsync("write-account", HttpMethod.Put, $"/api/admin/accounts/{user}",
            new { userName = user, displayName = "负载账户", password = "load-account-password", role = "Resident", regionCode = village, subjectId = $"{village}-R001" },
            user, ct);
        if (answer.IsSuccess) acknowledged.Enqueue(new AcknowledgedWrite("account", user, null, null, DateTimeOffset.UtcNow));
    }

    private async Task ScheduleDeadlineAsync(CancellationToken ct)
    {
        var id = "load-" + Guid.NewGuid().ToString("N");
        var due = DateTimeOffset.UtcNow.AddSeconds(Random.Shared.Next(15, 45));
        var answer = await world.Admin.CreateAsync("schedule-deadline", HttpMethod.Put, "/api/admin/deadlines",
            new { id, dueAt = due, kind = "load-probe" }, id, ct);
        if (answer.IsSuccess) acknowledged.Enqueue(new AcknowledgedWrite("deadline", id, null, null, DateTimeOffset.UtcNow, due));
    }
}
