using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Dispatch;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>
/// GET /api/notifications/stream: one SSE connection, backed by an observer registered with the
/// caller's inbox grain (wherever in the cluster it lives), renewed within the inbox's lease.
/// Subscribes first, then replays after Last-Event-ID, so nothing stored in between is lost; an id
/// seen twice is written once.
/// </summary>
public static class NotificationStream
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Renew = NotificationInboxGrain.ObserverLease / 3;

    public static async Task StreamAsync(HttpContext http, ClaimsPrincipal user, AccessService access, IGrainFactory grains,
        IOptions<JsonOptions> json, string? region = null)
    {
        var inbox = grains.GetGrain<INotificationInboxGrain>(NotificationsApi.InboxOf(user, access, region));
        var lastId = http.Request.Headers["Last-Event-ID"].FirstOrDefault();
        var ct = http.RequestAborted;

        var observer = new Observer();
        var reference = grains.CreateObjectReference<INotificationObserver>(observer);
        try
        {
            await inbox.SubscribeAsync(reference);
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache, no-transform";
            http.Response.Headers["X-Accel-Buffering"] = "no"; // a proxy must not hold events back
            http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
            await http.Response.WriteAsync("retry: 3000\n\n", ct);
            var sent = new HashSet<string>(StringComparer.Ordinal);
            if (!string.IsNullOrEmpty(lastId))
                foreach (var n in await inbox.AfterAsync(lastId, 100)) await WriteAsync(http, n, sent, json.Value.SerializerOptions, ct);
            await http.Response.Body.FlushAsync(ct);

            var renewAt = DateTime.UtcNow + Renew;
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(Heartbeat);
                try
                {
                    var n = await observer.Notices.Reader.ReadAsync(wait.Token);
                    await WriteAsync(http, n, sent, json.Value.SerializerOptions, ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": heartbeat\n\n", ct);
                }
                await http.Response.Body.FlushAsync(ct);
                if (DateTime.UtcNow >= renewAt) { await inbox.SubscribeAsync(reference); renewAt = DateTime.UtcNow + Renew; }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away.
        }
        finally
        {
            try { await inbox.UnsubscribeAsync(reference); } catch (Exception) { /* the lease ends it anyway */ }
            grains.DeleteObjectReference<INotificationObserver>(reference);
        }
    }

    private static async Task WriteAsync(HttpContext http, Notification n, HashSet<string> sent, JsonSerializerOptions options, CancellationToken ct)
    {
        if (!sent.Add(n.Id)) return;
        var dto = new NotificationDto(n.Id, DispatchMapping.Utc(n.AtUtc), n.Kind, n.TaskId, n.Message);
        // JSON has no raw newlines, so one data line carries the event.
        await http.Response.WriteAsync($"id: {n.Id}\nevent: notice\ndata: {JsonSerializer.Serialize(dto, options)}\n\n", ct);
    }

    private sealed class Observer : INotificationObserver
    {
        public Channel<Notification> Notices { get; } = Channel.CreateBounded<Notification>(new BoundedChannelOptions(200) { FullMode = BoundedChannelFullMode.DropOldest });

        public Task NoticeAsync(Notification notification)
        {
            Notices.Writer.TryWrite(notification);
            return Task.CompletedTask;
        }
    }
}
