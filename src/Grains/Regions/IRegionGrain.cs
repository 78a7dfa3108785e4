namespace Grid.Grains.Regions;

/// <summary>A city, county, township or village/community, keyed by its 12-digit code.</summary>
[Alias("grid.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    [Alias("get")]
    Task<RegionDetail?> GetAsync();

    [Alias("children")]
    Task<IReadOnlyList<RegionInfo>> GetChildrenAsync();

    [Alias("define")]
    Task DefineAsync(RegionDefinition definition);
}
