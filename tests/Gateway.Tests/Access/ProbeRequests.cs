using System.Text.Json.Nodes;

namespace Grid.Gateway.Tests.Access;

/// <summary>
/// How the access and malformed-input tests fill in an operation of the OpenAPI document: path values
/// that name the place's resident, worker, task or village; the operation's example body pointed at
/// the place; the query parameters an operation needs to mean the place.
/// </summary>
public sealed class ProbeRequests(AccessWorld world)
{
    /// <summary>Sends a probe; an event stream (which never ends) answers with its status and headers, and is closed unread.</summary>
    public static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request) =>
        client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

    /// <summary>The answer's body, or "" for an event stream (closing it ends the stream at the server).</summary>
    public static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/event-stream") return await response.Content.ReadAsStringAsync();
        response.Dispose();
        return "";
    }

    public string Url(ApiOperation op, AccessWorld.Place place, string? taskId, IReadOnlyDictionary<string, string>? pathOverrides = null)
    {
        var path = op.Path;
        foreach (var name in op.PathParameters)
        {
            var value = pathOverrides?.GetValueOrDefault(name) ?? PathValue(op.Path, name, place, taskId);
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        }
        var query = new List<string>();
        if (op.HasQuery("region")) query.Add("region=" + place.Village);
        if (op.HasQuery("lat")) query.Add("lat=29.84&lng=114.32");
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

    public static bool NeedsTask(ApiOperation op) =>
        op.Path.StartsWith("/api/tasks/{id}", StringComparison.Ordinal) || op.Path.StartsWith("/api/requests/{id}", StringComparison.Ordinal);

    private string PathValue(string path, string name, AccessWorld.Place place, string? taskId) => (path, name) switch
    {
        (_, "id") when path.StartsWith("/api/residents", StringComparison.Ordinal) => place.ResidentId,
        (_, "id") when path.StartsWith("/api/workers", StringComparison.Ordinal) => place.WorkerId,
        (_, "id") when taskId is not null => taskId,
        (_, "id") when path.StartsWith("/api/entitlements", StringComparison.Ordinal) => world.EntitlementId,
        (_, "id") or (_, "recordId") => place.Village + "-X0000000000000001",
        (_, "code") when path.StartsWith("/api/catalog", StringComparison.Ordinal) => world.ItemCode,
        (_, "code") when path.StartsWith("/api/bundles", StringComparison.Ordinal) => world.BundleCode,
        (_, "code") or (_, "region") or (_, "key") => place.Village,
        (_, "itemCode") => world.ItemCode,
        (_, "jobId") => "0000000000000000000000000000000f",
        (_, "dimension") => "region",
        (_, "number") => "1",
        (_, "step") => "party-group-review",
        (_, "userName") => "probe-account",
        (_, "token") => "not-a-token",
        (_, "kind") => "Region",
        (_, "unitId") => place.Village,
        (_, "attachmentId") => "0000000000000000",
        (_, "keyId") => "probe-key",
        (_, "department") => "民政局",
        (_, "slotId") => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "-00000000",
        (_, "month") => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No probe value for {{{name}}} in {path}."),
    };

    /// <summary>The operation's example, pointed at the place: its resident, worker and village.</summary>
    public static JsonNode? Body(ApiOperation op, AccessWorld.Place place)
    {
        var body = op.ExampleBody();
        if (body is not JsonObject o) return body;
        // Ids inside the example (a worker's grids, a task's village) follow the place, so that a body is valid
        // wherever it points and access, not validation, is what answers for the other place.
        Rebase(o, ExampleVillage, place.Village);
        if (o.ContainsKey("residentId")) o["residentId"] = place.ResidentId;
        if (o.ContainsKey("workerId")) o["workerId"] = place.WorkerId;
        foreach (var key in new[] { "region", "regionCode", "villageCode", "targetVillageCode" })
            if (o.ContainsKey(key)) o[key] = place.Village;
        if (o.ContainsKey("actionId")) o["actionId"] = Guid.NewGuid().ToString("N");
        // A resident written by a probe stays at home, so later probes still find them in their place.
        if (o.ContainsKey("homeLat")) (o["homeLat"], o["homeLng"]) = (place.HomeLat, place.HomeLng);
        return o;
    }

    /// <summary>The village the contract examples are written for (温泉街道's first community, the demo seed's).</summary>
    private const string ExampleVillage = "421202001002";

    private static void Rebase(JsonNode? node, string from, string to)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    if (obj[key] is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(from, StringComparison.Ordinal) && text.Length > from.Length)
                        obj[key] = to + text[from.Length..];
                    else Rebase(obj[key], from, to);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var text) && text.StartsWith(from, StringComparison.Ordinal) && text.Length > from.Length)
                        array[i] = to + text[from.Length..];
                    else Rebase(array[i], from, to);
                break;
        }
    }
}
