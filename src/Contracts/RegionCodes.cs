namespace Grid.Contracts;

/// <summary>
/// Rules of the 12-digit statistical division codes (统计用区划代码): 2 digits province, 2 city,
/// 2 county, 3 township, 3 village. A region contains another when the other's code starts with
/// the region's significant prefix; grid ids start with their village code, so the rule covers them.
/// </summary>
public static class RegionCodes
{
    public const string City = "421200000000";

    public static bool IsValid(string? code) =>
        code is { Length: 12 } && code.All(char.IsAsciiDigit);

    public static RegionLevel LevelOf(string code) => code switch
    {
        _ when code.AsSpan(4).IndexOfAnyExcept('0') < 0 => RegionLevel.City,
        _ when code.AsSpan(6).IndexOfAnyExcept('0') < 0 => RegionLevel.County,
        _ when code.AsSpan(9).IndexOfAnyExcept('0') < 0 => RegionLevel.Township,
        _ => RegionLevel.Village,
    };

    public static string PrefixOf(string code) => LevelOf(code) switch
    {
        RegionLevel.City => code[..4],
        RegionLevel.County => code[..6],
        RegionLevel.Township => code[..9],
        _ => code,
    };

    /// <summary>True when <paramref name="target"/> (a region code or a grid id) lies inside <paramref name="scope"/>.</summary>
    public static bool Contains(string scope, string target) =>
        IsValid(scope) && target.Length >= 12 && target.StartsWith(PrefixOf(scope), StringComparison.Ordinal);

    /// <summary>The county code (12 digits) of any code inside a county.</summary>
    public static string CountyOf(string code) => code[..6] + "000000";

    public static string TownshipOf(string code) => code[..9] + "000";
}
