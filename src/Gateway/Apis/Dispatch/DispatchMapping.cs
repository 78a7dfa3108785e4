using System.Security.Claims;
using Grid.Contracts;
using Grid.Gateway.Security;
using D = Grid.Grains.Dispatch;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Between the grains' dispatch records and the HTTP contracts; times leave as UTC offsets.</summary>
internal static class DispatchMapping
{
    public static D.TaskActor Actor(this ClaimsPrincipal user) =>
        new(user.UserName(), user.Role() ?? "", user.RegionCode(), user.SubjectId());

    public static DateTimeOffset Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero);

    public static bool IsOverdue(DateTime promisedUtc, bool open, DateTime nowUtc) => open && promisedUtc < nowUtc;

    public static RequestDto ToRequestDto(this D.TaskView t) => new(
        t.Draft.Id, t.Draft.ResidentId, t.Draft.ItemCode, t.Draft.Urgency, t.Draft.Requester.Channel,
        t.Draft.Requester.Kind, t.Stage, t.WorkerId, t.WorkerName, t.Reason,
        Utc(t.Draft.PromisedByUtc), Utc(t.CreatedAtUtc));

    /// <summary>The full task; the resident's name only for roles that serve them (not a resident reading someone else's, which scope already prevents).</summary>
    public static TaskDto ToDto(this D.TaskView t, DateTime nowUtc, bool showPersonal) => new(
        t.Draft.Id, t.Draft.Kind, t.Stage, t.Draft.Urgency, t.Draft.ResidentId,
        showPersonal ? t.ResidentName : Mask(t.ResidentName), t.GridId, t.VillageCode, t.Draft.ItemCode, t.Draft.Skills,
        t.WorkerId, t.WorkerName, t.Reason, Utc(t.Draft.WindowStartUtc), Utc(t.Draft.WindowEndUtc), Utc(t.Draft.PromisedByUtc),
        IsOverdue(t.Draft.PromisedByUtc, t.IsOpen, nowUtc), t.EscalationLevel,
        t.CheckIn is { } c ? new CheckInDto(Utc(c.AtUtc), c.Lat, c.Lng, c.MetersFromHome, c.Far) : null, t.Outcome,
        t.Custody.Select(d => new CustodyDto(d.Document, Utc(d.TakenAtUtc), d.ReturnedAtUtc is { } r ? Utc(r) : null)).ToList(),
        t.History.Select(e => new TaskEventDto(Utc(e.AtUtc), e.Actor, e.Action, e.WorkerId, e.Detail)).ToList(),
        t.Version, Utc(t.CreatedAtUtc));

    public static TaskListItemDto ToListItem(this D.TaskSummary t, DateTime nowUtc, double? distanceMeters = null) => new(
        t.TaskId, t.Kind, t.Stage, t.Urgency, t.ResidentId, t.GridId, t.ItemCode,
        t.WorkerId, t.Reason, distanceMeters is { } d ? Math.Round(d) : null, Utc(t.PromisedByUtc),
        IsOverdue(t.PromisedByUtc, true, nowUtc), t.EscalationLevel);

    /// <summary>张三丰 → 张**: enough to recognise a case, not to identify a person.</summary>
    public static string Mask(string name) => name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1);
}
