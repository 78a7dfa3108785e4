namespace Grid.Grains.Regions;

/// <summary>
/// Grid.Geo is a pure library without the contracts, so its <see cref="Geo.DivisionLevel"/> maps to
/// <see cref="RegionLevel"/> by member name, never by number; a test proves the mapping total both ways.
/// </summary>
public static class DivisionLevels
{
    public static RegionLevel ToRegionLevel(this Geo.DivisionLevel level) => Enum.Parse<RegionLevel>(level.ToString());

    public static Geo.DivisionLevel ToDivisionLevel(this RegionLevel level) => Enum.Parse<Geo.DivisionLevel>(level.ToString());
}
