using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Grid.LoadTest;

/// <summary>
/// Reads back through the API, as the admin, everything the run was told it created: each request,
/// the region's open-task board (it must have grown by the requests made less the tasks completed),
/// each task step a worker was answered for, each service record and evaluation, each work order.
/// </summary>
public sealed class Recount(LoadWorld world, Ledger ledger)
{
    private const int Parallel = 16;
    private readonly ApiClient _admin = world.Admin;

    /// <summary>Open tasks on the region's board (GET /api/tasks total); null when the route is not served.</summary>
    public async Task<long?> OpenTasksAsync(CancellationToken ct)
    {
        var answer = await _admin.GetAsync("recount", $"/api/tasks?region={world.County}&pageSize=1", ct);
        return answer.Json?["total"]?.GetValue<long>();
    }

    /// <param name="openBefore">The board's open tasks before the run.</param>
    /// <param name="settle">How long the board may take to show the run's tasks (its updates may follow the answer).</param>
    public async Task<IReadOnlyList<RecountLine>> RunAsync(long? openBefore, TimeSpan settle, CancellationToken ct)
    {
        var lines = new List<RecountLine>();
        if (!ledger.Requests.IsEmpty || world.MissingRoutes.Count == 0)
        {
            lines.Add(await EachAsync("requests", ledger.Requests.Keys, id => $"/api/requests/{Uri.EscapeDataString(id)}",
                (id, json) => json["id"]?.ToString() == id ? null : $"request {id} reads back as {json["id"]}", ct));
        }
        if (openBefore is { } before)
        {
            var completed = ledger.Steps.Values.Count(s => s == "Completed");
            var expected = before + ledger.Requests.Count - completed;
            long? after = null;
            var until = DateTime.UtcNow + settle;
            while ((after = await OpenTasksAsync(ct)) != expected && DateTime.UtcNow < until) await Task.Delay(500, ct);
            lines.Add(new RecountLine("open tasks", expected, after ?? -1,
                after == expected ? [] : [$"board had {before} open tasks; +{ledger.Requests.Count} requests −{completed} completed = {expected}, now {after}"]));
        }
        if (!ledger.Steps.IsEmpty)
        {
            lines.Add(await EachAsync("task steps", ledger.Steps.Keys, id => $"/api/tasks/{Uri.EscapeDataString(id)}",
                (id, json) => Ledger.Rank(json["stage"]?.ToString()) >= Ledger.Rank(ledger.Steps[id]) || json["stage"]?.ToString() is "Failed" or "Cancelled"
                    ? null : $"task {id} was answered {ledger.Steps[id]} but is {json["stage"]}", ct));
        }
        if (!ledger.ServiceRecords.IsEmpty)
        {
            lines.Add(await EachAsync("service records", ledger.ServiceRecords.Keys, id => $"/api/service-records/{Uri.EscapeDataString(id)}",
                (id, json) => json["id"]?.ToString() == id ? null : $"service record {id} reads back as {json["id"]}", ct));
        }
        if (!ledger.Evaluations.IsEmpty)
        {
            lines.Add(await EachAsync("evaluations", ledger.Evaluations.Keys, id => $"/api/evaluations/{Uri.EscapeDataString(id)}",
                (id, json) => json["overall"]?.ToString() == ledger.Evaluations[id] ? null
                    : $"evaluation of {id} was {ledger.Evaluations[id]}, reads {json["overall"]}", ct));
        }
        if (!ledger.WorkOrders.IsEmpty)
        {
            lines.Add(await EachAsync("work orders", ledger.WorkOrders.Keys, id => $"/api/hotline/orders/{Uri.EscapeDataString(id)}",
                (id, json) => json["id"]?.ToString() == id && json["category"]?.ToString() == ledger.WorkOrders[id] ? null
                    : $"work order {id} was filed as {ledger.WorkOrders[id]}, reads {json["id"]} {json["category"]}", ct));
        }
        return lines;
    }

    /// <summary>Reads each id back; found when it answers 200 and <paramref name="differs"/> finds nothing wrong.</summary>
    private async Task<RecountLine> EachAsync(string kind, ICollection<string> ids, Func<string, string> path,
        Func<string, JsonObject, string?> differs, CancellationToken ct)
    {
        var missing = new ConcurrentBag<string>();
        long found = 0;
        await System.Threading.Tasks.Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct }, async (id, token) =>
        {
            var answer = await ReadAsync(path(id), token);
            var why = answer.Json is JsonObject json ? differs(id, json) : $"{kind} {id}: {answer.Status} {Truncate(answer.Body)}";
            if (why is null) Interlocked.Increment(ref found);
            else missing.Add(why);
        });
        return new RecountLine(kind, ids.Count, found, [.. missing.Order(StringComparer.Ordinal)]);
    }

    /// <summary>A read retried on 503 or no answer a few times: the recount checks what is stored, not whether the system is busy.</summary>
    private async Task<ApiAnswer> ReadAsync(string path, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await _admin.GetAsync("recount", path, ct);
            if (answer.Status is not (0 or 503) || attempt == 5) return answer;
            await Task.Delay(500 * attempt, ct);
        }
    }

    private static string Truncate(string body) => body.Length <= 160 ? body : body[..160] + "…";
}
