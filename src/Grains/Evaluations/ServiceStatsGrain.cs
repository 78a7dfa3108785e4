using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Grid.Grains.Evaluations;

/// <summary>What counter grains stored before their buckets became rows; read once on activation and moved into rows.</summary>
public sealed class ServiceStatsState
{
    public Dictionary<string, long[]> Counters { get; set; } = [];

    public Dictionary<string, string> ItemNames { get; set; } = [];

    public ServiceFact? Pending { get; set; }

    /// <summary>Facts as kept before counters.</summary>
    public Dictionary<string, ServiceFact> Facts { get; set; } = [];

    public bool HoldsCounters() => Counters.Count > 0 || ItemNames.Count > 0 || Pending is not null;
}

/// <summary>
/// Counters of one worker, item, village or township for one month. Each upsert reads and writes the
/// fact row of (this key, record) and writes the one or two buckets the fact changes
/// (<see cref="StatsCounterRows"/>): constant work however many facts the month holds. The buckets
/// and the pending fact are saved together first, then the fact row; a crash between the two is
/// finished by writing the pending row before anything else, so a re-delivered fact finds its
/// version and changes nothing. County and city come from <see cref="IStatsRollupGrain"/>, which
/// reads townships, so no write goes to one city-wide grain.
/// </summary>
public sealed class ServiceStatsGrain(
    [PersistentState("service-stats", GridStorage.Name)] IPersistentState<ServiceStatsState> legacy,
    IGrainRowStore store,
    ILogger<ServiceStatsGrain> logger) : Grain, IServiceStatsGrain, IServiceStatsCounters
{
    private StatsFactRows _rows = null!;
    private StatsCounterRows _counters = null!;
    private string _month = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        _month = key[..7];
        var dimension = Enum.Parse<StatsDimension>(key[8..key.IndexOf('/', 8)], ignoreCase: true);
        _rows = new StatsFactRows(ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GridStorage.Name), key);
        _counters = new StatsCounterRows(new GrainRows<StatsRow>(store, "service-stats", key), dimension);
        await _counters.LoadAsync();
        await MigrateLegacyAsync(dimension != StatsDimension.Region || StatsKeys.IsCountedRegion(key[(key.LastIndexOf('/') + 1)..]));
        await FinishPendingAsync();
    }

    public async Task UpsertAsync(ServiceFact fact)
    {
        await FinishPendingAsync();
        var row = await _rows.ReadAsync(fact.RecordId);
        if (row.State is { } known && known.Version >= fact.Version) return;
        await CountAsync(row.State, fact);
        await FinishPendingAsync(row);
    }

    public Task<EvaluationTally> TallyAsync(StatsFilter filter) => Task.FromResult(View().Tally(_month, filter));

    public Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter) => Task.FromResult(View().ByItem(_month, filter));

    /// <summary>A deep copy: the caller may be in this silo, where Orleans does not copy mutable arguments.</summary>
    public Task<StatsSnapshot> SnapshotAsync() =>
        Task.FromResult(new StatsSnapshot(_counters.Counters.ToDictionary(b => b.Key, b => (long[])b.Value.Clone()), new(_counters.ItemNames)));

    private StatsSnapshot View() => new(_counters.Counters, _counters.ItemNames);

    /// <summary>On a failed write the rows are read again (an unanswered write may have been stored); if that fails too, the activation goes.</summary>
    private async Task CountAsync(ServiceFact? old, ServiceFact fact)
    {
        try
        {
            await _counters.CountAsync(old, fact);
        }
        catch (Exception writeFailure)
        {
            try
            {
                await _counters.LoadAsync();
                logger.LogWarning(writeFailure, "Counting {Record} in {Grain} failed; the counters were read again", fact.RecordId, this.GetPrimaryKeyString());
            }
            catch (Exception readFailure)
            {
                logger.LogWarning(readFailure, "Counting in {Grain} failed and re-reading failed too; deactivating it", this.GetPrimaryKeyString());
                DeactivateOnIdle();
            }
            throw;
        }
    }

    /// <summary>Writes the row of the fact already counted; idempotent, so it runs before each upsert and on activation.</summary>
    private async Task FinishPendingAsync(IGrainState<ServiceFact?>? row = null)
    {
        if (_counters.Pending is not { } pending) return;
        row ??= await _rows.ReadAsync(pending.RecordId);
        if (row.State is null || row.State.Version < pending.Version)
        {
            row.State = pending;
            await _rows.WriteAsync(pending.RecordId, row);
        }
        // Cleared in memory only: the next count replaces the pending row, and a stale one is harmless.
        _counters.Pending = null;
    }

    /// <summary>
    /// Moves a whole-state counter map into rows, then counts facts of the older form one by one as
    /// upserts (each fact row written after its counts), then clears the old state. The map leaves the
    /// old state before any fact is counted, so a crash in between cannot move it over newer counts.
    /// County and city grains no longer count: their old facts are dropped (their townships hold them).
    /// </summary>
    private async Task MigrateLegacyAsync(bool counts)
    {
        if (!legacy.State.HoldsCounters() && legacy.State.Facts.Count == 0) return;
        if (legacy.State.HoldsCounters())
        {
            await _counters.MoveAsync(legacy.State);
            legacy.State = new ServiceStatsState { Facts = legacy.State.Facts };
            if (legacy.State.Facts.Count > 0) await legacy.WriteStateAsync();
        }
        if (counts)
            foreach (var fact in legacy.State.Facts.Values) await UpsertAsync(fact);
        await FinishPendingAsync();
        await legacy.ClearStateAsync();
    }
}
