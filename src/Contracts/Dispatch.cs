namespace Grid.Contracts;

public enum TaskStage { Queued, Offered, Accepted, CheckedIn, Completed, Failed, Cancelled }

public enum TaskKind { Request, CareVisit }

/// <summary>1–3, the same scale as a planning visit's priority; stored by name in grain state.</summary>
public enum Urgency { Routine = 1, Due = 2, Urgent = 3 }

/// <summary>App: the resident's or a family member's phone; Hotline: an operator taking a call; InPerson: a worker at the door.</summary>
public enum RequestChannel { App, Hotline, InPerson, Scheduled }

public enum RequesterKind { Resident, FamilyProxy, Worker, HotlineOperator, System }

/// <summary>
/// A request for assisted agency. A resident asks for themself, or as a family proxy by giving
/// <see cref="ProxyName"/> (one of the resident's registered proxies); a worker asks on a resident's
/// behalf (channel InPerson); center staff and coordinators take hotline calls (channel Hotline).
/// </summary>
public sealed record CreateRequestDto(
    string ResidentId,
    string ItemCode,
    IReadOnlyList<string>? Skills = null,
    Urgency Urgency = Urgency.Routine,
    DateTimeOffset? WindowStart = null,
    DateTimeOffset? WindowEnd = null,
    RequestChannel? Channel = null,
    string? ProxyName = null,
    string? Note = null);

public sealed record RequestDto(
    string Id, string ResidentId, string ItemCode, Urgency Urgency, RequestChannel Channel, RequesterKind RequestedAs,
    TaskStage Stage, string? WorkerId, string? WorkerName, string? Reason, DateTimeOffset PromisedBy, DateTimeOffset CreatedAt);

public sealed record CheckInDto(DateTimeOffset At, double Lat, double Lng, double MetersFromHome, bool Far);

public sealed record CustodyDto(string Document, DateTimeOffset TakenAt, DateTimeOffset? ReturnedAt);

public sealed record TaskEventDto(DateTimeOffset At, string Actor, string Action, string? WorkerId, string? Detail);

/// <summary>A task in full. ResidentName and Address are shown only to the roles that serve the resident.</summary>
public sealed record TaskDto(
    string Id, TaskKind Kind, TaskStage Stage, Urgency Urgency, string ResidentId, string? ResidentName,
    string GridId, string VillageCode, string ItemCode, IReadOnlyList<string> Skills,
    string? WorkerId, string? WorkerName, string? Reason, DateTimeOffset WindowStart, DateTimeOffset WindowEnd,
    DateTimeOffset PromisedBy, bool Overdue, int EscalationLevel, CheckInDto? CheckIn, string? Outcome,
    IReadOnlyList<CustodyDto> Documents, IReadOnlyList<TaskEventDto> History, int Version, DateTimeOffset CreatedAt);

/// <summary>One line of a list: a worker's inbox or a region's board.</summary>
public sealed record TaskListItemDto(
    string Id, TaskKind Kind, TaskStage Stage, Urgency Urgency, string ResidentId, string GridId, string ItemCode,
    string? WorkerId, string? Reason, double? DistanceMeters, DateTimeOffset PromisedBy, bool Overdue, int EscalationLevel);

/// <summary>
/// A step on a task. ActionId (or the Idempotency-Key header) identifies the step so a replay
/// from an offline phone is answered without acting twice. Which fields matter depends on the step.
/// </summary>
public sealed record TaskActionDto(
    string? ActionId = null,
    string? Reason = null,
    double? Lat = null,
    double? Lng = null,
    string? Outcome = null,
    IReadOnlyList<CustodyDto>? Documents = null,
    string? WorkerId = null);

public sealed record NotificationDto(string Id, DateTimeOffset At, string Kind, string? TaskId, string Message);

public sealed record WorkerLoadDto(string WorkerId, string Name, string VillageCode, int Open, int Capacity, IReadOnlyList<string> GridIds);

public sealed record AreaLoadDto(string Code, int Open, int Queued, int Workers, double MeanPerWorker, int MaxPerWorker);

public sealed record WorkloadDto(
    string Region, IReadOnlyList<WorkerLoadDto> Workers, IReadOnlyList<AreaLoadDto> Grids,
    IReadOnlyList<AreaLoadDto> Villages, IReadOnlyList<AreaLoadDto> Townships);

public sealed record RebalanceRequestDto(string Region, bool DryRun = true, int? MaxMoves = null);

public sealed record BalanceMetricsDto(int MaxLoad, double MeanLoad, double FamiliarShare, double TravelKm);

public sealed record TaskMoveDto(string TaskId, string FromWorkerId, string ToWorkerId, string Reason, string? Result = null);

public sealed record GridMoveDto(string GridId, string FromWorkerId, string ToWorkerId, int Tasks);

/// <summary>Task moves (applied unless DryRun) and, separately, a proposal of grid hand-overs that is never applied here.</summary>
public sealed record RebalanceResultDto(
    string Region, bool DryRun, IReadOnlyList<TaskMoveDto> Moves, BalanceMetricsDto Before, BalanceMetricsDto After,
    IReadOnlyList<GridMoveDto> GridProposal, BalanceMetricsDto GridProposalAfter);

/// <summary>What a trigger queued: per township, the villages queued now and those already generated (or queued) for that day.</summary>
public sealed record CareVisitQueuedDto(string Region, DateOnly Date, int Townships, IReadOnlyList<string> Queued, IReadOnlyList<string> AlreadyDone);

public sealed record CareVisitPreviewItemDto(string VillageCode, string ResidentId, string TaskId);

public sealed record CareVisitPreviewDto(string Region, DateOnly Date, IReadOnlyList<CareVisitPreviewItemDto> WouldCreate);

/// <summary>A browser's Web Push subscription, as PushManager.subscribe() gives it (keys base64url).</summary>
public sealed record PushSubscriptionRequest(string Endpoint, string P256dh, string Auth);

/// <summary>The VAPID public key a browser passes to PushManager.subscribe() as applicationServerKey; null when push is off.</summary>
public sealed record PushKeyDto(string? PublicKey);

/// <summary>A stored push subscription of the caller's inbox (its keys are not given back).</summary>
public sealed record PushSubscriptionDto(string Endpoint, DateTimeOffset SavedAt);
