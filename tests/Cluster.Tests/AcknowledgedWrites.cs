using System.Collections.Concurrent;
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
