namespace Grid.Grains.Evaluations;

/// <summary>The raw counters of a worker, item, village or township month, read by the roll-ups.</summary>
[Alias("grid.IServiceStatsCounters")]
public interface IServiceStatsCounters : IGrainWithStringKey
{
    [Alias("snapshot")]
    Task<StatsSnapshot> SnapshotAsync();
}

/// <summary>
/// County and city statistics for one month, summed from their townships' counters on query and
/// cached briefly. A stateless worker: every silo answers its own callers, and no write reaches it.
/// </summary>
[Alias("grid.IStatsRollupGrain")]
public interface IStatsRollupGrain : IGrainWithStringKey
{
    [Alias("tally")]
    Task<EvaluationTally> TallyAsync(StatsFilter filter);

    [Alias("tally-by-item")]
    Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter);
}
