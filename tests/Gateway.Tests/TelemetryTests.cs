using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>A gateway with a scrape token and request logging at Information, so the request log can be read back.</summary>
public sealed class TelemetryGatewayFactory : GatewayFactory
{
    public const string ScrapeToken = "scrape-token-for-tests";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings(),
        new("Grid:Telemetry:ScrapeToken", ScrapeToken),
        new("Serilog:MinimumLevel:Default", "Information"),
        new("Serilog:MinimumLevel:Override:Microsoft", "Warning"),
        new("Serilog:MinimumLevel:Override:Orleans", "Warning"),
    ];
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryGatewayFactory>
{
    public const string Name = "telemetry";
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests(TelemetryGatewayFactory gateway)
{
    [Fact]
    public async Task MetricsAreOpenOnlyToTheAdminOrTheScrapeToken()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.CreateClient().GetAsync("/metrics")).StatusCode);
        var wrong = gateway.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("/metrics")).StatusCode);
        var worker = await gateway.SignedInClientAsync(DemoAccounts.Worker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/metrics")).StatusCode);

        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Scraper().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AfterAFewRequestsMetricsListAssignmentRequestsStorageAndActivations()
    {
        for (var i = 0; i < 3; i++) await CreateRequestAsync(traceId: null);

        var text = "";
        // The exporter caches a scrape briefly; the next one after that shows the requests above.
        for (var attempt = 0; attempt < 20 && !text.Contains("grid_assignment_duration"); attempt++)
        {
            await Task.Delay(attempt == 0 ? 0 : 500);
            text = await Scraper().GetStringAsync("/metrics");
        }

        Assert.Contains("grid_assignment_duration_seconds_bucket", text);
        Assert.Contains("grid_offers_total", text);
        Assert.Contains("grid_storage_duration_seconds_bucket", text);
        Assert.Contains("grid_storage_batch_size_bucket", text);
        Assert.Contains("grid_storage_written_bytes_total{", text);
        Assert.Contains("http_server_request_duration_seconds_bucket", text);
        Assert.Contains("http_route=\"/api/requests", text);
        Assert.Contains("orleans_catalog_activation", text);
    }

    [Fact]
    public async Task ARequestsTraceHasTheHttpSpanAndItsGrainCallsUnderIt()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore" || source.Name.StartsWith("Microsoft.Orleans.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { if (a.TraceId == traceId) stopped.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);

        await CreateRequestAsync(traceId);

        Activity? http = null;
        for (var attempt = 0; attempt < 50 && http is null; attempt++)
        {
            await Task.Delay(100);
            http = stopped.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server);
        }
        Assert.NotNull(http);
        var spans = stopped.ToDictionary(a => a.SpanId);
        var grainCalls = stopped.Where(a => a.Source.Name == "Microsoft.Orleans.Application").ToList();
        Assert.NotEmpty(grainCalls);
        Assert.Contains(grainCalls, call => call.GetTagItem("rpc.method") is string method && method.Contains("IRequestIntakeGrain"));
        Assert.All(grainCalls, call => Assert.True(Descends(call, http.SpanId, spans), $"{call.DisplayName} is not under the HTTP span"));
    }

    [Fact]
    public async Task ARefusedRequestIsLoggedWithTheStatusTheClientGotAndNotAsAnError()
    {
        // A domain refusal thrown by the handler (an over-long Idempotency-Key) and answered 400 by the exception handler.
        var traceId = ActivityTraceId.CreateRandom();
        var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new CreateRequestDto("421202001001-R001", "JY-GF-001"), options: Json.Options),
        };
        request.Headers.Add("Idempotency-Key", new string('k', 101));
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.BadRequest, (await center.SendAsync(request)).StatusCode);

        // Wait for the request-completion event itself: other events of the trace (the exception
        // handler's) can reach the file first, and the file sink flushes on its own schedule.
        List<JsonElement> events = [], requestLog = [];
        for (var attempt = 0; attempt < 150 && requestLog.Count == 0; attempt++)
        {
            await Task.Delay(100);
            events = ReadLog().Where(e => e.TryGetProperty("TraceId", out var t) && t.GetString() == traceId.ToHexString()).ToList();
            requestLog = events.Where(e => e.TryGetProperty("StatusCode", out _)).ToList();
        }
        Assert.NotEmpty(events);
        Assert.Single(requestLog);
        Assert.Equal(400, requestLog[0].GetProperty("StatusCode").GetInt32());
        Assert.Equal("/api/requests", requestLog[0].GetProperty("RequestPath").GetString());
        Assert.All(events, e => Assert.False(e.TryGetProperty("@l", out var level) && level.GetString() is "Error" or "Fatal", e.ToString()));
    }

    private HttpClient Scraper()
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryGatewayFactory.ScrapeToken);
        return client;
    }

    private async Task CreateRequestAsync(ActivityTraceId? traceId)
    {
        var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        var village = (await center.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options))!.RegionCode!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new CreateRequestDto($"{village}-R001", "JY-GF-001", Note: "telemetry test"), options: Json.Options),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        if (traceId is { } id) request.Headers.Add("traceparent", $"00-{id.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var response = await center.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static bool Descends(Activity span, ActivitySpanId ancestor, IReadOnlyDictionary<ActivitySpanId, Activity> spans)
    {
        for (var parent = span.ParentSpanId; parent != default; parent = spans.TryGetValue(parent, out var p) ? p.ParentSpanId : default)
        {
            if (parent == ancestor) return true;
        }
        return false;
    }

    private IEnumerable<JsonElement> ReadLog()
    {
        var folder = Path.Combine(gateway.DataPath, "logs");
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.GetFiles(folder, "grid-*.clef"))
        {
            // The gateway's file sink holds the file open for writing.
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0) yield return JsonDocument.Parse(line).RootElement.Clone();
            }
        }
    }
}
