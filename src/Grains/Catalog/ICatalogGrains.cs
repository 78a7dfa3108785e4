namespace Grid.Grains.Catalog;

/// <summary>Keys of catalog grains, so other domains reach them through interfaces, not grain classes.</summary>
public static class CatalogKeys
{
    public static string ServiceItem(string regionCode, string itemCode) => $"{regionCode}/{itemCode}";
}

/// <summary>
/// One region's version of a service item and its guide, keyed "{regionCode}/{itemCode}". Every
/// save is a new numbered version (the ETag); the city's version (421200000000) is the reference
/// the others must agree with in their common elements.
/// </summary>
[Alias("grid.IServiceItemGrain")]
public interface IServiceItemGrain : IGrainWithStringKey
{
    [Alias("get")] Task<ServiceItemVersion?> GetAsync();
    [Alias("history")] Task<IReadOnlyList<ServiceItemVersion>> GetHistoryAsync();

    /// <summary>Saves a new version. <paramref name="expectedVersion"/> is null only to create.</summary>
    [Alias("save")] Task<ServiceItemVersion> SaveAsync(ServiceItem item, int? expectedVersion, Actor actor, string reason);

    [Alias("guide")] Task<ServiceGuideVersion?> GetGuideAsync();
    [Alias("guide-history")] Task<IReadOnlyList<ServiceGuideVersion>> GetGuideHistoryAsync();
    [Alias("save-guide")] Task<ServiceGuideVersion> SaveGuideAsync(ServiceGuide guide, int? expectedVersion, Actor actor, string reason);
}

[GenerateSerializer, Immutable, Alias("grid.catalog-entry")]
public sealed record CatalogEntry(
    [property: Id(0)] string RegionCode,
    [property: Id(1)] string Code,
    [property: Id(2)] string Name,
    [property: Id(3)] ServiceItemType Type,
    [property: Id(4)] PublicServiceField? Field,
    [property: Id(5)] IReadOnlyList<ServiceLevel> Levels,
    [property: Id(6)] string Department,
    [property: Id(7)] int Version,
    [property: Id(8)] IReadOnlyList<string> RequiredSkills);

[GenerateSerializer, Immutable, Alias("grid.catalog-query")]
public sealed record CatalogQuery(
    [property: Id(0)] string? Text,
    [property: Id(1)] string? Code,
    [property: Id(2)] ServiceItemType? Type,
    [property: Id(3)] PublicServiceField? Field,
    [property: Id(4)] ServiceLevel? Level,
    [property: Id(5)] string? RegionCode,
    [property: Id(6)] string? Department,
    [property: Id(7)] int PageIndex,
    [property: Id(8)] int PageSize);

[GenerateSerializer, Immutable, Alias("grid.catalog-page")]
public sealed record CatalogPage([property: Id(0)] IReadOnlyList<CatalogEntry> Items, [property: Id(1)] int Total);

/// <summary>The searchable index of every region's items (one grain, key "catalog"): small, read often.</summary>
[Alias("grid.ICatalogIndexGrain")]
public interface ICatalogIndexGrain : IGrainWithStringKey
{
    [Alias("upsert")] Task UpsertAsync(CatalogEntry entry);
    [Alias("search"), Orleans.Concurrency.ReadOnly] Task<CatalogPage> SearchAsync(CatalogQuery query);
    [Alias("in-region"), Orleans.Concurrency.ReadOnly] Task<IReadOnlyList<CatalogEntry>> InRegionAsync(string regionCode);
}

/// <summary>Saving would make a region's item differ from the city's in common elements (Art. 10, 14).</summary>
[GenerateSerializer, Alias("grid.catalog-inconsistency")]
public sealed class CatalogInconsistencyException(string message, IReadOnlyList<ElementDifference> differences)
    : Common.DomainException(message)
{
    [Id(0)] public IReadOnlyList<ElementDifference> Differences { get; } = differences;
}
