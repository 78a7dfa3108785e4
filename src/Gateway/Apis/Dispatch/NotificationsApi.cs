using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Inboxes: a worker's own, a village center's, a township's or county's coordinator's.</summary>
public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications")
            .RequireAuthorization(p => p.RequireRole(Roles.Worker, Roles.CenterStaff, Roles.Coordinator, Roles.Admin));
        api.MapGet("/", GetNotifications).WithName("GetNotifications")
            .WithSummary("Newest first: a worker's inbox, or the inbox of a region (default: the caller's) for center staff and coordinators.");
        api.MapGet("/stream", NotificationStream.StreamAsync).WithName("StreamNotifications")
            .WithSummary("Server-sent events: each new notice of the same inbox as GET /api/notifications, within seconds; heartbeats every 15 s; Last-Event-ID replays what was missed.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        api.MapGet("/push/key", GetPushKey).WithName("GetPushKey")
            .WithSummary("The VAPID public key for PushManager.subscribe(); null when Web Push is not configured.");
        api.MapGet("/push/subscriptions", ListSubscriptions).WithName("ListPushSubscriptions")
            .WithSummary("The push subscriptions stored for the caller's inbox (endpoints only).");
        api.MapPost("/push/subscriptions", Subscribe).WithName("SubscribePush")
            .WithSummary("Stores this browser's push subscription for the caller's inbox; a notice is then pushed to it while no page is open.");
        api.MapDelete("/push/subscriptions", Unsubscribe).WithName("UnsubscribePush")
            .WithSummary("Removes a push subscription of the caller's inbox, by endpoint.");
        return api;
    }

    public static async Task<Ok<Page<NotificationDto>>> GetNotifications(
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, string? region = null, int pageIndex = 0, int pageSize = TasksApi.DispatchPageSize)
    {
        var (index, size) = TasksApi.Paging(pageIndex, pageSize);
        var inbox = InboxOf(user, access, region);
        var found = await grains.GetGrain<INotificationInboxGrain>(inbox).ListAsync(index * size, size);
        return TypedResults.Ok(new Page<NotificationDto>(
            found.Items.Select(n => new NotificationDto(n.Id, DispatchMapping.Utc(n.AtUtc), n.Kind, n.TaskId, n.Message)).ToList(),
            index, size, found.Total));
    }

    /// <summary>A worker's own inbox; for anyone else the inbox of a region in their scope (default: their own).</summary>
    public static string InboxOf(ClaimsPrincipal user, AccessService access, string? region)
    {
        if (user.Role() != Roles.Worker) return Inboxes.Region(access.Scope(region));
        if (region is not null) throw ValidationException.For("region", "A worker reads only their own inbox; leave region out.");
        return Inboxes.Worker(user.SubjectId() ?? throw new ForbiddenException("This account is not linked to a worker."));
    }

    public static Ok<PushKeyDto> GetPushKey(IOptions<VapidOptions> vapid) =>
        TypedResults.Ok(new PushKeyDto(vapid.Value.Configured ? vapid.Value.PublicKey : null));

    public static async Task<NoContent> Subscribe(PushSubscriptionRequest body, ClaimsPrincipal user, AccessService access, IGrainFactory grains, TimeProvider clock)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Uri.TryCreate(body.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps && !(endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback))
            errors["endpoint"] = ["An https URL from the browser's PushManager (http only to this machine, for tests)."];
        else if (body.Endpoint.Length > 1000) errors["endpoint"] = ["At most 1000 characters."];
        if (!IsBase64Url(body.P256dh, 65)) errors["p256dh"] = ["The subscription's P-256 public key: 65 bytes, base64url."];
        if (!IsBase64Url(body.Auth, 16)) errors["auth"] = ["The subscription's auth secret: 16 bytes, base64url."];
        if (errors.Count > 0) throw new ValidationException(errors);
        await grains.GetGrain<IWebPushGrain>(InboxOf(user, access, null))
            .SubscribeAsync(new PushSubscriptionRecord(body.Endpoint, body.P256dh, body.Auth, clock.GetUtcNow().UtcDateTime));
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<PushSubscriptionDto>>> ListSubscriptions(ClaimsPrincipal user, AccessService access, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IWebPushGrain>(InboxOf(user, access, null)).ListAsync())
            .Select(s => new PushSubscriptionDto(s.Endpoint, DispatchMapping.Utc(s.SavedAtUtc))).ToList());

    public static async Task<Results<NoContent, NotFound>> Unsubscribe(string endpoint, ClaimsPrincipal user, AccessService access, IGrainFactory grains) =>
        await grains.GetGrain<IWebPushGrain>(InboxOf(user, access, null)).UnsubscribeAsync(endpoint) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static bool IsBase64Url(string? value, int bytes)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return false;
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        var buffer = new byte[150];
        return Convert.TryFromBase64String(padded, buffer, out var written) && written == bytes;
    }
}
