using System.Net.Http.Headers;
using System.Text.Json;
using Grid.Contracts;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace Grid.Portal.Services;

/// <summary>
/// The signed-in person's notices as they land: reads GET api/notifications/stream (server-sent events)
/// with the access token, reconnecting after a drop with Last-Event-ID so the server replays what was
/// missed. Started by the layout for the roles that have an inbox; stopped on sign-out.
/// </summary>
public sealed class LiveNotices(HttpClient http, Session session) : IDisposable
{
    private static readonly string[] InboxRoles = [Roles.Worker, Roles.CenterStaff, Roles.Coordinator, Roles.Admin];
    private CancellationTokenSource? _running;
    private string? _lastId;

    public NotificationDto? Latest { get; private set; }
    public event Action<NotificationDto>? Received;

    /// <summary>Starts reading when someone with an inbox is signed in, stops when nobody is; safe to call on every session change.</summary>
    public void Follow()
    {
        var wanted = session.Account is { } a && InboxRoles.Contains(a.Role);
        if (wanted && _running is null)
        {
            _running = new CancellationTokenSource();
            _ = RunAsync(_running.Token);
        }
        else if (!wanted && _running is not null) Stop();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await ReadOnceAsync(ct); }
            catch (Exception) when (!ct.IsCancellationRequested) { /* offline or the server restarted: try again below */ }
            try { await Task.Delay(TimeSpan.FromSeconds(3), ct); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task ReadOnceAsync(CancellationToken ct)
    {
        if (session.NeedsRefresh) await session.RefreshAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/notifications/stream");
        request.SetBrowserResponseStreamingEnabled(true);
        if (session.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (_lastId is not null) request.Headers.Add("Last-Event-ID", _lastId);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized) { await session.RefreshAsync(); return; }
        if (!response.IsSuccessStatusCode) return;
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string? id = null, data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null) Deliver(id, data);
                id = data = null;
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) data = line[6..];
        }
    }

    private void Deliver(string? id, string data)
    {
        if (id is not null) _lastId = id;
        var notice = JsonSerializer.Deserialize<NotificationDto>(data, ApiClient.Json);
        if (notice is null) return;
        Latest = notice;
        Received?.Invoke(notice);
    }

    private void Stop()
    {
        _running?.Cancel();
        _running?.Dispose();
        _running = null;
        _lastId = null;
        Latest = null;
    }

    public void Dispose() => Stop();
}
