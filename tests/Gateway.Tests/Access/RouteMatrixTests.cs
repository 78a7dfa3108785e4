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
    public static readonly string TablePath = Path.Combine(AppContext.BaseDirectory, "Access", "RouteMatrix.txt");
    private readonly ProbeRequests _probes = new(world);

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
                var taskId = ProbeRequests.NeedsTask(op) ? await world.FreshTaskAsync(places[p]) : null;
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

    private async Task<HttpResponseMessage> CallAsync(ApiOperation op, string? account, AccessWorld.Place place, string? taskId = null)
    {
        var client = await world.ClientAsync(account);
        var request = new HttpRequestMessage(new HttpMethod(op.Method), _probes.Url(op, place, taskId));
        if (op.HasJsonBody) request.Content = AccessWorld.JsonBody(ProbeRequests.Body(op, place)?.ToJsonString() ?? "{}");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (op.Method is "PUT" or "POST") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return await ProbeRequests.SendAsync(client, request);
    }

    /// <summary>The answer as a table cell; a 5xx or a refusal that is not a clean problem is a failure on its own.</summary>
    private static async Task<char> CellAsync(ApiOperation op, string who, string place, HttpResponseMessage response, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var body = await ProbeRequests.BodyAsync(response);
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

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(Path.GetDirectoryName(file))!;

    /// <summary>What a refusal must never carry: ID numbers, phone numbers, or any record's fields.</summary>
    [GeneratedRegex("""\d{17}[\dXx]|1[3-9]\d{9}|"(idNumber|phone|address|name|residentId)"\s*:""")]
    private static partial Regex Leaks();
}
