namespace Grid.Planning;

/// <summary>
/// Road km per great-circle km by county (docs/planning-format.md): an instance that names its county
/// plans with that county's factor; a county not listed, or no county, keeps the instance's detourFactor.
/// The figures are set by hand from the terrain (plain along the Yangtze, hills and mountains to the
/// south-east), not measured; a measured table replaces them row by row.
/// </summary>
public static class CountyRoadFactors
{
    private static readonly Dictionary<string, double> Factors = new(StringComparer.Ordinal)
    {
        ["421202"] = 1.30, // 咸安区
        ["421221"] = 1.25, // 嘉鱼县
        ["421222"] = 1.45, // 通城县
        ["421223"] = 1.45, // 崇阳县
        ["421224"] = 1.50, // 通山县
        ["421281"] = 1.30, // 赤壁市
    };

    public static IReadOnlyDictionary<string, double> All => Factors;

    /// <summary>The county's factor, or null when none is listed. Takes the 6-digit code or the 12-digit statistical code (421202000000).</summary>
    public static double? For(string? county) =>
        county is { Length: 6 or 12 } && Factors.TryGetValue(county[..6], out var factor) && (county.Length == 6 || county[6..] == "000000") ? factor : null;

    public static bool IsCode(string county) => county.Length is 6 or 12 && county.All(char.IsAsciiDigit);
}
