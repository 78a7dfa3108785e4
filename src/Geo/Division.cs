namespace Grid.Geo;

public enum DivisionLevel
{
    City,
    County,
    Township,
    Village,
}

/// <summary>One row of the NBS statistical division codes (统计用区划代码).</summary>
public sealed record Division(
    string Code12,
    string Name,
    DivisionLevel Level,
    string ParentCode,
    string CountyCode,
    string CountyName)
{
    /// <summary>A village-level unit named 社区 is a community, the rest are villages.</summary>
    public bool IsCommunity => Level == DivisionLevel.Village && Name.Contains("社区", StringComparison.Ordinal);
}
