using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using Grid.Gateway.Security.Access;
using Grid.Grains.Common;
using Grid.Grains.Dispatch;
using Microsoft.AspNetCore.Http.HttpResults;

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
        return api;
    }

    public static async Task<Ok<Page<NotificationDto>>> GetNotifications(
        ClaimsPrincipal user, AccessService access, IGrainFactory grains, string? region = null, int pageIndex = 0, int pageSize = TasksApi.DispatchPageSize)
    {
        var (index, size) = TasksApi.Paging(pageIndex, pageSize);
        string inbox;
        if (user.Role() == Roles.Worker)
        {
            if (region is not null) throw ValidationException.For("region", "A worker reads only their own inbox; leave region out.");
            inbox = Inboxes.Worker(user.SubjectId() ?? throw new ForbiddenException("This account is not linked to a worker."));
        }
        else inbox = Inboxes.Region(access.Scope(region));
        var found = await grains.GetGrain<INotificationInboxGrain>(inbox).ListAsync(index * size, size);
        return TypedResults.Ok(new Page<NotificationDto>(
            found.Items.Select(n => new NotificationDto(n.Id, DispatchMapping.Utc(n.AtUtc), n.Kind, n.TaskId, n.Message)).ToList(),
            index, size, found.Total));
    }
}
