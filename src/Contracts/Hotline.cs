namespace Grid.Contracts;

/// <summary>How a 12345 work order came in; a department head's call is Art. 26's 领导坐班接听.</summary>
public enum WorkOrderChannel { Agent, Web, App, Open311, DepartmentHeadCall }

/// <summary>The national grading of a hotline request; the grade sets the answer deadline.</summary>
public enum WorkOrderGrade { Consultation, Request, Complaint, Suggestion, Praise }

/// <summary>
/// The lifecycle, in order: Received (classified and located) → Dispatched → SignedFor → Answered →
/// Closed (after the callback). HandedBack waits at the center for a re-dispatch. HandledByGrid: an
/// assisted-agency order dispatched straight to a grid worker as a request; answered once its task is completed.
/// </summary>
public enum WorkOrderStage { Received, Dispatched, SignedFor, HandedBack, Answered, Closed, HandledByGrid }

/// <summary>Who handles an order: a township or village unit (by region code), or a department (by its id).</summary>
public enum HandlingUnitKind { Region, Department }

/// <summary>An agent's intake: the classification, the place (a point, or an address with the region it lies in) and the caller.</summary>
public sealed record WorkOrderIntakeRequest(
    WorkOrderChannel Channel, string Category, WorkOrderGrade Grade, Urgency? Urgency, string? ItemCode, string Description,
    double? Lat, double? Lng, string? Address, string? RegionCode, string? CallerName, string? CallerPhone);

public sealed record DispatchWorkOrderRequest(HandlingUnitKind UnitKind, string UnitId, string? Reason);

/// <summary>A reason or a note: hand-back (退单), handling notes, re-opening.</summary>
public sealed record WorkOrderReasonRequest(string Reason);

/// <summary>A unit asks for more working days to answer (延期).</summary>
public sealed record ExtensionRequestDto(int WorkingDays, string Reason);

public sealed record ExtensionDecisionRequest(bool Approve, string? Reason);

public sealed record AnswerWorkOrderRequest(string Answer);

/// <summary>The callback (回访): the caller's rating and whether the matter was resolved.</summary>
public sealed record WorkOrderCallbackRequest(Satisfaction Rating, bool Resolved, string? Note);

public sealed record WorkOrderEventDto(DateTimeOffset At, string Actor, string Action, string? Detail);

public sealed record PendingExtensionDto(int WorkingDays, string Reason, DateTimeOffset AskedAt);

/// <summary>A work order; the caller's name and phone are null unless the reader's role needs them.</summary>
public sealed record WorkOrderDto(
    string Id, WorkOrderChannel Channel, string Category, WorkOrderGrade Grade, Urgency Urgency, string? ItemCode,
    string Description, double? Lat, double? Lng, string? Address, string? GridId, string? VillageCode, string? TownshipCode,
    WorkOrderStage Stage, HandlingUnitKind? UnitKind, string? UnitId, DateTimeOffset ReceivedAt,
    DateTimeOffset? SignForDue, DateTimeOffset? AnswerDue, PendingExtensionDto? PendingExtension, int Extensions,
    int Supervisions, string? Answer, Satisfaction? Rating, bool? Resolved, string? CallerName, string? CallerPhone,
    int Version, IReadOnlyList<WorkOrderEventDto> History,
    string? MergedInto = null, IReadOnlyList<MergedOrderDto>? Merged = null, IReadOnlyList<WorkOrderAttachmentDto>? Attachments = null,
    string? TaskId = null);

/// <summary>An order in a unit's inbox, the supervision board or a month's list: no personal data.</summary>
public sealed record WorkOrderSummaryDto(
    string Id, string Category, WorkOrderGrade Grade, WorkOrderStage Stage, HandlingUnitKind? UnitKind, string? UnitId,
    string? RegionCode, DateTimeOffset ReceivedAt, DateTimeOffset? SignForDue, DateTimeOffset? AnswerDue,
    bool SignedInTime, bool AnsweredInTime, int Supervisions, bool ExtensionPending, Satisfaction? Rating, bool? Resolved, int Version);

/// <summary>
/// One unit's month: response rate = signed in time / received; resolution rate = resolved / called back;
/// satisfaction rate = satisfied or very satisfied / called back. Rank 1 is the best of the month.
/// </summary>
public sealed record UnitStatisticsDto(
    HandlingUnitKind UnitKind, string UnitId, string Month, int Received, int SignedInTime, int Answered, int AnsweredInTime,
    int CalledBack, int Resolved, int Satisfied, double ResponseRate, double ResolutionRate, double SatisfactionRate, int Rank);

/// <summary>An order merged into this one: its id and, for the hotline center only, its caller (the callback reaches both).</summary>
public sealed record MergedOrderDto(string Id, string? CallerName, string? CallerPhone, DateTimeOffset MergedAt, string By, string Reason);

/// <summary>Merge a received (not yet dispatched) order into an open one (合并重复工单).</summary>
public sealed record MergeWorkOrderRequest(string IntoId, string Reason);

/// <summary>A likely duplicate: why (SameCaller, SamePlaceAndCategory) and, when both have a point, how far apart.</summary>
public sealed record DuplicateProposalDto(WorkOrderSummaryDto Order, IReadOnlyList<string> Reasons, double? DistanceMeters);

/// <summary>A file on an order (metadata; the file is kept on disk by its SHA-256).</summary>
public sealed record WorkOrderAttachmentDto(string Id, string Name, string ContentType, long Size, string Sha256, string By, DateTimeOffset At);

/// <summary>Dispatch an assisted-agency order straight to a grid worker: the resident who needs the help.</summary>
public sealed record GridDispatchRequest(string ResidentId, string? Note);

/// <summary>An admin issues an Open311 API key scoped to a jurisdiction (a county, township or the city).</summary>
public sealed record IssueOpen311KeyRequest(string Name, string Jurisdiction);

/// <summary>A key as listed: never the secret.</summary>
public sealed record Open311KeyDto(string Id, string Name, string Jurisdiction, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt);

/// <summary>The answer to an issue: the key itself, shown this once.</summary>
public sealed record IssuedOpen311KeyDto(Open311KeyDto Key, string ApiKey);
