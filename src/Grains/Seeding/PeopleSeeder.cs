using Grid.Geo;
using Grid.Grains.People;

namespace Grid.Grains.Seeding;

/// <summary>
/// The grain path for people: per village its grids, one grid worker per grid plus a party cadre, a
/// community worker and a volunteer, and ~50 residents (see <see cref="VillagePeople"/>), each
/// written through its grain. Used where no bulk writer is available.
/// </summary>
public sealed class PeopleSeeder(IGrainFactory grains, int seed)
{
    public sealed record Counts(int Grids, int Workers, int Residents);

    public async Task<Counts> SeedAsync(IReadOnlyList<Division> villages, GeographyModel geography, CancellationToken ct)
    {
        int grids = 0, workers = 0, residents = 0;
        await Parallel.ForEachAsync(villages, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (village, _) =>
        {
            var c = await SeedVillageAsync(VillagePeople.Build(village, geography, seed), village.Code12);
            Interlocked.Add(ref grids, c.Grids);
            Interlocked.Add(ref workers, c.Workers);
            Interlocked.Add(ref residents, c.Residents);
        });
        return new Counts(grids, workers, residents);
    }

    public async Task<Counts> SeedVillageAsync(VillagePeople people, string villageCode)
    {
        var writes = new List<Task>();
        writes.AddRange(people.Cells.Select(c => grains.GetGrain<IGridCellGrain>(c.Id).DefineAsync(c)));
        writes.AddRange(people.Workers.Select(w => grains.GetGrain<IWorkerGrain>(w.Id).DefineAsync(w)));
        writes.AddRange(people.Residents.Select(r => grains.GetGrain<IResidentGrain>(r.Profile.Id).DefineAsync(r.Profile, r.Visits)));
        writes.Add(grains.GetGrain<IVillageDirectoryGrain>(villageCode).DefineAsync(people.ResidentSummaries, people.WorkerSummaries, people.Workers));
        await Task.WhenAll(writes);
        return new Counts(people.Cells.Count, people.Workers.Count, people.Residents.Count);
    }
}
