namespace Grid.Contracts;

public enum RectificationState { Open, CalledBack, Verified, Fixed, Explained, Closed, Withdrawn }

/// <summary>The steps a person takes, in order: CallBack, Verify, then Fix (with evidence) or Explain, then ReRate.</summary>
public enum RectificationActionKind { CallBack, Verify, Fix, Explain, ReRate }

public enum AppealGround { Malicious, Mistaken }

public sealed record RectificationStepRequest(RectificationActionKind Action, string? Note, IReadOnlyList<string>? Evidence, Satisfaction? Level);

public sealed record AppealRequest(AppealGround Reason, string Statement);

public sealed record AppealDecisionRequest(bool Upheld, string? Note);

public sealed record RectificationStepDto(string Kind, DateTimeOffset At, string By, string? Note, IReadOnlyList<string> Evidence);

public sealed record AppealDto(AppealGround Reason, string Statement, string FiledBy, DateTimeOffset FiledAt, bool? Upheld, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

public sealed record RectificationDto(
    string RecordId, int Version, RectificationState Status, Satisfaction Level, string? Comment, string ItemCode, string ItemName,
    string VillageCode, string HandledByUnitCode, string HandledByUnitName, string ResponsibleRegion, int Escalations,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? CurrentDueAt, string DeadlineRule, bool Overdue,
    DateTimeOffset? ResolvedAt, bool ResolvedOnTime, Satisfaction? ReRating, AppealDto? Appeal, IReadOnlyList<RectificationStepDto> Steps);

public sealed record RectificationSummaryDto(
    string RecordId, RectificationState Status, Satisfaction Level, string ItemName, string VillageCode, string HandledByUnitCode,
    string ResponsibleRegion, int Escalations, DateTimeOffset OpenedAt, DateTimeOffset DueAt, DateTimeOffset? CurrentDueAt,
    bool Overdue, bool AppealPending);
