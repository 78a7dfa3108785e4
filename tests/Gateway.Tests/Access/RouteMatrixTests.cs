using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Grid.Testing;
using Xunit.Abstractions;

namespace Grid.Gateway.Tests.Access;

/// <summary>
/// Every operation of /openapi/v1.json × every demo account × own and other place, and a stranger:
/// the answer must be what Access/RouteMatrix.txt says, written once per operation. "+" is allowed (any
/// answer but 401/403; never 5xx), "-" is 403 and "1" is 401, both as problem details that leak nothing.
/// An operation missing from the table fails the test. Set UPDATE_ROUTE_MATRIX=1 to write the table from
/// what the gateway answers today — then read every changed line before committing it.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed partial class RouteMatrixTests(AccessWorld world, ITestOutputHelper output)
{
    private static readonly string TablePath = Path.Combine(AppContext.BaseDirectory, "Access", "RouteMatrix.txt");

    [Fact]
    public async Task EveryOperationAnswersEveryRoleAndPlaceAsTheTableSays()
    {
        var operations = await ApiOperation.LoadAsync(await world.ClientAsync(null));
        Assert.True(operations.Count > 80, $"The OpenAPI document lists only {operations.Count} operations.");
        var table = RouteMatrix.Read(TablePath);
        var places = await world.PlacesAsync();
        var actual = new Dictionary<string, RouteMatrix.Row>();
        var failures = new List<string>();
        var calls = 0;

        foreach (var op in operations)
        {
            var anonymous = await CallAsync(op, null, places[0]);
            calls++;
            var cells = new char[2][];
            for (var p = 0; p < places.Length; p++)
            {
                cells[p] = new char[AccessWorld.Accounts.Length];
                var taskId = NeedsTask(op) ? await world.FreshTaskAsync(places[p]) : null;
                // Least privileged first, so that an allowed change by an administrator comes last.
                foreach (var a in Enumerable.Range(0, AccessWorld.Accounts.Length).Reverse())
                {
                    var response = await CallAsync(op, AccessWorld.Accounts[a], places[p], taskId);
                    calls++;
                    cells[p][a] = await CellAsync(op, AccessWorld.Accounts[a], places[p].Name, response, failures);
                }
            }
            var row = new RouteMatrix.Row(op.Key, await CellAsync(op, "anonymous", "own", anonymous, failures), new string(cells[0]), new string(cells[1]));
            actual[op.Key] = row;
            if (!table.TryGetValue(op.Key, out var expected)) failures.Add($"{op.Key}: no line in Access/RouteMatrix.txt (add one: who may call it, own and other place).");
            else if (expected != row) failures.Add($"{op.Key}: expected {expected.Text} but got {row.Text}");
        }
        foreach (var stale in table.Keys.Except(actual.Keys)) failures.Add($"{stale}: in the table but not in the OpenAPI document.");
        output.WriteLine($"{operations.Count} operations × ({AccessWorld.Accounts.Length} accounts × 2 places + anonymous) = {calls} calls; {failures.Count} mismatches.");

        if (Environment.GetEnvironmentVariable("UPDATE_ROUTE_MATRIX") == "1")
            RouteMatrix.Write(Path.Combine(SourceDirectory(), "Access", "RouteMatrix.txt"), actual.Values);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static bool NeedsTask(ApiOperation op) => op.Path.StartsWith("/api/tasks/{id}", StringComparison.Ordinal) || op.Path.StartsWith("/api/requests/{id}", StringComparison.Ordinal);

    private async Task<HttpResponseMessage> CallAsync(ApiOperation op, string? account, AccessWorld.Place place, string? taskId = null)
    {
        var client = await world.ClientAsync(account);
        var request = new HttpRequestMessage(new HttpMethod(op.Method), Url(op, place, taskId));
        if (op.HasJsonBody) request.Content = AccessWorld.JsonBody(Body(op, place)?.ToJsonString() ?? "{}");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (op.Method is "PUT" or "POST") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await client.SendAsync(request);
    }

    /// <summary>The answer as a table cell; a 5xx or a refusal that is not a clean problem is a failure on its own.</summary>
    private static async Task<char> CellAsync(ApiOperation op, string who, string place, HttpResponseMessage response, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) failures.Add($"{op.Key} as {who} ({place}): {status} {Trim(body)}");
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{op.Key} as {who} ({place}): {status} is not a problem-details answer ({response.Content.Headers.ContentType}).");
            if (Leaks().IsMatch(body)) failures.Add($"{op.Key} as {who} ({place}): the refusal leaks data: {Trim(body)}");
            return status == 401 ? '1' : '-';
        }
        return '+';
    }

    private string Url(ApiOperation op, AccessWorld.Place place, string? taskId)
    {
        var path = op.Path;
        foreach (var name in op.PathParameters)
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(PathValue(op.Path, name, place, taskId)));
        var query = new List<string>();
        if (op.HasQuery("region")) query.Add("region=" + place.Village);
        if (op.HasQuery("lat")) query.Add("lat=29.84&lng=114.32");
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }

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
        (_, "dimension") => "region",
        (_, "number") => "1",
        (_, "step") => "party-group-review",
        (_, "userName") => "probe-account",
        (_, "token") => "not-a-token",
        _ => throw new InvalidOperationException($"No probe value for {{{name}}} in {path}."),
    };

    /// <summary>The operation's example, pointed at the place: its resident, worker and village.</summary>
    private static JsonNode? Body(ApiOperation op, AccessWorld.Place place)
    {
        var body = op.ExampleBody();
        if (body is not JsonObject o) return body;
        if (o.ContainsKey("residentId")) o["residentId"] = place.ResidentId;
        if (o.ContainsKey("workerId")) o["workerId"] = place.WorkerId;
        foreach (var key in new[] { "region", "regionCode", "villageCode", "targetVillageCode" })
            if (o.ContainsKey(key)) o[key] = place.Village;
        if (o.ContainsKey("actionId")) o["actionId"] = Guid.NewGuid().ToString("N");
        // A resident written by a probe stays at home, so later probes still find them in their place.
        if (o.ContainsKey("homeLat")) (o["homeLat"], o["homeLng"]) = (place.HomeLat, place.HomeLng);
        return o;
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(Path.GetDirectoryName(file))!;

    /// <summary>What a refusal must never carry: ID numbers, phone numbers, or any record's fields.</summary>
    [GeneratedRegex("""\d{17}[\dXx]|1[3-9]\d{9}|"(idNumber|phone|address|name|residentId)"\s*:""")]
    private static partial Regex Leaks();
}
