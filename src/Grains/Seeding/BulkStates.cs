using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Storage;

namespace Grid.Grains.Seeding;

/// <summary>
/// The stored rows the grains' Define methods would leave behind on a first write: the same state
/// objects under the same state names. Keep in step with RegionGrain, GridCellGrain, WorkerGrain,
/// ResidentGrain and VillageDirectoryGrain (BulkSeedEquivalenceTests compares both paths). Residents and
/// workers are sealed with the <see cref="PersonalDataProtector"/> the grains use.
/// </summary>
public static class BulkStates
{
    // The [PersistentState] names of those grains; the ADO.NET provider stores them as GrainType.
    public const string Region = "region", GridCell = "gridcell", Worker = "worker", Resident = "resident", VillageDirectory = "villagedirectory";

    public static GrainStateRow Of(RegionDefinition d) => GrainStateRow.Of(Region, d.Info.Code, new RegionState
    {
        Info = d.Info,
        Children = [.. d.Children],
        GeometryWkt = d.GeometryWkt,
        GeometryIsSynthetic = d.GeometryIsSynthetic,
    });

    public static IEnumerable<GrainStateRow> Of(VillagePeople people, string villageCode, PersonalDataProtector protector)
    {
        foreach (var c in people.Cells) yield return GrainStateRow.Of(GridCell, c.Id, new GridCellState { Profile = c });
        foreach (var w in people.Workers) yield return GrainStateRow.Of(Worker, w.Id, protector.Seal(new WorkerState { Profile = w, Version = 1 }));
        foreach (var r in people.Residents)
            yield return GrainStateRow.Of(Resident, r.Profile.Id, protector.Seal(new ResidentState { Profile = r.Profile, Visits = [.. r.Visits], Version = 1 }));
        yield return GrainStateRow.Of(VillageDirectory, villageCode,
            new VillageDirectoryState
            {
                Residents = [.. people.ResidentSummaries],
                Workers = [.. people.WorkerSummaries],
                Dispatch = people.Workers.ToDictionary(w => w.Id, w => w.ForDispatch(), StringComparer.Ordinal),
            });
    }
}
