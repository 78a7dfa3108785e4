using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Grid.LoadTest;

namespace Grid.Cluster.Tests;

/// <summary>Reads back, through the API, every write the API acknowledged during a run.</summary>
public static class AcknowledgedWrites
{
    /// <summary>The acknowledged writes that cannot be read back as written (empty when none is lost).</summary>
    public static async Task<IReadOnlyList<string>> LostAsync(LoadWorld world, IEnumerable<AcknowledgedWrite> writes)
    {
        var lost = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(writes, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (write, ct) =>
        {
            var answer = await ReadAsync(world.Admin, PathOf(write), ct);
            if (answer.Json is not { } json) lost.Add($"{write.Kind} {write.Id}: {answer.Status}");
            else if (write.Kind == "task-accept" && (json["workerId"]?.ToString() != write.Owner || json["stage"]?.ToString() is "Queued" or "Offered"))
                lost.Add($"task {write.Id} accepted by {write.Owner} is now {json["stage"]} with {json["workerId"]}");
        });
        return [.. lost];
    }

    /// <summary>Waits for every acknowledged deadline to fire; returns those that did not in time.</summary>
    public static async Task<IReadOnlyList<string>> UnfiredDeadlinesAsync(LoadWorld world, IEnumerable<AcknowledgedWrite> writes, TimeSpan grace)
    {
        var pending = writes.Where(w => w.Kind == "deadline").ToList();
        var until = (pending.Count == 0 ? DateTimeOffset.UtcNow : pending.Max(w => w.DueAt!.Value)) + grace;
        while (pending.Count > 0 && DateTimeOffset.UtcNow < until)
        {
            var still = new ConcurrentBag<AcknowledgedWrite>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (write, ct) =>
            {
                var answer = await ReadAsync(world.Admin, PathOf(write), ct);
                if (answer.Json?["status"]?.ToString() != "Fired") still.Add(write);
            });
            pending = [.. still];
            if (pending.Count > 0) await Task.Delay(2000);
        }
        return pending.Select(w => $"deadline {w.Id} due {w.DueAt:HH:mm:ss} has not fired").ToList();
    }

    /// <summary>
    /// Requests acknowledged before <paramref name="since"/> whose task still waits on an offer made
    /// before then: its accept-timeout timer (a durable deadline) should have moved it on. Waits up
    /// to <paramref name="within"/> for them to clear; returns those that did not.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OffersStuckSinceAsync(LoadWorld world, IEnumerable<AcknowledgedWrite> writes,
        DateTimeOffset since, TimeSpan within)
    {
        var pending = writes.Where(w => w.Kind == "request" && w.At < since).ToList();
        var until = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var stuck = new ConcurrentBag<(AcknowledgedWrite Write, string Why)>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (write, ct) =>
            {
                var task = (await ReadAsync(world.Admin, $"/api/tasks/{Uri.EscapeDataString(write.Id)}", ct)).Json;
                var offered = (task?["history"] as JsonArray)?.OfType<JsonObject>().LastOrDefault(e => e["action"]?.ToString() == "offered");
                if (task?["stage"]?.ToString() == "Offered" && offered?["at"]?.GetValue<DateTimeOffset>() < since)
                    stuck.Add((write, $"task {write.Id} still offered to {offered["workerId"]} since {offered["at"]}"));
            });
            if (stuck.IsEmpty || DateTimeOffset.UtcNow > until) return stuck.Select(s => s.Why).ToList();
            pending = stuck.Select(s => s.Write).ToList();
            await Task.Delay(2000);
        }
    }

    /// <summary>Task ids that appear in more than one worker's list.</summary>
    public static async Task<IReadOnlyList<string>> TasksHeldTwiceAsync(LoadWorld world)
    {
        var holders = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        foreach (var worker in world.Workers)
        {
            var answer = await ReadAsync(worker, "/api/tasks/mine?pageSize=200", CancellationToken.None);
            foreach (var task in (answer.Json?["items"] as JsonArray)?.OfType<JsonObject>() ?? [])
                holders.GetOrAdd(task["id"]!.ToString(), _ => []).Add(worker.SubjectId ?? worker.UserName);
        }
        return holders.Where(h => h.Value.Count > 1).Select(h => $"{h.Key}: {string.Join(", ", h.Value)}").ToList();
    }

    private static string PathOf(AcknowledgedWrite write) => write.Kind switch
    {
        "request" => $"/api/requests/{Uri.EscapeDataString(write.Id)}",
        "task-accept" => $"/api/tasks/{Uri.EscapeDataString(write.Id)}",
        "service-record" => $"/api/service-records/{Uri.EscapeDataString(write.Id)}",
        "evaluation" => $"/api/evaluations/{Uri.EscapeDataString(write.Id)}",
        "account" => $"/api/admin/accounts/{write.Id}",
        "deadline" => $"/api/admin/deadlines/{write.Id}",
        _ => throw new ArgumentOutOfRangeException(nameof(write), write.Kind, "Unknown kind of write."),
    };

    /// <summary>A read retried while the cluster is still settling (503 or no answer), for up to a minute.</summary>
    private static async Task<ApiAnswer> ReadAsync(ApiClient client, string path, CancellationToken ct)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var answer = await client.GetAsync("verify", path, ct);
            if (answer.Status is not (0 or 503) || DateTime.UtcNow > until) return answer;
            await Task.Delay(1000, ct);
        }
    }
}

/// <summary>
/// Real requests through the gateway API: item codes from the catalog, residents and workers from
/// the directory of the fixture's county, each answer recorded (an acknowledged request is one
/// answered 201/200 with its id). Worker accounts are made so each worker's own list can be read.
/// </summary>
public sealed class RealRequests(HttpClient admin, string county)
{
    public const string WorkerPassword = "fault-test-password";
    private readonly ConcurrentBag<(string Id, DateTimeOffset At)> _acknowledged = [];
    private readonly ConcurrentDictionary<int, int> _statuses = new();

    public IReadOnlyList<string> ItemCodes { get; private set; } = [];
    public IReadOnlyList<JsonObject> Residents { get; private set; } = [];
    public IReadOnlyList<string> Villages { get; private set; } = [];
    public IReadOnlyList<(string WorkerId, HttpClient Client)> Workers { get; private set; } = [];
    public IReadOnlyCollection<(string Id, DateTimeOffset At)> Acknowledged => _acknowledged;
    public IReadOnlyDictionary<int, int> Statuses => _statuses;

    /// <summary>Reads item codes, residents of <paramref name="villages"/> villages and their workers from the API.</summary>
    public async Task PrepareAsync(int villages, Func<string, Task<HttpClient>> signIn)
    {
        var catalog = await admin.GetFromJsonAsync<JsonObject>("/api/catalog/items?pageSize=50");
        ItemCodes = [.. (catalog!["items"] as JsonArray)!.OfType<JsonObject>().Select(i => i["code"]!.ToString()).Distinct().Take(8)];
        var residents = await admin.GetFromJsonAsync<JsonObject>($"/api/residents?region={county}&pageSize=100");
        var all = (residents!["items"] as JsonArray)!.OfType<JsonObject>().ToList();
        Villages = [.. all.Select(r => r["villageCode"]!.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(villages)];
        Residents = [.. all.Where(r => Villages.Contains(r["villageCode"]!.ToString()))];
        var workers = new List<(string, HttpClient)>();
        foreach (var village in Villages)
        {
            var page = await admin.GetFromJsonAsync<JsonObject>($"/api/workers?region={village}&pageSize=100");
            foreach (var id in (page!["items"] as JsonArray)!.OfType<JsonObject>().Select(w => w["id"]!.ToString()))
            {
                var user = ("fault-" + id).ToLowerInvariant();
                var put = await admin.PutAsJsonAsync($"/api/admin/accounts/{user}", new { userName = user, displayName = user, password = WorkerPassword, role = "Worker", regionCode = village, subjectId = id });
                put.EnsureSuccessStatusCode();
                workers.Add((id, await signIn(user)));
            }
        }
        Workers = workers;
    }

    /// <summary>Sends requests from <paramref name="senders"/> loops until <paramref name="until"/>; a request answered 503 is retried with its key.</summary>
    public Task RunAsync(DateTimeOffset until, int senders) =>
        Task.WhenAll(Enumerable.Range(0, senders).Select(async sender =>
        {
            var n = 0;
            while (DateTimeOffset.UtcNow < until)
            {
                var resident = Residents[(sender * 7919 + n) % Residents.Count];
                var item = ItemCodes[n++ % ItemCodes.Count];
                await SendAsync(resident["id"]!.ToString(), item, Guid.NewGuid().ToString());
            }
        }));

    private async Task SendAsync(string residentId, string item, string key)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(new { residentId, itemCode = item }) };
        message.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await admin.SendAsync(message);
            _statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
            if (response.IsSuccessStatusCode)
                _acknowledged.Add(((await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.ToString(), DateTimeOffset.UtcNow));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _statuses.AddOrUpdate(0, 1, (_, c) => c + 1); // no answer: not acknowledged
        }
    }

    /// <summary>Each worker's own list (GET /api/tasks/mine) as (worker, task id) pairs.</summary>
    public async Task<List<(string WorkerId, string TaskId)>> HeldAsync()
    {
        var held = new List<(string, string)>();
        foreach (var (workerId, client) in Workers)
        {
            var page = await client.GetFromJsonAsync<JsonObject>("/api/tasks/mine?pageSize=200");
            held.AddRange((page!["items"] as JsonArray)!.OfType<JsonObject>().Select(t => (workerId, t["id"]!.ToString())));
        }
        return held;
    }

    /// <summary>A task through the API, retried while the cluster settles; null when it is not there.</summary>
    public async Task<JsonObject?> TaskAsync(string id)
    {
        var until = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            try
            {
                using var response = await admin.GetAsync($"/api/tasks/{Uri.EscapeDataString(id)}");
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound) return null;
                if (response.IsSuccessStatusCode) return await response.Content.ReadFromJsonAsync<JsonObject>();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"Task {id} could not be read within a minute.");
            await Task.Delay(1000);
        }
    }
}
