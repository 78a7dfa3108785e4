namespace Grid.Grains.Regions;

public sealed class RegionState
{
    public RegionInfo? Info { get; set; }
    public List<RegionInfo> Children { get; set; } = [];
    public string? GeometryWkt { get; set; }
    public bool GeometryIsSynthetic { get; set; }
}
