using Grid.Contracts;
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

    public static Page<T> Paged<T>(IEnumerable<T> items, int pageIndex, int pageSize)
    {
        var all = items.ToList();
        return new Page<T>(all.Skip(pageIndex * pageSize).Take(pageSize).ToList(), pageIndex, pageSize, all.Count);
    }

    public static Dictionary<string, string[]> CheckPaging(int pageIndex, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (pageIndex < 0) errors["pageIndex"] = ["pageIndex counts from 0."];
        if (pageSize is < 1 or > 100) errors["pageSize"] = ["pageSize is 1–100."];
        return errors;
    }
}
