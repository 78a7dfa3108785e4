namespace Grid.Contracts;

/// <summary>
/// A closed work order on the public page: no caller, no description or address; the place only as
/// the village or township (code and name) it lies in.
/// </summary>
public sealed record PublicWorkOrderDto(
    string Id, string Category, WorkOrderGrade Grade, HandlingUnitKind? UnitKind, string? UnitId, string? RegionCode, string? RegionName,
    DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, Satisfaction? Rating, bool? Resolved);
