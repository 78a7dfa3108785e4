namespace Grid.Contracts;

/// <summary>One audited read or change of personal data: who, what, when, which subject.</summary>
public sealed record AuditEntryDto(
    DateTimeOffset At, string Actor, string ActorRole, string Action, string SubjectType, string SubjectId, string RegionCode, string? Details);
