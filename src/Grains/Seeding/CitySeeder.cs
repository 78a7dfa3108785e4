using System.Diagnostics;
using Grid.Geo;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Seeding;

/// <summary>
/// Writes the demo city: the real Xianning divisions with synthetic geometry, grids, workers and
/// special-needs residents, the demo accounts and the starter catalog. Regions and people (tens of
/// thousands of grains) go through <paramref name="bulk"/> when the storage offers one: the same
/// states in a few large transactions, activated lazily later. Accounts and the catalog are few
/// and keep their grains' own logic (password hashing, catalog history).
/// </summary>
public sealed class CitySeeder(IGrainFactory grains, SeedSettings settings, ILogger<CitySeeder> logger,
    Geography.GeographySource? source = null, IGrainStateBulkWriter? bulk = null, People.PersonalDataProtector? protector = null)
{
    public const int Seed = 42;

    // Villages per transaction: about 64 rows each, so a few thousand rows per commit.
    private const int VillagesPerBatch = 200;

    public async Task<string> SeedAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        void Step(string step) => logger.LogInformation("Seed step {Step} done at {Seconds:F1} s", step, watch.Elapsed.TotalSeconds);

        var divisions = DivisionCsv.Read(Path.Combine(settings.ReferenceDataPath, "xianning_divisions_nbs2023.csv"));
        var seats = CountySeatCsv.Read(Path.Combine(settings.ReferenceDataPath, "xianning_county_seats_geonames.csv"));
        // The silo's locate index reads the same model, so build it once through the shared source.
        var geography = source is not null ? await source.GetAsync() : SyntheticGeography.Build(divisions, seats, gridsPerVillage: 5, seed: Seed);
        Step($"geometry ({divisions.Count} divisions)");

        var villages = divisions
            .Where(d => d.Level == DivisionLevel.Village)
            .Where(_ => settings.People)
            .Where(d => settings.PeopleCounties.Count == 0 || settings.PeopleCounties.Contains(d.CountyCode + "000000"))
            .ToList();
        // Accounts and catalog are other grains than the bulk rows, so they run alongside them.
        var accountsAndCatalog = Task.Run(async () =>
        {
            await new AccountSeeder(grains, settings, logger).SeedAsync(divisions, ct);
            Step("accounts");
            var count = await new CatalogSeeder(grains).SeedAsync(ct);
            Step("catalog");
            return count;
        }, ct);
        PeopleSeeder.Counts people;
        // Bulk rows are written sealed as the grains would write them, so they need the protector.
        if (bulk is not null && protector is not null && settings.Bulk)
        {
            await bulk.WriteAsync(RegionSeeder.Definitions(divisions, geography).Select(BulkStates.Of).ToList(), ct);
            Step("regions (bulk)");
            people = await SeedPeopleInBulkAsync(bulk, protector, villages, geography, ct);
            Step("people (bulk)");
        }
        else
        {
            await new RegionSeeder(grains).SeedAsync(divisions, geography, ct);
            Step("regions (grains)");
            people = await new PeopleSeeder(grains, Seed).SeedAsync(villages, geography, ct);
            Step("people (grains)");
        }
        var items = await accountsAndCatalog;
        var demo = AccountSeeder.DemoVillage(divisions);
        if (villages.Any(v => v.Code12 == demo.Code12))
        {
            await new DemoSeeder(grains, Seed).SeedAsync(demo, geography, ct);
            Step("demo roster");
        }
        return $"{divisions.Count} divisions, {people.Grids} grids, {people.Workers} workers, {people.Residents} residents, {items} catalog items";
    }

    private async Task<PeopleSeeder.Counts> SeedPeopleInBulkAsync(
        IGrainStateBulkWriter bulk, People.PersonalDataProtector protector, IReadOnlyList<Division> villages, GeographyModel geography, CancellationToken ct)
    {
        int grids = 0, workers = 0, residents = 0;
        var cellsOf = geography.Grids.Values.ToLookup(g => g.VillageCode, StringComparer.Ordinal);
        TimeSpan waiting = TimeSpan.Zero, writing = TimeSpan.Zero;
        // Build and serialize the next batch on the thread pool while the current one is written.
        Task<List<GrainStateRow>> Prepare(IReadOnlyList<Division> batch) => Task.Run(() => batch.AsParallel().AsOrdered()
            .SelectMany(v =>
            {
                var p = VillagePeople.Build(v, geography, cellsOf[v.Code12], Seed);
                Interlocked.Add(ref grids, p.Cells.Count);
                Interlocked.Add(ref workers, p.Workers.Count);
                Interlocked.Add(ref residents, p.Residents.Count);
                return BulkStates.Of(p, v.Code12, protector);
            }).ToList(), ct);

        var batches = villages.Chunk(VillagesPerBatch).ToList();
        var next = batches.Count > 0 ? Prepare(batches[0]) : null;
        var phase = Stopwatch.StartNew();
        for (var i = 0; i < batches.Count; i++)
        {
            var rows = await next!;
            waiting += phase.Elapsed;
            next = i + 1 < batches.Count ? Prepare(batches[i + 1]) : null;
            phase.Restart();
            await bulk.WriteAsync(rows, ct);
            writing += phase.Elapsed;
            phase.Restart();
        }
        logger.LogInformation("Bulk people: {Batches} batches, {Waiting:F1} s waiting for rows, {Writing:F1} s writing",
            batches.Count, waiting.TotalSeconds, writing.TotalSeconds);
        return new PeopleSeeder.Counts(grids, workers, residents);
    }
}
