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

    public Task ReshapeAsync(string name, string villageCode, string wkt)
    {
        state.State.Profile = Current() with { Name = name, VillageCode = villageCode, GeometryWkt = wkt };
        state.State.MovedTo = null;
        return state.WriteStateAsync();
    }

    public Task UpdateMembersAsync(MemberChanges changes)
    {
        var p = Current();
        state.State.Profile = p with
        {
            ResidentIds = [.. p.ResidentIds.Except(changes.RemoveResidents).Union(changes.AddResidents).Order(StringComparer.Ordinal)],
            WorkerIds = [.. p.WorkerIds.Except(changes.RemoveWorkers).Union(changes.AddWorkers).Order(StringComparer.Ordinal)],
        };
        return state.WriteStateAsync();
    }

    public Task RetireAsync(string movedTo)
    {
        state.State.MovedTo = movedTo;
        state.State.Profile = Current() with { ResidentIds = [], WorkerIds = [] };
        return state.WriteStateAsync();
    }

    // Grids outside the seeded counties have no stored cell until someone lives or works there.
    private GridCellProfile Current() => state.State.Profile
        ?? new GridCellProfile(this.GetPrimaryKeyString(), this.GetPrimaryKeyString(), this.GetPrimaryKeyString()[..12], "", [], []);
}
