using Grid.Gateway.Security.Access;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.People;

/// <summary>Residents and workers as access sees them: where they live or work now, and who they are.</summary>
public static class PeopleTargets
{
    public static Target Target(this ResidentProfile r, Kind kind = Kind.Resident) => new(kind, r.VillageCode, Owner: r.Id, Grid: r.GridId);

    public static Target Target(this WorkerProfile w, Kind kind = Kind.Worker) => new(kind, w.VillageCode, Owner: w.Id);
}
