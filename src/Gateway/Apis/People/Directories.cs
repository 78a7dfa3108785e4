using Grid.Contracts;
using Grid.Gateway.Apis.Common;
using Grid.Grains.Regions;

namespace Grid.Gateway.Apis.People;

/// <summary>Which village directories a search reads: the villages below a region, found through the region grains.</summary>
public static class Directories
{
    public static async Task<IReadOnlyList<string>> VillagesUnderAsync(IGrainFactory grains, string region)
    {
        if (RegionCodes.LevelOf(region) == RegionLevel.Village) return [region];
        var children = await grains.GetGrain<IRegionGrain>(region).GetChildrenAsync();
        var nested = await Task.WhenAll(children.Select(c => VillagesUnderAsync(grains, c.Code)));
        return [.. nested.SelectMany(v => v)];
    }

    // Paging is Apis/Common's PageQuery; these keep the people handlers' signatures.
    public static Page<T> Paged<T>(IEnumerable<T> items, int pageIndex, int pageSize) => new PageQuery(pageIndex, pageSize).Of(items.ToList());

    public static Dictionary<string, string[]> CheckPaging(int pageIndex, int pageSize) => new PageQuery(pageIndex, pageSize).Errors();
}
