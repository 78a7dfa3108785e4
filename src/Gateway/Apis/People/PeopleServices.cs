using Grid.Contracts;
using Grid.Gateway.Security.Access;
using Grid.Grains.Audit;
using Grid.Grains.Geography;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.People;

/// <summary>What the people handlers share: the cluster, the audit log, the clock and access.</summary>
public sealed record PeopleServices(IGrainFactory Grains, IAuditLog Audit, TimeProvider Clock, AccessService Access)
{
    public IVillageDirectoryGrain Directory(string villageCode) => Grains.GetGrain<IVillageDirectoryGrain>(villageCode);

    public IGridCellGrain Cell(string gridId) => Grains.GetGrain<IGridCellGrain>(gridId);

    public Task<GridLocation?> LocateAsync(double lat, double lng) =>
        Grains.GetGrain<ILocateReplicaGrain>(RegionCodes.City).LocateAsync(lat, lng);

    public DateTime UtcNow => Clock.GetUtcNow().UtcDateTime;
}
