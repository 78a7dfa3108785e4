using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Delegation;

/// <summary>Requests for an item in a region over a period, and how many months of counting that covers.</summary>
[GenerateSerializer, Immutable, Alias("grid.request-volume")]
public sealed record RequestVolume([property: Id(0)] long Requests, [property: Id(1)] int Months);

/// <summary>
/// Request counts per service item (keyed by item code) and region, by month. Assisted-agency
/// dispatch calls <see cref="RecordAsync"/> for each request it accepts (with the village code);
/// the delegation list reads <see cref="CountAsync"/> to class an item's frequency in a township or
/// village. Until anything is recorded for an item, <see cref="CountAsync"/> answers null and the
/// department's survey decides the class.
/// </summary>
[Alias("grid.IRequestVolumeGrain")]
public interface IRequestVolumeGrain : IGrainWithStringKey
{
    [Alias("record")] Task RecordAsync(string regionCode, DateOnly day, int count);

    /// <summary>
    /// Counts one request, once per <paramref name="deliveryId"/> (an outbox effect's id): a
    /// re-delivery of an id among the last <see cref="RequestVolumeGrain.RecentIdsKept"/> changes nothing.
    /// </summary>
    [Alias("record-once")] Task RecordOnceAsync(string deliveryId, string regionCode, DateOnly day);

    /// <summary>Requests in <paramref name="regionScope"/> (a region containing the recorded codes) from..to, inclusive.</summary>
    [Alias("count"), Orleans.Concurrency.ReadOnly] Task<RequestVolume?> CountAsync(string regionScope, DateOnly from, DateOnly to);
}

/// <summary>The whole-state form volumes had before they became rows; read once to move old data over.</summary>
public sealed class RequestVolumeState
{
    public DateOnly? FirstDay { get; set; }
    public Dictionary<string, long> ByRegionMonth { get; set; } = [];

    /// <summary>The delivery ids counted last, oldest first (bounded).</summary>
    public List<string> RecentIds { get; set; } = [];
}

/// <summary>One row's value: a region-month's count, a delivery id's sequence number, or the first day's day number.</summary>
public sealed record VolumeRow(long Value);

/// <summary>
/// Rows, not one growing state (<see cref="GrainRows{T}"/>, kind "requestvolume"): "n:{region}|{yyyy-MM}"
/// holds a count, "d:{deliveryId}" a recently counted delivery (its sequence number), "first" the first
/// day counted. Counting one request writes its count row and its id row and drops the oldest id, in one
/// atomic change, so a request costs the same whatever the item's history — the whole state, with its
/// 256 recent ids, was rewritten on every request before (about 9 KB, on a grain every request of the
/// item passes through).
/// </summary>
public sealed class RequestVolumeGrain(
    [PersistentState("requestvolume", GridStorage.Name)] IPersistentState<RequestVolumeState> legacy,
    IGrainRowStore store) : Grain, IRequestVolumeGrain
{
    /// <summary>
    /// The outbox re-delivers seconds to minutes later (after a silo's death, once the task re-activates): 4,096
    /// ids are about ten minutes of one item at 6 requests a second, and cost nothing per write now that they are rows.
    /// </summary>
    public const int RecentIdsKept = 4096;

    private const string First = "first";
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _recent = new(StringComparer.Ordinal);
    private readonly Queue<(long Sequence, string Id)> _order = new();
    private GrainRows<VolumeRow> _rows = null!;
    private DateOnly? _firstDay;
    private long _sequence;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _rows = new GrainRows<VolumeRow>(store, "requestvolume", this.GetPrimaryKeyString());
        await LoadAsync();
        await MoveLegacyAsync();
    }

    private async Task LoadAsync()
    {
        _counts.Clear();
        _recent.Clear();
        _order.Clear();
        _firstDay = null;
        foreach (var (key, row) in await _rows.ReadAllAsync())
        {
            if (key == First) _firstDay = DateOnly.FromDayNumber((int)row.Value);
            else if (key.StartsWith("n:", StringComparison.Ordinal)) _counts[key[2..]] = row.Value;
            else if (key.StartsWith("d:", StringComparison.Ordinal)) _recent[key[2..]] = row.Value;
        }
        foreach (var (id, sequence) in _recent.OrderBy(r => r.Value)) _order.Enqueue((sequence, id));
        _sequence = _recent.Count == 0 ? 0 : _recent.Values.Max();
    }

    /// <summary>A volume stored the old way (one state) is added into rows once, then cleared.</summary>
    private async Task MoveLegacyAsync()
    {
        var old = legacy.State;
        if (old.FirstDay is null && old.ByRegionMonth.Count == 0 && old.RecentIds.Count == 0) return;
        var first = old.FirstDay is { } f && (_firstDay is null || f < _firstDay) ? f : _firstDay;
        var counts = old.ByRegionMonth.ToDictionary(c => c.Key, c => c.Value + _counts.GetValueOrDefault(c.Key), StringComparer.Ordinal);
        var ids = old.RecentIds.Where(id => !_recent.ContainsKey(id)).Select((id, i) => (id, _sequence + 1 + i)).ToList();
        var upserts = counts.Select(c => ("n:" + c.Key, new VolumeRow(c.Value))).Concat(ids.Select(d => ("d:" + d.id, new VolumeRow(d.Item2)))).ToList();
        if (first is { } day) upserts.Add((First, new VolumeRow(day.DayNumber)));
        await _rows.ApplyAsync(upserts, []);
        _firstDay = first;
        foreach (var (key, n) in counts) _counts[key] = n;
        foreach (var (id, sequence) in ids) { _recent[id] = sequence; _order.Enqueue((sequence, id)); _sequence = sequence; }
        await legacy.ClearStateAsync();
    }

    public Task RecordAsync(string regionCode, DateOnly day, int count) => CountAsync(null, regionCode, day, count);

    public Task RecordOnceAsync(string deliveryId, string regionCode, DateOnly day) =>
        _recent.ContainsKey(deliveryId) ? Task.CompletedTask : CountAsync(deliveryId, regionCode, day, 1);

    /// <summary>Writes first, then changes memory: a failed write leaves the activation as stored, so the retry counts once.</summary>
    private async Task CountAsync(string? deliveryId, string regionCode, DateOnly day, int count)
    {
        if (!RegionCodes.IsValid(regionCode)) throw new ArgumentException("Record request volume under a 12-digit region code.", nameof(regionCode));
        var key = $"{regionCode}|{day:yyyy-MM}";
        var total = _counts.GetValueOrDefault(key) + count;
        var upserts = new List<(string, VolumeRow)> { ("n:" + key, new VolumeRow(total)) };
        var deletes = new List<string>();
        var firstChanges = _firstDay is null || day < _firstDay;
        if (firstChanges) upserts.Add((First, new VolumeRow(day.DayNumber)));
        var sequence = _sequence + 1;
        if (deliveryId is not null)
        {
            upserts.Add(("d:" + deliveryId, new VolumeRow(sequence)));
            if (_order.Count >= RecentIdsKept) deletes.Add("d:" + _order.Peek().Id);
        }
        try
        {
            await _rows.ApplyAsync(upserts, deletes);
        }
        catch
        {
            // The write may have landed before the failure: become what is stored, so the retry counts once.
            try { await LoadAsync(); } catch { DeactivateOnIdle(); }
            throw;
        }
        _counts[key] = total;
        if (firstChanges) _firstDay = day;
        if (deliveryId is null) return;
        if (deletes.Count > 0) _recent.Remove(_order.Dequeue().Id);
        _recent[deliveryId] = sequence;
        _order.Enqueue((sequence, deliveryId));
        _sequence = sequence;
    }

    public Task<RequestVolume?> CountAsync(string regionScope, DateOnly from, DateOnly to)
    {
        if (_firstDay is not { } first) return Task.FromResult<RequestVolume?>(null);
        var start = first > from ? first : from;
        var months = Math.Max(1, (to.Year - start.Year) * 12 + to.Month - start.Month + 1);
        string fromKey = $"{from:yyyy-MM}", toKey = $"{to:yyyy-MM}";
        long total = 0;
        foreach (var (key, n) in _counts)
        {
            var region = key[..12];
            var month = key[13..];
            if (RegionCodes.Contains(regionScope, region) && string.CompareOrdinal(month, fromKey) >= 0 && string.CompareOrdinal(month, toKey) <= 0)
                total += n;
        }
        return Task.FromResult<RequestVolume?>(new RequestVolume(total, months));
    }
}
