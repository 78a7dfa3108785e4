namespace Grid.Grains.Dispatch;

/// <summary>Who did something, as the gateway authenticated them.</summary>
[GenerateSerializer, Immutable, Alias("grid.task-actor")]
public sealed record TaskActor(
    [property: Id(0)] string UserName,
    [property: Id(1)] string Role,
    [property: Id(2)] string RegionCode,
    [property: Id(3)] string? SubjectId);

/// <summary>Who asked, for whom and through which channel; a family proxy is named as the resident registered them.</summary>
[GenerateSerializer, Immutable, Alias("grid.requester")]
public sealed record Requester(
    [property: Id(0)] RequesterKind Kind,
    [property: Id(1)] RequestChannel Channel,
    [property: Id(2)] string UserName,
    [property: Id(3)] string? ProxyName);

/// <summary>A new task: an assisted-agency request or a due care visit. Times are UTC.</summary>
[GenerateSerializer, Immutable, Alias("grid.task-draft")]
public sealed record TaskDraft(
    [property: Id(0)] string Id,
    [property: Id(1)] TaskKind Kind,
    [property: Id(2)] string ResidentId,
    [property: Id(3)] string ItemCode,
    [property: Id(4)] IReadOnlyList<string> Skills,
    [property: Id(5)] Urgency Urgency,
    [property: Id(6)] DateTime WindowStartUtc,
    [property: Id(7)] DateTime WindowEndUtc,
    [property: Id(8)] DateTime PromisedByUtc,
    [property: Id(9)] Requester Requester,
    [property: Id(10)] string? Note);

[GenerateSerializer, Immutable, Alias("grid.check-in")]
public sealed record CheckInRecord(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] double Lat,
    [property: Id(2)] double Lng,
    [property: Id(3)] double MetersFromHome,
    [property: Id(4)] bool Far);

/// <summary>An original document (原件) the worker took from the resident, and when it went back.</summary>
[GenerateSerializer, Immutable, Alias("grid.custody-record")]
public sealed record CustodyRecord(
    [property: Id(0)] string Document,
    [property: Id(1)] DateTime TakenAtUtc,
    [property: Id(2)] DateTime? ReturnedAtUtc);

[GenerateSerializer, Immutable, Alias("grid.task-event")]
public sealed record TaskEvent(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? WorkerId,
    [property: Id(4)] string? Detail);

[GenerateSerializer, Alias("grid.task-action")]
public enum TaskAction { Accept, Decline, CheckIn, Complete, Fail, Cancel, Reassign }

/// <summary>
/// One step on a task. <see cref="ActionId"/> makes it idempotent (a replay returns the task as it
/// is); <see cref="IfMatch"/>, when given, must be the current version. <see cref="ExpectedWorkerId"/>
/// lets a rebalancing move apply only if the task still sits with the worker the plan saw.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.task-command")]
public sealed record TaskCommand(
    [property: Id(0)] TaskAction Action,
    [property: Id(1)] string ActionId,
    [property: Id(2)] int? IfMatch = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] double? Lat = null,
    [property: Id(5)] double? Lng = null,
    [property: Id(6)] IReadOnlyList<CustodyRecord>? Custody = null,
    [property: Id(7)] string? WorkerId = null,
    [property: Id(8)] string? ExpectedWorkerId = null);
