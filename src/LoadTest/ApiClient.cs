using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Grid.LoadTest;

public sealed record ApiAnswer(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The gateway's catch-all for /api paths that no feature maps (the feature is not deployed).</summary>
    public bool RouteMissing => Status == 404 && Body.Contains("There is no API at", StringComparison.Ordinal);

    public JsonNode? Json => IsSuccess && Body.Length > 0 ? JsonNode.Parse(Body) : null;
}

/// <summary>One signed-in identity on a shared connection pool; every call is timed and recorded.</summary>
public sealed class ApiClient(HttpClient http, LatencyRecorder recorder)
{
    public LatencyRecorder Recorder => recorder;

    public string? SubjectId { get; init; }
    public string UserName { get; init; } = "";
    public string Password { get; init; } = "";

    public static HttpClient Http(HttpMessageHandler handler, Uri baseAddress, TimeSpan timeout, string? token = null)
    {
        var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = timeout };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<ApiAnswer> SendAsync(string operation, HttpMethod method, string path, object? body = null,
        string? idempotencyKey = null, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType());
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var start = Schedule.TakeStart();
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            recorder.Record(operation, (int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return new ApiAnswer((int)response.StatusCode, text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            recorder.Record(operation, 0, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return new ApiAnswer(0, e.GetType().Name);
        }
    }

    public Task<ApiAnswer> GetAsync(string operation, string path, CancellationToken ct = default) =>
        SendAsync(operation, HttpMethod.Get, path, ct: ct);

    /// <summary>Tries a create gets: 1 + retries on 503 or no answer (every try is recorded, so a retried 503 still counts as an error).</summary>
    public int Retries { get; init; } = 2;

    /// <summary>
    /// A create as a phone sends it: the same Idempotency-Key on every try, retried while the
    /// answer is 503 or nothing, so a retry can never make a second one.
    /// </summary>
    public async Task<ApiAnswer> CreateAsync(string operation, HttpMethod method, string path, object body, string key, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await SendAsync(operation, method, path, body, key, ct);
            if (answer.Status is not (0 or 503) || attempt > Retries || ct.IsCancellationRequested) return answer;
            await Task.Delay(TimeSpan.FromMilliseconds(300 * attempt), ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
