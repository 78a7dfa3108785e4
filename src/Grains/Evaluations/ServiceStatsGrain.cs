using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Grid.Grains.Evaluations;

public sealed class ServiceStatsState
{
    /// <summary>Counts per bucket (see <see cref="StatsCounters.BucketOf"/>); bounded by days × items × villages, not by facts.</summary>
    public Dictionary<string, long[]> Counters { get; set; } = [];

    public Dictionary<string, string> ItemNames { get; set; } = [];

    /// <summary>The fact whose counts are saved here but whose fact row may not be written yet (at most one).</summary>
    public ServiceFact? Pending { get; set; }

    /// <summary>Facts as kept before counters; moved into counters and fact rows on activation.</summary>
    public Dictionary<string, ServiceFact> Facts { get; set; } = [];
}

/// <summary>
/// Counters of one worker, item, village or township for one month. Each upsert reads and writes the
/// fact row of (this key, record) and this grain's counters: constant work however many facts the
/// month holds. The counters and the pending fact are saved together first, then the fact row; a
/// crash between the two is finished by writing the pending row before anything else, so a
/// re-delivered fact finds its version and changes nothing. County and city come from
/// <see cref="IStatsRollupGrain"/>, which reads townships, so no write goes to one city-wide grain.
/// </summary>
public sealed class ServiceStatsGrain(
    [PersistentState("service-stats", GridStorage.Name)] IPersistentState<ServiceStatsState> state,
    ILogger<ServiceStatsGrain> logger) : Grain, IServiceStatsGrain, IServiceStatsCounters
{
    private StatsFactRows _rows = null!;
    private string _month = "";
    private StatsDimension _dimension;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _month = key[..7];
        _dimension = Enum.Parse<StatsDimension>(key[8..key.IndexOf('/', 8)], ignoreCase: true);
        _rows = new StatsFactRows(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name), key);
        await FinishPendingAsync();
        if (state.State.Facts.Count > 0) await MigrateLegacyFactsAsync();
    }

    public async Task UpsertAsync(ServiceFact fact)
    {
        await FinishPendingAsync();
        var row = await _rows.ReadAsync(fact.RecordId);
        if (row.State is { } known && known.Version >= fact.Version) return;
        Count(row.State, fact);
        state.State.Pending = fact;
        await state.CommitAsync(this, logger);
        await FinishPendingAsync(row);
    }

    public Task<EvaluationTally> TallyAsync(StatsFilter filter) => Task.FromResult(View().Tally(_month, filter));

    public Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter) => Task.FromResult(View().ByItem(_month, filter));

    /// <summary>A deep copy: the caller may be in this silo, where Orleans does not copy mutable arguments.</summary>
    public Task<StatsSnapshot> SnapshotAsync() =>
        Task.FromResult(new StatsSnapshot(state.State.Counters.ToDictionary(b => b.Key, b => (long[])b.Value.Clone()), new(state.State.ItemNames)));

    private StatsSnapshot View() => new(state.State.Counters, state.State.ItemNames);

    private void Count(ServiceFact? old, ServiceFact fact)
    {
        if (old is not null) StatsCounters.Apply(state.State.Counters, StatsCounters.BucketOf(_dimension, old), old, -1);
        StatsCounters.Apply(state.State.Counters, StatsCounters.BucketOf(_dimension, fact), fact, +1);
        if (_dimension == StatsDimension.Region) state.State.ItemNames[fact.ItemCode] = fact.ItemName;
    }

    /// <summary>Writes the row of the fact already counted; idempotent, so it runs before each upsert and on activation.</summary>
    private async Task FinishPendingAsync(IGrainState<ServiceFact?>? row = null)
    {
        if (state.State.Pending is not { } pending) return;
        row ??= await _rows.ReadAsync(pending.RecordId);
        if (row.State is null || row.State.Version < pending.Version)
        {
            row.State = pending;
            await _rows.WriteAsync(pending.RecordId, row);
        }
        // Cleared in memory only: the next counters write saves it, and a stale copy is harmless.
        state.State.Pending = null;
    }

    private async Task MigrateLegacyFactsAsync()
    {
        foreach (var fact in state.State.Facts.Values)
        {
            var row = await _rows.ReadAsync(fact.RecordId);
            if (row.State is { } known && known.Version >= fact.Version) continue;
            if (_dimension != StatsDimension.Region || StatsKeys.IsCountedRegion(this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..])) Count(row.State, fact);
            row.State = fact;
            await _rows.WriteAsync(fact.RecordId, row);
        }
        state.State.Facts.Clear();
        await state.CommitAsync(this, logger);
    }
}
