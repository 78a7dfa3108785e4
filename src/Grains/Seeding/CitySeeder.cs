using Grid.Geo;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Seeding;

/// <summary>
/// Writes the demo city through the grains: the real Xianning divisions with synthetic geometry,
/// grids, workers and special-needs residents, and the demo accounts.
/// </summary>
public sealed class CitySeeder(IGrainFactory grains, SeedSettings settings, ILogger<CitySeeder> logger, Geography.GeographySource? source = null)
{
    public const int Seed = 42;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var divisions = DivisionCsv.Read(Path.Combine(settings.ReferenceDataPath, "xianning_divisions_nbs2023.csv"));
        var seats = CountySeatCsv.Read(Path.Combine(settings.ReferenceDataPath, "xianning_county_seats_geonames.csv"));
        // The silo's locate index reads the same model, so build it once through the shared source.
        var geography = source is not null ? await source.GetAsync() : SyntheticGeography.Build(divisions, seats, gridsPerVillage: 5, seed: Seed);
        logger.LogInformation("Built synthetic geometry for {Count} divisions", divisions.Count);

        await new RegionSeeder(grains).SeedAsync(divisions, geography, ct);
        var villages = divisions
            .Where(d => d.Level == DivisionLevel.Village)
            .Where(d => settings.PeopleCounties.Count == 0 || settings.PeopleCounties.Contains(d.CountyCode + "000000"))
            .ToList();
        var people = await new PeopleSeeder(grains, Seed).SeedAsync(villages, geography, ct);
        await new AccountSeeder(grains, settings, logger).SeedAsync(divisions, ct);
        var items = await new CatalogSeeder(grains).SeedAsync(ct);
        return $"{divisions.Count} divisions, {people.Grids} grids, {people.Workers} workers, {people.Residents} residents, {items} catalog items";
    }
}
