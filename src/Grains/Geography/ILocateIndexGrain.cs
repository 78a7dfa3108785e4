using Orleans.Concurrency;

namespace Grid.Grains.Geography;

/// <summary>
/// The city's point → grid index (one activation per city, keyed by the city code). Reads are
/// [ReadOnly] so they interleave; a boundary change swaps in a new immutable index atomically.
/// </summary>
[Alias("grid.ILocateIndexGrain")]
public interface ILocateIndexGrain : IGrainWithStringKey
{
    [ReadOnly, Alias("locate")] Task<GridLocation?> LocateAsync(double lat, double lng);

    [ReadOnly, Alias("locate-many")] Task<IReadOnlyList<string?>> LocateManyAsync(IReadOnlyList<GeoPoint> points);

    /// <summary>The current grids inside a region (a village, township, county or the city).</summary>
    [ReadOnly, Alias("grids-in")] Task<IReadOnlyList<GridOutline>> GridsInAsync(string regionCode);

    [ReadOnly, Alias("overrides")] Task<IReadOnlyList<GridOverride>> GetOverridesAsync();

    [ReadOnly, Alias("version")] Task<int> GetVersionAsync();

    /// <summary>The version and its overrides together, for the per-silo replicas.</summary>
    [ReadOnly, Alias("snapshot")] Task<LocateSnapshot> GetSnapshotAsync();

    /// <summary>Validates an edit and says which grids' people may change grid; changes nothing.</summary>
    [ReadOnly, Alias("impact")] Task<EditImpact> ImpactAsync(BoundaryEdit edit);

    /// <summary>Where the points would fall once the edit is applied (grid ids, null outside every grid).</summary>
    [ReadOnly, Alias("locate-under")] Task<IReadOnlyList<string?>> LocateUnderAsync(EditImpact impact, IReadOnlyList<GeoPoint> points);

    /// <summary>Applies a planned edit once per change id; refuses (409) when the index moved on since the plan.</summary>
    [Alias("apply")] Task ApplyAsync(string changeId, EditImpact impact);
}

[GenerateSerializer, Immutable, Alias("grid.locate-snapshot")]
public sealed record LocateSnapshot([property: Id(0)] int Version, [property: Id(1)] IReadOnlyList<GridOverride> Overrides);
