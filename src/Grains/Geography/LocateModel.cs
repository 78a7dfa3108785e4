namespace Grid.Grains.Geography;

[GenerateSerializer, Immutable, Alias("grid.named-code")]
public sealed record CodeName([property: Id(0)] string Code, [property: Id(1)] string Name);

/// <summary>The answer of a locate: the chain of divisions and the grid, coded and named.</summary>
[GenerateSerializer, Immutable, Alias("grid.grid-location")]
public sealed record GridLocation(
    [property: Id(0)] CodeName County,
    [property: Id(1)] CodeName Township,
    [property: Id(2)] CodeName Village,
    [property: Id(3)] CodeName Grid);

[GenerateSerializer, Immutable, Alias("grid.geo-point")]
public sealed record GeoPoint([property: Id(0)] double Lat, [property: Id(1)] double Lng);

/// <summary>A grid as the index holds it now: id, name, village and polygon (WKT).</summary>
[GenerateSerializer, Immutable, Alias("grid.grid-outline")]
public sealed record GridOutline(
    [property: Id(0)] string GridId,
    [property: Id(1)] string Name,
    [property: Id(2)] string VillageCode,
    [property: Id(3)] string Wkt);

/// <summary>
/// One change to the base geography: the grid now lies in <see cref="VillageCode"/> with
/// <see cref="Wkt"/>, or is gone (<see cref="Removed"/>, e.g. its id retired when it moved village).
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.grid-override")]
public sealed record GridOverride(
    [property: Id(0)] string GridId,
    [property: Id(1)] string VillageCode,
    [property: Id(2)] string Name,
    [property: Id(3)] string? Wkt,
    [property: Id(4)] bool Removed);

/// <summary>A requested boundary edit: move <see cref="GridId"/> to a village and/or give it a new polygon (WKT).</summary>
[GenerateSerializer, Immutable, Alias("grid.boundary-edit")]
public sealed record BoundaryEdit(
    [property: Id(0)] string GridId,
    [property: Id(1)] string? TargetVillageCode,
    [property: Id(2)] string? Wkt);

/// <summary>What an edit touches: the resolved ids and villages, and the grids whose people may change grid.</summary>
[GenerateSerializer, Immutable, Alias("grid.edit-impact")]
public sealed record EditImpact(
    [property: Id(0)] string GridId,
    [property: Id(1)] string NewGridId,
    [property: Id(2)] string FromVillageCode,
    [property: Id(3)] string ToVillageCode,
    [property: Id(4)] string NewName,
    [property: Id(5)] string Wkt,
    [property: Id(6)] IReadOnlyList<string> CandidateGridIds,
    [property: Id(7)] int IndexVersion);

public sealed class LocateIndexState
{
    public Dictionary<string, GridOverride> Overrides { get; set; } = new(StringComparer.Ordinal);
    public List<string> AppliedChanges { get; set; } = [];
    public int Version { get; set; }
}
