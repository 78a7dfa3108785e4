namespace Grid.Contracts;

/// <summary>Art. 26: a department head on the 12345 line on a day.</summary>
public sealed record HeadSlotRequest(DateOnly Date, string Department, string HeadName, string? HeadTitle);

/// <summary>
/// A call the head took: intake as an agent's (category, grade, place, caller), and whether it was
/// solved on the call (then <see cref="Reply"/> is the head's answer) or needs a same-day investigation
/// by the head's department.
/// </summary>
public sealed record HeadCallRequest(
    string Category, WorkOrderGrade Grade, string Description, double? Lat, double? Lng, string? Address, string? RegionCode,
    string? CallerName, string? CallerPhone, bool SolvedOnCall, string? Reply);

/// <summary>Where a same-day investigation stands: open before its due, answered by it or after it, or overdue.</summary>
public enum InvestigationState { Open, AnsweredOnTime, AnsweredLate, Overdue }

public sealed record HeadInvestigationDto(DateTimeOffset Due, DateTimeOffset? AnsweredAt, InvestigationState State);

/// <summary>A call as published: category and a summary with personal data removed; never the caller.</summary>
public sealed record HeadCallDto(string OrderId, DateTimeOffset At, string Category, string Summary, bool SolvedOnCall, WorkOrderStage Stage, HeadInvestigationDto? Investigation);

public sealed record HeadSlotDto(string Id, DateOnly Date, string Department, string HeadName, string? HeadTitle, IReadOnlyList<HeadCallDto> Calls);

/// <summary>One day of the published follow-up (公示).</summary>
public sealed record HeadDayDto(DateOnly Date, IReadOnlyList<HeadSlotDto> Slots);
