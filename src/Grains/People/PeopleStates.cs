namespace Grid.Grains.People;

public sealed class GridCellState
{
    public GridCellProfile? Profile { get; set; }
    public string? MovedTo { get; set; }
}

public sealed class WorkerState
{
    public WorkerProfile? Profile { get; set; }
    public int Version { get; set; }
}

public sealed class ResidentState
{
    public ResidentProfile? Profile { get; set; }
    public List<VisitRecord> Visits { get; set; } = [];
    public int Version { get; set; }
}

public sealed class VillageDirectoryState
{
    public List<ResidentSummary> Residents { get; set; } = [];
    public List<WorkerSummary> Workers { get; set; } = [];
    public Dictionary<string, string> Allocations { get; set; } = new(StringComparer.Ordinal);
    public int LastResidentNumber { get; set; }
    public int LastWorkerNumber { get; set; }
}
