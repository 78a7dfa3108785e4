namespace Grid.Geo;

/// <summary>Where a point falls: the full chain of division codes and the grid id.</summary>
public sealed record LocateResult(string CountyCode, string TownshipCode, string VillageCode, string GridId);

/// <summary>Turns a WGS84 point into its grid, or null outside every grid.</summary>
public interface IGridLocator
{
    /// <summary>
    /// The grid covering (lat, lng). A point on a shared edge or vertex is covered by several grids;
    /// the tie-break is deterministic: the covering grid with the ordinally smallest id wins.
    /// </summary>
    LocateResult? Locate(double lat, double lng);
}
