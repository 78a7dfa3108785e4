using Orleans.Concurrency;

namespace Grid.Grains.Geography;

/// <summary>
/// Every silo's own copy of the city's index (keyed by the city code), so locates and map reads
/// scale with silos. It asks the owner <see cref="ILocateIndexGrain"/> for its version at most once
/// per <see cref="LocateReplicaGrain.CheckEvery"/> and pulls the overrides only when the version moved.
/// </summary>
[Alias("grid.ILocateReplicaGrain")]
public interface ILocateReplicaGrain : IGrainWithStringKey
{
    [Alias("locate")] Task<GridLocation?> LocateAsync(double lat, double lng);

    [Alias("locate-many")] Task<IReadOnlyList<string?>> LocateManyAsync(IReadOnlyList<GeoPoint> points);

    [Alias("grids-in")] Task<IReadOnlyList<GridOutline>> GridsInAsync(string regionCode);

    /// <summary>The owner's version this replica answers from.</summary>
    [Alias("version")] Task<int> GetVersionAsync();
}

[StatelessWorker(1), Reentrant]
public sealed class LocateReplicaGrain(GeographySource geography, TimeProvider clock) : Grain, ILocateReplicaGrain
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private LocateView? _view;
    private Task<LocateView>? _refresh;
    private DateTimeOffset _checkedAt;

    public async Task<GridLocation?> LocateAsync(double lat, double lng) => (await ViewAsync()).Locate(lat, lng);

    public async Task<IReadOnlyList<string?>> LocateManyAsync(IReadOnlyList<GeoPoint> points) => (await ViewAsync()).LocateMany(points);

    public async Task<IReadOnlyList<GridOutline>> GridsInAsync(string regionCode) => (await ViewAsync()).GridsIn(regionCode);

    public async Task<int> GetVersionAsync() => (await ViewAsync()).Version;

    private Task<LocateView> ViewAsync()
    {
        if (_view is { } current && clock.GetUtcNow() - _checkedAt < CheckEvery) return Task.FromResult(current);
        // One check at a time; concurrent callers share it.
        return _refresh ??= RefreshAsync();
    }

    private async Task<LocateView> RefreshAsync()
    {
        try
        {
            var owner = GrainFactory.GetGrain<ILocateIndexGrain>(this.GetPrimaryKeyString());
            var version = await owner.GetVersionAsync();
            if (_view is null || _view.Version != version)
            {
                var snapshot = await owner.GetSnapshotAsync();
                var model = await geography.GetAsync();
                // Building the index is CPU work; keep it off the grain's turn.
                _view = await Task.Run(() => new LocateView(model, snapshot.Overrides, snapshot.Version));
            }
            _checkedAt = clock.GetUtcNow();
            return _view;
        }
        finally
        {
            _refresh = null;
        }
    }
}
