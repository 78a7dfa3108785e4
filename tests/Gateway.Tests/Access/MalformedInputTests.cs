using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Grid.Gateway.Tests.Access;

/// <summary>A gateway of its own: what malformed calls are accepted must not disturb the route matrix's places.</summary>
[CollectionDefinition(Name)]
public sealed class MalformedCollection : ICollectionFixture<MalformedWorld>
{
    public const string Name = "malformed";
}

public sealed class MalformedWorld : AccessWorld;

/// <summary>
/// Every operation of /openapi/v1.json called with what careless and hostile clients send, generated
/// from its description (<see cref="MalformedInputs"/>): broken and mistyped JSON, missing and extra
/// fields, 100 KB strings, NaN and huge numbers, far dates, hostile ids. The caller is the first account
/// the route matrix lets in, so that validation, not access, is what answers. No answer is a 5xx; every
/// 4xx is a problem-details body; and a refused call stores nothing (the store's data_version is the same
/// before and after it).
/// </summary>
[Collection(MalformedCollection.Name)]
public sealed class MalformedInputTests(MalformedWorld world, ITestOutputHelper output)
{
    private readonly ProbeRequests _probes = new(world);

    [Fact]
    public async Task EveryOperationRefusesMalformedInputWithAProblemAndStoresNothing()
    {
        var operations = await ApiOperation.LoadAsync(await world.ClientAsync(null));
        Assert.True(operations.Count > 80, $"The OpenAPI document lists only {operations.Count} operations.");
        var table = RouteMatrix.Read(RouteMatrixTests.TablePath);
        var own = (await world.PlacesAsync())[0];
        using var store = new StorageWatch(Path.Combine(world.DataPath, "grid.db"));
        var failures = new List<string>();
        var (calls, refused, withBody) = (0, 0, 0);

        foreach (var op in operations)
        {
            var account = Caller(table, op);
            var client = await world.ClientAsync(account);
            var taskId = ProbeRequests.NeedsTask(op) ? await world.FreshTaskAsync(own) : null;
            var valid = ProbeRequests.Body(op, own);
            var inputs = MalformedInputs.For(op, valid).ToList();
            if (op.HasJsonBody) withBody++;
            await store.SettleAsync(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
            foreach (var input in inputs)
            {
                var before = store.Version();
                var started = DateTime.UtcNow;
                var response = await ProbeRequests.SendAsync(client, Request(op, input, own, taskId, valid));
                calls++;
                var status = (int)response.StatusCode;
                var body = await ProbeRequests.BodyAsync(response);
                var who = $"{op.Key} [{input}] as {account ?? "a stranger"}";
                if (status >= 500) failures.Add($"{who}: {status} {Trim(body)}");
                else if (input.Expected == Expected.UnsupportedMediaType && status != 415) failures.Add($"{who}: expected 415, got {status} {Trim(body)}");
                else if (input.Expected == Expected.Refusal && status < 400) failures.Add($"{who}: accepted ({status}) {Trim(body)}");
                if (status is >= 400 and < 500)
                {
                    refused++;
                    if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        failures.Add($"{who}: {status} is not a problem-details answer ({response.Content.Headers.ContentType}): {Trim(body)}");
                    if (store.Version() != before && Stored(op, store.WrittenSince(started.AddMilliseconds(-5))) is { } stored)
                        failures.Add($"{who}: refused with {status} but stored {stored}");
                }
                else if (status < 300) await store.SettleAsync(TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
            }
        }
        output.WriteLine($"{operations.Count} operations ({withBody} with a JSON body): {calls} malformed calls, {refused} refused with a 4xx; {failures.Count} failures.");
        Assert.True(calls > 1000, $"Only {calls} malformed calls were generated.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} malformed calls failed:\n" + string.Join("\n", failures.Take(150)));
    }

    /// <summary>
    /// What a refused call wrote that it should not have, or null. A refused sign-in writes one thing by
    /// design: the security audit's entry of the failed attempt (the audit day grain).
    /// </summary>
    private static string? Stored(ApiOperation op, IReadOnlyList<string> written)
    {
        var unexpected = op.Key == "POST /api/auth/token" ? written.Where(w => !w.StartsWith("auditday ", StringComparison.Ordinal)).ToList() : written;
        return written.Count == 0 ? "(rows other than grain state: reminders?)" : unexpected.Count == 0 ? null : string.Join(", ", unexpected);
    }

    /// <summary>The first account the route matrix lets in at the own place (validation answers, not access); else a stranger where strangers may call; else the administrator.</summary>
    private static string? Caller(Dictionary<string, RouteMatrix.Row> table, ApiOperation op)
    {
        if (!table.TryGetValue(op.Key, out var row)) return AccessWorld.Accounts[0];
        var index = row.Own.IndexOf('+');
        return index >= 0 ? AccessWorld.Accounts[index] : row.Anonymous == '+' ? null : AccessWorld.Accounts[0];
    }

    private HttpRequestMessage Request(ApiOperation op, MalformedInput input, AccessWorld.Place place, string? taskId, JsonNode? valid)
    {
        var url = _probes.Url(op, place, taskId, input.PathName is { } p ? new Dictionary<string, string> { [p] = input.PathValue! } : null);
        if (input.QueryName is { } name)
        {
            var query = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(input.QueryValue!);
            var at = url.IndexOf('?');
            var kept = at < 0 ? "" : string.Join("&", url[(at + 1)..].Split('&').Where(q => !q.StartsWith(name + "=", StringComparison.Ordinal)));
            url = (at < 0 ? url : url[..at]) + "?" + (kept.Length > 0 ? kept + "&" : "") + query;
        }
        var request = new HttpRequestMessage(new HttpMethod(op.Method), url);
        if (op.HasJsonBody && !input.NoBody)
            request.Content = new StringContent(input.Body ?? valid?.ToJsonString() ?? "{}", Encoding.UTF8, input.ContentType);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (op.Method is "PUT" or "POST") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }

    private static string Trim(string body) => body.Length > 200 ? body[..200] + "…" : body;
}
