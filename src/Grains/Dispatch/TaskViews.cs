namespace Grid.Grains.Dispatch;

/// <summary>A task as stored; <see cref="ResidentName"/> and the home position are personal data for the roles that serve the resident.</summary>
[GenerateSerializer, Immutable, Alias("grid.task-view")]
public sealed record TaskView(
    [property: Id(0)] TaskDraft Draft,
    [property: Id(1)] TaskStage Stage,
    [property: Id(2)] string GridId,
    [property: Id(3)] string VillageCode,
    [property: Id(4)] string ResidentName,
    [property: Id(5)] double HomeLat,
    [property: Id(6)] double HomeLng,
    [property: Id(7)] string? WorkerId,
    [property: Id(8)] string? WorkerName,
    [property: Id(9)] string? Reason,
    [property: Id(10)] CheckInRecord? CheckIn,
    [property: Id(11)] string? Outcome,
    [property: Id(12)] IReadOnlyList<CustodyRecord> Custody,
    [property: Id(13)] int Version,
    [property: Id(14)] int EscalationLevel,
    [property: Id(15)] IReadOnlyList<TaskEvent> History,
    [property: Id(16)] DateTime CreatedAtUtc)
{
    public bool IsOpen => Stage is TaskStage.Queued or TaskStage.Offered or TaskStage.Accepted or TaskStage.CheckedIn;
}

/// <summary>What inboxes, queues and boards keep of a task.</summary>
[GenerateSerializer, Immutable, Alias("grid.task-summary")]
public sealed record TaskSummary(
    [property: Id(0)] string TaskId,
    [property: Id(1)] TaskKind Kind,
    [property: Id(2)] TaskStage Stage,
    [property: Id(3)] Urgency Urgency,
    [property: Id(4)] string ResidentId,
    [property: Id(5)] string GridId,
    [property: Id(6)] string VillageCode,
    [property: Id(7)] string ItemCode,
    [property: Id(8)] IReadOnlyList<string> Skills,
    [property: Id(9)] string? WorkerId,
    [property: Id(10)] string? Reason,
    [property: Id(11)] double Lat,
    [property: Id(12)] double Lng,
    [property: Id(13)] DateTime PromisedByUtc,
    [property: Id(14)] int EscalationLevel,
    [property: Id(15)] int Version = 0);

[GenerateSerializer, Immutable, Alias("grid.dispatch-notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? TaskId,
    [property: Id(4)] string Message);

[GenerateSerializer, Immutable, Alias("grid.dispatch-notification-page")]
public sealed record NotificationPage(
    [property: Id(0)] IReadOnlyList<Notification> Items,
    [property: Id(1)] int Total);
