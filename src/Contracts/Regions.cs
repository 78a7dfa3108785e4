namespace Grid.Contracts;

public enum RegionLevel { City, County, Township, Village }

public enum VillageKind { Village, Community }

/// <summary>A division in the hierarchy; <c>Kind</c> is set only for villages and communities.</summary>
public sealed record RegionDto(
    string Code,
    string Name,
    RegionLevel Level,
    string? ParentCode,
    VillageKind? Kind,
    int ChildCount);

/// <summary>A region with its (synthetic) boundary as a GeoJSON geometry.</summary>
public sealed record RegionDetailDto(RegionDto Region, object? Geometry, bool GeometryIsSynthetic, string Attribution);
