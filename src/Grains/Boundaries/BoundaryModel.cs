using Grid.Grains.Geography;

namespace Grid.Grains.Boundaries;

[GenerateSerializer, Immutable, Alias("grid.resident-move")]
public sealed record ResidentMove(
    [property: Id(0)] string ResidentId,
    [property: Id(1)] string FromGridId,
    [property: Id(2)] string ToGridId,
    [property: Id(3)] string FromVillageCode,
    [property: Id(4)] string ToVillageCode);

[GenerateSerializer, Alias("grid.worker-move-kind")]
public enum WorkerMoveKind { Moves, Unassigned }

[GenerateSerializer, Immutable, Alias("grid.worker-move")]
public sealed record WorkerMove(
    [property: Id(0)] string WorkerId,
    [property: Id(1)] WorkerMoveKind Kind,
    [property: Id(2)] string FromVillageCode,
    [property: Id(3)] string ToVillageCode);

[GenerateSerializer, Immutable, Alias("grid.task-move")]
public sealed record TaskMove([property: Id(0)] string TaskId, [property: Id(1)] string FromGridId, [property: Id(2)] string ToGridId);

/// <summary>What a boundary change moves: exactly these people and tasks, nothing else.</summary>
[GenerateSerializer, Immutable, Alias("grid.boundary-plan")]
public sealed record BoundaryPlan(
    [property: Id(0)] EditImpact Impact,
    [property: Id(1)] IReadOnlyList<ResidentMove> Residents,
    [property: Id(2)] IReadOnlyList<WorkerMove> Workers,
    [property: Id(3)] IReadOnlyList<TaskMove> Tasks,
    [property: Id(4)] IReadOnlyList<string> UnplacedResidents)
{
    public bool SameMovesAs(BoundaryPlan other) =>
        Impact.NewGridId == other.Impact.NewGridId && Impact.ToVillageCode == other.Impact.ToVillageCode && Impact.Wkt == other.Impact.Wkt
        && Residents.SequenceEqual(other.Residents) && Workers.SequenceEqual(other.Workers)
        && Tasks.SequenceEqual(other.Tasks) && UnplacedResidents.SequenceEqual(other.UnplacedResidents);
}

/// <summary>A resident as the planner sees it: where they are now and where the edited index puts their home.</summary>
public sealed record ResidentPlace(string Id, string GridId, string VillageCode, string? NewGridId);

/// <summary>A worker as the planner sees it: village and the grids served today.</summary>
public sealed record WorkerPlace(string Id, string VillageCode, IReadOnlyList<string> ActiveGridIds);

[GenerateSerializer, Alias("grid.boundary-change-status")]
public enum BoundaryChangeStatus { Planned, Applying, Applied }

[GenerateSerializer, Immutable, Alias("grid.boundary-change-info")]
public sealed record BoundaryChangeInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] BoundaryChangeStatus Status,
    [property: Id(2)] BoundaryPlan Plan,
    [property: Id(3)] DateTime PlannedAtUtc,
    [property: Id(4)] DateTime? AppliedAtUtc,
    [property: Id(5)] string RequestedBy,
    [property: Id(6)] int Version);

public sealed class BoundaryChangeState
{
    public BoundaryEdit? Edit { get; set; }
    public BoundaryPlan? Plan { get; set; }
    public BoundaryChangeStatus Status { get; set; }
    public DateTime PlannedAtUtc { get; set; }
    public DateTime? AppliedAtUtc { get; set; }
    public string RequestedBy { get; set; } = "";
    public string Scope { get; set; } = "";
    public int Version { get; set; }
}
