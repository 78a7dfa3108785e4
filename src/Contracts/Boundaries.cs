namespace Grid.Contracts;

/// <summary>
/// Move a grid to another village (<c>TargetVillageCode</c>), redraw it (<c>Geometry</c>, a GeoJSON
/// Polygon), or both. A grid moved to another village gets a new id in that village.
/// </summary>
public sealed record BoundaryChangeRequest(string GridId, string? TargetVillageCode, System.Text.Json.JsonElement? Geometry);

public sealed record ResidentMoveDto(string ResidentId, string FromGridId, string ToGridId, string FromVillageCode, string ToVillageCode);

/// <summary><c>Kind</c>: Moves (the worker moves with the grid) or Unassigned (its assignment to the grid ends).</summary>
public sealed record WorkerMoveDto(string WorkerId, string Kind, string FromVillageCode, string ToVillageCode);

public sealed record BoundaryTaskMoveDto(string TaskId, string FromGridId, string ToGridId);

public sealed record BoundaryChangeDto(
    string Id, string Status, string GridId, string NewGridId, string FromVillageCode, string ToVillageCode, bool Redraw,
    IReadOnlyList<ResidentMoveDto> Residents, IReadOnlyList<WorkerMoveDto> Workers, IReadOnlyList<BoundaryTaskMoveDto> Tasks,
    IReadOnlyList<string> UnplacedResidents, DateTimeOffset PlannedAt, DateTimeOffset? AppliedAt, string RequestedBy);
