namespace Grid.Grains.People;

/// <summary>A grid cell (网格) below a village or community, keyed by its id ("{villageCode}-G01").</summary>
[Alias("grid.IGridCellGrain")]
public interface IGridCellGrain : IGrainWithStringKey
{
    [Alias("get")] Task<GridCellProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(GridCellProfile profile);
}

[Alias("grid.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    [Alias("get")] Task<WorkerProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(WorkerProfile profile);
}

[Alias("grid.IResidentGrain")]
public interface IResidentGrain : IGrainWithStringKey
{
    [Alias("get")] Task<ResidentProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(ResidentProfile profile, IReadOnlyList<VisitRecord> visits);
    [Alias("visits")] Task<IReadOnlyList<VisitRecord>> GetVisitsAsync();
    /// <summary>Adds a visit (a completed task) to the resident's history, which familiarity and care-visit due dates read.</summary>
    [Alias("record-visit")] Task RecordVisitAsync(VisitRecord visit);
}

/// <summary>The searchable list of a village's residents and workers, so scoped search need not wake every person.</summary>
[Alias("grid.IVillageDirectoryGrain")]
public interface IVillageDirectoryGrain : IGrainWithStringKey
{
    [Alias("residents")] Task<IReadOnlyList<ResidentSummary>> GetResidentsAsync();
    [Alias("workers")] Task<IReadOnlyList<WorkerSummary>> GetWorkersAsync();
    [Alias("define")] Task DefineAsync(IReadOnlyList<ResidentSummary> residents, IReadOnlyList<WorkerSummary> workers);
}
