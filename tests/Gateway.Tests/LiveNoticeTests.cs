using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests;

/// <summary>
/// Live notices for the demo worker: the SSE stream hears an offer, and Web Push reaches a push service
/// (a local listener standing in for the browser vendor's) encrypted and VAPID-signed; a subscription the
/// push service calls gone (410) is removed.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class LiveNoticeTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AnOfferIsPushedToTheWorkersBrowserAndAGoneSubscriptionIsRemoved()
    {
        using var push = new LocalPushService();
        using var worker = await gateway.SignedInClientAsync(DemoAccounts.Worker);
        using var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        using var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var workerId = (await worker.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options))!.SubjectId!;

        var key = await worker.GetFromJsonAsync<PushKeyDto>("/api/notifications/push/key", Json.Options);
        Assert.False(string.IsNullOrEmpty(key!.PublicKey), "the embedded run generates VAPID keys");
        var live = push.Url("live");
        var gone = push.Url("gone");
        foreach (var endpoint in new[] { live, gone })
            Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsJsonAsync("/api/notifications/push/subscriptions", BrowserSubscription(endpoint), Json.Options)).StatusCode);
        var stored = await Subscriptions(worker);
        Assert.Contains(live, stored);
        Assert.Contains(gone, stored);

        try
        {
            await OfferToAsync(center, coordinator, workerId);

            var received = await push.WaitForAsync("live", TimeSpan.FromSeconds(15));
            Assert.Equal("POST", received.Method);
            Assert.Equal("aes128gcm", received.ContentEncoding);
            Assert.StartsWith("vapid t=", received.Authorization);
            Assert.Contains($"k={key.PublicKey}", received.Authorization);
            Assert.True(received.BodyLength > 0, "an encrypted payload");
            Assert.NotNull(received.Ttl);

            // The push service answered 410 for the other one: it is dropped, the live one kept.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((await Subscriptions(worker)).Contains(gone) && DateTime.UtcNow < deadline) await Task.Delay(100);
            var after = await Subscriptions(worker);
            Assert.DoesNotContain(gone, after);
            Assert.Contains(live, after);
        }
        finally
        {
            await worker.DeleteAsync("/api/notifications/push/subscriptions?endpoint=" + Uri.EscapeDataString(live));
        }
    }

    [Fact]
    public async Task TheStreamCarriesAnOfferAndReplaysAfterLastEventId()
    {
        using var worker = await gateway.SignedInClientAsync(DemoAccounts.Worker);
        using var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        using var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var workerId = (await worker.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options))!.SubjectId!;

        using var stream = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
        using var response = await worker.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var taskId = await OfferToAsync(center, coordinator, workerId);
        var (id, data) = await NextEventAsync(reader, taskId, TimeSpan.FromSeconds(15));
        Assert.Contains(taskId, data);

        // A reconnect with Last-Event-ID gets what came after it, from the inbox.
        var second = await OfferToAsync(center, coordinator, workerId);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream") { Headers = { { "Last-Event-ID", id } } };
        using var replay = await worker.SendAsync(again, HttpCompletionOption.ResponseHeadersRead);
        using var replayReader = new StreamReader(await replay.Content.ReadAsStreamAsync());
        var (_, replayed) = await NextEventAsync(replayReader, second, TimeSpan.FromSeconds(15));
        Assert.Contains(second, replayed);

        // Without a token there is no stream.
        using var anonymous = gateway.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/stream")).StatusCode);
    }

    [Fact]
    public async Task PendingSmsGoesOutThroughTheRegisteredSender()
    {
        var grains = gateway.Services.GetRequiredService<IGrainFactory>();
        var queue = grains.GetGrain<Grid.Grains.Evaluations.IOutgoingSmsGrain>("sms-test-" + Guid.NewGuid().ToString("N"));
        await queue.QueueAsync(new Grid.Grains.Evaluations.OutgoingSms("m1", "13800000000", "请评价本次服务", "record-1", DateTime.UtcNow));
        Assert.Single(await queue.PendingAsync(10));
        Assert.IsType<Grid.Grains.Common.LogOnlySmsSender>(gateway.Services.GetRequiredService<Grid.Grains.Common.ISmsSender>());

        Assert.Equal(1, await queue.SendPendingAsync(10));
        Assert.Empty(await queue.PendingAsync(10));
    }

    /// <summary>A fresh request, moved to the worker if dispatch chose another: the worker's inbox gets an offer.</summary>
    internal static async Task<string> OfferToAsync(HttpClient center, HttpClient coordinator, string workerId)
    {
        var village = workerId[..workerId.IndexOf("-W", StringComparison.Ordinal)];
        var dto = await Requests.FileAsync(center, $"{village}-R003", note: "live notice test");
        if (dto.WorkerId == workerId) return dto.Id;
        var moved = await coordinator.PostAsJsonAsync($"/api/tasks/{dto.Id}/reassign",
            new TaskActionDto(ActionId: Guid.NewGuid().ToString("N"), WorkerId: workerId, Reason: "test setup"), Json.Options);
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        return dto.Id;
    }

    private static async Task<(string Id, string Data)> NextEventAsync(StreamReader reader, string containing, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        string? id = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("the stream ended");
            if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains(containing)) return (id!, line[6..]);
        }
    }

    private static async Task<List<string>> Subscriptions(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<List<PushSubscriptionDto>>("/api/notifications/push/subscriptions", Json.Options))!.Select(s => s.Endpoint)];

    /// <summary>What a browser's PushManager gives: its own P-256 public key and a 16-byte auth secret.</summary>
    private static PushSubscriptionRequest BrowserSubscription(string endpoint)
    {
        using var ecdh = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = ecdh.ExportParameters(false).Q;
        return new PushSubscriptionRequest(endpoint, Base64Url([0x04, .. q.X!, .. q.Y!]), Base64Url(RandomNumberGenerator.GetBytes(16)));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A push service on this machine: "/{id}/live" accepts (201), "/{id}/gone" answers 410 as for an expired subscription.</summary>
internal sealed class LocalPushService : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PushReceived>> _received = new();

    public LocalPushService()
    {
        _prefix = $"http://127.0.0.1:{FreePorts.Next()}/{Guid.NewGuid():N}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url(string name) => _prefix + name;

    public Task<PushReceived> WaitForAsync(string name, TimeSpan within) => Slot(name).Task.WaitAsync(within);

    private TaskCompletionSource<PushReceived> Slot(string name) =>
        _received.GetOrAdd(name, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var name = context.Request.Url!.AbsolutePath.Split('/')[^1];
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Slot(name).TrySetResult(new PushReceived(context.Request.HttpMethod, context.Request.Headers["Content-Encoding"],
                context.Request.Headers["Authorization"] ?? "", context.Request.Headers["TTL"], body.Length));
            context.Response.StatusCode = name == "gone" ? 410 : 201;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

internal sealed record PushReceived(string Method, string? ContentEncoding, string Authorization, string? Ttl, long BodyLength);
