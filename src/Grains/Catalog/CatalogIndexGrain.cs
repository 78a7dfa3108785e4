using Grid.Storage;

namespace Grid.Grains.Catalog;

public sealed class CatalogIndexState { public List<CatalogEntry> Entries { get; set; } = []; }

public sealed class CatalogIndexGrain(
    [PersistentState("catalogindex", GridStorage.Name)] IPersistentState<CatalogIndexState> state) : Grain, ICatalogIndexGrain
{
    public const string Key = "catalog";

    public Task UpsertAsync(CatalogEntry entry)
    {
        var i = state.State.Entries.FindIndex(e => e.RegionCode == entry.RegionCode && e.Code == entry.Code);
        if (i >= 0 && state.State.Entries[i].Version >= entry.Version) return Task.CompletedTask;
        if (i >= 0) state.State.Entries[i] = entry; else state.State.Entries.Add(entry);
        return state.WriteStateAsync();
    }

    public Task<CatalogPage> SearchAsync(CatalogQuery query) => Task.FromResult(CatalogSearch.Run(state.State.Entries, query));

    public Task<IReadOnlyList<CatalogEntry>> InRegionAsync(string regionCode) =>
        Task.FromResult<IReadOnlyList<CatalogEntry>>(state.State.Entries
            .Where(e => Contracts.RegionCodes.Contains(regionCode, e.RegionCode)).ToList());
}
