namespace Grid.Grains.Regions;

/// <summary>What a region shows of itself and of each child.</summary>
[GenerateSerializer, Immutable, Alias("grid.region-info")]
public sealed record RegionInfo(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] RegionLevel Level,
    [property: Id(3)] string? ParentCode,
    [property: Id(4)] VillageKind? Kind,
    [property: Id(5)] int ChildCount);

/// <summary>Everything the seeder or an editor sets on a region at once.</summary>
[GenerateSerializer, Immutable, Alias("grid.region-definition")]
public sealed record RegionDefinition(
    [property: Id(0)] RegionInfo Info,
    [property: Id(1)] IReadOnlyList<RegionInfo> Children,
    [property: Id(2)] string? GeometryWkt,
    [property: Id(3)] bool GeometryIsSynthetic);

[GenerateSerializer, Immutable, Alias("grid.region-detail")]
public sealed record RegionDetail(
    [property: Id(0)] RegionInfo Info,
    [property: Id(1)] string? GeometryWkt,
    [property: Id(2)] bool GeometryIsSynthetic);
