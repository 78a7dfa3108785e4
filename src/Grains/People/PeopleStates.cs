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
    public Filing Filing { get; set; } = new();
}

public sealed class ResidentState
{
    public ResidentProfile? Profile { get; set; }
    public List<VisitRecord> Visits { get; set; } = [];
    public int Version { get; set; }
    public Filing Filing { get; set; } = new();
}

/// <summary>
/// The outbox of a person's filing into grid cells and village directories, saved with the person:
/// while <see cref="Owed"/> the current profile must be filed, and the person removed from every
/// cell and directory listed as stale (earlier places, possibly half-filed). Every step is idempotent.
/// </summary>
public sealed class Filing
{
    public bool Owed { get; set; }
    public List<string> StaleGrids { get; set; } = [];
    public List<string> StaleVillages { get; set; } = [];

    /// <summary>Records that the person moved from (<paramref name="grids"/>, <paramref name="village"/>) and must be filed again.</summary>
    public void Moved(IEnumerable<string> grids, string? village, IReadOnlyCollection<string> nowGrids, string nowVillage)
    {
        Owed = true;
        StaleGrids = [.. StaleGrids.Union(grids).Except(nowGrids)];
        StaleVillages = [.. StaleVillages.Union(village is null ? [] : [village]).Where(v => v != nowVillage)];
    }

    public void Done()
    {
        Owed = false;
        StaleGrids = [];
        StaleVillages = [];
    }
}

public sealed class VillageDirectoryState
{
    public List<ResidentSummary> Residents { get; set; } = [];
    public List<WorkerSummary> Workers { get; set; } = [];
    /// <summary>
    /// Each worker's profile as dispatch reads it (<see cref="WorkerProfiles.ForDispatch"/>), filed with the summary,
    /// so ranking a village's workers is one call here instead of one per worker. Filing follows the worker's save,
    /// so it can trail a change by the filing's retry; a worker missing here is read from its own grain.
    /// </summary>
    public Dictionary<string, WorkerProfile> Dispatch { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Allocations { get; set; } = new(StringComparer.Ordinal);
    public int LastResidentNumber { get; set; }
    public int LastWorkerNumber { get; set; }
}
