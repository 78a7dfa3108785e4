namespace Grid.Grains.People;

/// <summary>A grid cell (网格) below a village or community, keyed by its id ("{villageCode}-G01").</summary>
[Alias("grid.IGridCellGrain")]
public interface IGridCellGrain : IGrainWithStringKey
{
    [Alias("get")] Task<GridCellProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(GridCellProfile profile);

    /// <summary>Sets name, village and polygon, keeping the members (creates the cell when new).</summary>
    [Alias("reshape")] Task ReshapeAsync(string name, string villageCode, string wkt);

    /// <summary>Adds and removes members; idempotent.</summary>
    [Alias("members")] Task UpdateMembersAsync(MemberChanges changes);

    /// <summary>The id is retired: the grid moved to another village under <paramref name="movedTo"/>.</summary>
    [Alias("retire")] Task RetireAsync(string movedTo);
}

[Alias("grid.IWorkerGrain")]
public interface IWorkerGrain : IGrainWithStringKey
{
    [Alias("get")] Task<WorkerProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(WorkerProfile profile);
    [Alias("get-versioned")] Task<Versioned<WorkerProfile>?> GetVersionedAsync();

    /// <summary>Creates (<paramref name="ifVersion"/> null) or replaces the worker; returns the new version.</summary>
    [Alias("save")] Task<int> SaveAsync(WorkerProfile profile, int? ifVersion);

    /// <summary>Files the worker into today's grid cells and the village directory now (idempotent); throws when that fails.</summary>
    [Alias("ensure-filed")] Task EnsureFiledAsync();

    /// <summary>Ends the open assignment to a grid on a date and, when given, opens one to its successor; idempotent.</summary>
    [Alias("regrid")] Task RegridAsync(string fromGridId, string? toGridId, string villageCode, DateOnly on);
}

[Alias("grid.IResidentGrain")]
public interface IResidentGrain : IGrainWithStringKey
{
    [Alias("get")] Task<ResidentProfile?> GetAsync();
    [Alias("define")] Task DefineAsync(ResidentProfile profile, IReadOnlyList<VisitRecord> visits);
    [Alias("visits")] Task<IReadOnlyList<VisitRecord>> GetVisitsAsync();
    [Alias("get-versioned")] Task<Versioned<ResidentProfile>?> GetVersionedAsync();

    /// <summary>Creates (<paramref name="ifVersion"/> null) or replaces the resident; returns the new version.</summary>
    [Alias("save")] Task<int> SaveAsync(ResidentProfile profile, int? ifVersion);

    /// <summary>Files the resident into its grid cell and village directory now (idempotent); throws when that fails, the retry keeps going.</summary>
    [Alias("ensure-filed")] Task EnsureFiledAsync();
    [Alias("add-visit")] Task AddVisitAsync(VisitRecord visit);

    /// <summary>Puts the resident in another grid (and village); idempotent.</summary>
    [Alias("move")] Task MoveAsync(string gridId, string villageCode);

    /// <summary>Adds a visit (a completed task) to the resident's history, which familiarity and care-visit due dates read.</summary>
    [Alias("record-visit")] Task RecordVisitAsync(VisitRecord visit);
}

/// <summary>The searchable list of a village's residents and workers, so scoped search need not wake every person.</summary>
[Alias("grid.IVillageDirectoryGrain")]
public interface IVillageDirectoryGrain : IGrainWithStringKey
{
    [Alias("residents")] Task<IReadOnlyList<ResidentSummary>> GetResidentsAsync();
    [Alias("workers")] Task<IReadOnlyList<WorkerSummary>> GetWorkersAsync();
    /// <summary>The village's workers with the profile dispatch ranks them by, in one call.</summary>
    [Alias("dispatch-workers")] Task<IReadOnlyList<DispatchWorker>> GetDispatchWorkersAsync();
    [Alias("define")] Task DefineAsync(IReadOnlyList<ResidentSummary> residents, IReadOnlyList<WorkerSummary> workers, IReadOnlyList<WorkerProfile> profiles);
    [Alias("upsert-resident")] Task UpsertResidentAsync(ResidentSummary resident);
    [Alias("remove-resident")] Task RemoveResidentAsync(string residentId);
    [Alias("upsert-worker")] Task UpsertWorkerAsync(WorkerSummary worker, WorkerProfile profile);
    [Alias("remove-worker")] Task RemoveWorkerAsync(string workerId);

    /// <summary>A new id "{village}-R052" or "{village}-W06"; the same id again for the same idempotency key.</summary>
    [Alias("allocate")] Task<string> AllocateIdAsync(PersonKind kind, string? idempotencyKey);
}
