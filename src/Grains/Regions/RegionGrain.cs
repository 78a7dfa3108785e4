using Grid.Storage;

namespace Grid.Grains.Regions;

public sealed class RegionGrain(
    [PersistentState("region", GridStorage.Name)] IPersistentState<RegionState> state) : Grain, IRegionGrain
{
    public Task<RegionDetail?> GetAsync() =>
        Task.FromResult(state.State.Info is { } info
            ? new RegionDetail(info, state.State.GeometryWkt, state.State.GeometryIsSynthetic)
            : null);

    public Task<IReadOnlyList<RegionInfo>> GetChildrenAsync() =>
        Task.FromResult<IReadOnlyList<RegionInfo>>(state.State.Children);

    public async Task DefineAsync(RegionDefinition definition)
    {
        if (definition.Info.Code != this.GetPrimaryKeyString())
            throw new ArgumentException($"Region {definition.Info.Code} cannot be stored under key {this.GetPrimaryKeyString()}.");
        state.State.Info = definition.Info;
        state.State.Children = [.. definition.Children];
        state.State.GeometryWkt = definition.GeometryWkt;
        state.State.GeometryIsSynthetic = definition.GeometryIsSynthetic;
        await state.WriteStateAsync();
    }
}
