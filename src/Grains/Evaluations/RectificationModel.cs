namespace Grid.Grains.Evaluations;

[GenerateSerializer, Alias("grid.rectification-step-kind")]
public enum RectificationStepKind { Opened, CallBack, Verify, Fix, Explain, ReRate, Escalated, Appeal, AppealDecision }

[GenerateSerializer, Immutable, Alias("grid.rectification-opening")]
public sealed record RectificationOpening(
    [property: Id(0)] ServiceRecordInfo Record,
    [property: Id(1)] EvaluationInfo Evaluation);

/// <summary>One thing someone did (or the clock did) on a rectification.</summary>
[GenerateSerializer, Immutable, Alias("grid.rectification-step")]
public sealed record RectificationStep(
    [property: Id(0)] RectificationStepKind Kind,
    [property: Id(1)] DateTime AtUtc,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note,
    [property: Id(4)] IReadOnlyList<string> Evidence);

/// <summary>A request to take a step: <see cref="Level"/> for a re-rating, <see cref="Reason"/> for an appeal, <see cref="Upheld"/> for its decision.</summary>
[GenerateSerializer, Immutable, Alias("grid.rectification-action")]
public sealed record RectificationAction(
    [property: Id(0)] RectificationStepKind Kind,
    [property: Id(1)] string By,
    [property: Id(2)] string? Note,
    [property: Id(3)] IReadOnlyList<string> Evidence,
    [property: Id(4)] Satisfaction? Level,
    [property: Id(5)] AppealGround? Reason,
    [property: Id(6)] bool? Upheld);

[GenerateSerializer, Immutable, Alias("grid.appeal-info")]
public sealed record AppealInfo(
    [property: Id(0)] AppealGround Reason,
    [property: Id(1)] string Statement,
    [property: Id(2)] string FiledBy,
    [property: Id(3)] DateTime FiledAtUtc,
    [property: Id(4)] bool? Upheld,
    [property: Id(5)] string? DecidedBy,
    [property: Id(6)] DateTime? DecidedAtUtc,
    [property: Id(7)] string? DecisionNote);

/// <summary>
/// <see cref="DueUtc"/> is the deadline of the review (on-time means resolved before it);
/// <see cref="CurrentDueUtc"/> is the deadline of the level now responsible after escalations.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.rectification-info")]
public sealed record RectificationInfo(
    [property: Id(0)] string RecordId,
    [property: Id(1)] int Version,
    [property: Id(2)] RectificationState Status,
    [property: Id(3)] Satisfaction Level,
    [property: Id(4)] string? Comment,
    [property: Id(5)] string ItemCode,
    [property: Id(6)] string ItemName,
    [property: Id(7)] string VillageCode,
    [property: Id(8)] string HandledByUnitCode,
    [property: Id(9)] string HandledByUnitName,
    [property: Id(10)] string ResponsibleRegion,
    [property: Id(11)] int Escalations,
    [property: Id(12)] DateTime OpenedAtUtc,
    [property: Id(13)] DateTime DueUtc,
    [property: Id(14)] DateTime? CurrentDueUtc,
    [property: Id(15)] string DeadlineRule,
    [property: Id(16)] bool Overdue,
    [property: Id(17)] DateTime? ResolvedAtUtc,
    [property: Id(18)] bool ResolvedOnTime,
    [property: Id(19)] Satisfaction? ReRating,
    [property: Id(20)] AppealInfo? Appeal,
    [property: Id(21)] string? ResidentId,
    [property: Id(22)] IReadOnlyList<RectificationStep> Steps);

[GenerateSerializer, Immutable, Alias("grid.rectification-summary")]
public sealed record RectificationSummary(
    [property: Id(0)] string RecordId,
    [property: Id(1)] RectificationState Status,
    [property: Id(2)] Satisfaction Level,
    [property: Id(3)] string ItemName,
    [property: Id(4)] string VillageCode,
    [property: Id(5)] string HandledByUnitCode,
    [property: Id(6)] string ResponsibleRegion,
    [property: Id(7)] int Escalations,
    [property: Id(8)] DateTime OpenedAtUtc,
    [property: Id(9)] DateTime DueUtc,
    [property: Id(10)] DateTime? CurrentDueUtc,
    [property: Id(11)] bool Overdue,
    [property: Id(12)] bool AppealPending,
    [property: Id(13)] int Version);

[GenerateSerializer, Immutable, Alias("grid.rectification-query")]
public sealed record RectificationQuery(
    [property: Id(0)] string Scope,
    [property: Id(1)] bool? Overdue,
    [property: Id(2)] RectificationState? Status);
