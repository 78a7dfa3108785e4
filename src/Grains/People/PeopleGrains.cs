using Grid.Storage;

namespace Grid.Grains.People;

public sealed class GridCellGrain(
    [PersistentState("gridcell", GridStorage.Name)] IPersistentState<GridCellState> state) : Grain, IGridCellGrain
{
    public Task<GridCellProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task DefineAsync(GridCellProfile profile)
    {
        state.State.Profile = profile;
        return state.WriteStateAsync();
    }
}

public sealed class WorkerGrain(
    [PersistentState("worker", GridStorage.Name)] IPersistentState<WorkerState> state) : Grain, IWorkerGrain
{
    public Task<WorkerProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task DefineAsync(WorkerProfile profile)
    {
        state.State.Profile = profile;
        return state.WriteStateAsync();
    }
}

public sealed class ResidentGrain(
    [PersistentState("resident", GridStorage.Name)] IPersistentState<ResidentState> state) : Grain, IResidentGrain
{
    public Task<ResidentProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task<IReadOnlyList<VisitRecord>> GetVisitsAsync() =>
        Task.FromResult<IReadOnlyList<VisitRecord>>(state.State.Visits);

    public Task RecordVisitAsync(VisitRecord visit)
    {
        state.State.Visits.Add(visit);
        return state.WriteStateAsync();
    }

    public Task DefineAsync(ResidentProfile profile, IReadOnlyList<VisitRecord> visits)
    {
        state.State.Profile = profile;
        state.State.Visits = [.. visits];
        return state.WriteStateAsync();
    }
}

public sealed class VillageDirectoryGrain(
    [PersistentState("villagedirectory", GridStorage.Name)] IPersistentState<VillageDirectoryState> state) : Grain, IVillageDirectoryGrain
{
    public Task<IReadOnlyList<ResidentSummary>> GetResidentsAsync() =>
        Task.FromResult<IReadOnlyList<ResidentSummary>>(state.State.Residents);

    public Task<IReadOnlyList<WorkerSummary>> GetWorkersAsync() =>
        Task.FromResult<IReadOnlyList<WorkerSummary>>(state.State.Workers);

    public Task DefineAsync(IReadOnlyList<ResidentSummary> residents, IReadOnlyList<WorkerSummary> workers)
    {
        state.State.Residents = [.. residents];
        state.State.Workers = [.. workers];
        return state.WriteStateAsync();
    }
}
