using Grid.Contracts;
using Grid.Grains.Regions;
using Orleans.Concurrency;

namespace Grid.Grains.Evaluations;

/// <summary>
/// Sums the townships of a county or the city for one month ("2025-03/region/421202000000"). The sum
/// is cached for <see cref="Fresh"/>, so a burst of dashboard reads costs one fan-out per silo.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class StatsRollupGrain(TimeProvider clock) : Grain, IStatsRollupGrain
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private Task<StatsSnapshot>? _sum;
    private DateTimeOffset _summedAt;

    private string Key => this.GetPrimaryKeyString();

    public async Task<EvaluationTally> TallyAsync(StatsFilter filter) => (await SumAsync()).Tally(Key[..7], filter);

    public async Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter) => (await SumAsync()).ByItem(Key[..7], filter);

    private Task<StatsSnapshot> SumAsync()
    {
        if (_sum is null || _sum.IsFaulted || clock.GetUtcNow() - _summedAt > Fresh)
        {
            _summedAt = clock.GetUtcNow();
            _sum = ReadTownshipsAsync();
        }
        return _sum;
    }

    private async Task<StatsSnapshot> ReadTownshipsAsync()
    {
        var code = Key[(Key.LastIndexOf('/') + 1)..];
        var counties = RegionCodes.LevelOf(code) == RegionLevel.City
            ? (await GrainFactory.GetGrain<IRegionGrain>(code).GetChildrenAsync()).Select(c => c.Code).ToList()
            : [code];
        var townships = (await Task.WhenAll(counties.Select(c => GrainFactory.GetGrain<IRegionGrain>(c).GetChildrenAsync())))
            .SelectMany(t => t).Select(t => t.Code);
        var parts = await Task.WhenAll(townships.Select(t =>
            GrainFactory.GetGrain<IServiceStatsCounters>(StatsKeys.Key(Key[..7], StatsDimension.Region, t)).SnapshotAsync()));
        return StatsSnapshot.Sum(parts);
    }
}
