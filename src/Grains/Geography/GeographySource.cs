using Grid.Geo;
using Grid.Grains.Seeding;

namespace Grid.Grains.Geography;

/// <summary>
/// The city's base geometry, the same deterministic model the seeder writes (same data, grids per
/// village and seed). Built once per silo, off the grain scheduler; boundary changes are kept apart
/// as overrides in <see cref="LocateIndexGrain"/>, so the base never needs storing.
/// </summary>
public sealed class GeographySource(SeedSettings settings)
{
    public const int GridsPerVillage = 5;

    private readonly Lazy<Task<GeographyModel>> _model = new(() => Task.Run(() => Build(settings.ReferenceDataPath)));

    public Task<GeographyModel> GetAsync() => _model.Value;

    public static GeographyModel Build(string referenceDataPath)
    {
        var divisions = DivisionCsv.Read(Path.Combine(referenceDataPath, "xianning_divisions_nbs2023.csv"));
        var seats = CountySeatCsv.Read(Path.Combine(referenceDataPath, "xianning_county_seats_geonames.csv"));
        return SyntheticGeography.Build(divisions, seats, GridsPerVillage, CitySeeder.Seed);
    }
}

/// <summary>Display names of grids: "温泉村第03网格" from the village's statistical name and the grid number.</summary>
public static class GridNames
{
    public static string ShortVillageName(string name) => name
        .Replace("村民委员会", "村").Replace("村委会", "村").Replace("社区居民委员会", "社区").Replace("居民委员会", "社区");

    public static string For(string villageName, string gridId) => $"{ShortVillageName(villageName)}第{gridId[^2..]}网格";

    /// <summary>The next free grid id in a village ("{village}-G06" after G01–G05).</summary>
    public static string NextId(string villageCode, IEnumerable<string> existing)
    {
        var used = existing.Where(id => id.StartsWith(villageCode + "-G", StringComparison.Ordinal))
            .Select(id => int.TryParse(id[(villageCode.Length + 2)..], out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return SyntheticGeography.GridId(villageCode, used + 1);
    }
}
