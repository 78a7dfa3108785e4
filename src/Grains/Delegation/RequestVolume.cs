using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Logging;

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

public sealed class RequestVolumeState
{
    public DateOnly? FirstDay { get; set; }
    public Dictionary<string, long> ByRegionMonth { get; set; } = [];

    /// <summary>The delivery ids counted last, oldest first (bounded).</summary>
    public List<string> RecentIds { get; set; } = [];
}

public sealed class RequestVolumeGrain(
    [PersistentState("requestvolume", GridStorage.Name)] IPersistentState<RequestVolumeState> state,
    ILogger<RequestVolumeGrain> logger) : Grain, IRequestVolumeGrain
{
    /// <summary>Enough for the outbox's re-deliveries (seconds to minutes apart) at any item's request rate.</summary>
    public const int RecentIdsKept = 256;

    public Task RecordAsync(string regionCode, DateOnly day, int count) => CountAsync(null, regionCode, day, count);

    public Task RecordOnceAsync(string deliveryId, string regionCode, DateOnly day) =>
        state.State.RecentIds.Contains(deliveryId) ? Task.CompletedTask : CountAsync(deliveryId, regionCode, day, 1);

    /// <summary>Decides on a copy, then commits: a failed save leaves the activation as stored, so the retry counts once.</summary>
    private async Task CountAsync(string? deliveryId, string regionCode, DateOnly day, int count)
    {
        if (!RegionCodes.IsValid(regionCode)) throw new ArgumentException("Record request volume under a 12-digit region code.", nameof(regionCode));
        var stored = state.State;
        var next = new RequestVolumeState { FirstDay = stored.FirstDay, ByRegionMonth = new(stored.ByRegionMonth), RecentIds = [.. stored.RecentIds] };
        var key = $"{regionCode}|{day:yyyy-MM}";
        next.ByRegionMonth[key] = next.ByRegionMonth.GetValueOrDefault(key) + count;
        if (next.FirstDay is null || day < next.FirstDay) next.FirstDay = day;
        if (deliveryId is not null)
        {
            next.RecentIds.Add(deliveryId);
            if (next.RecentIds.Count > RecentIdsKept) next.RecentIds.RemoveRange(0, next.RecentIds.Count - RecentIdsKept);
        }
        state.State = next;
        try
        {
            await state.CommitAsync(this, logger);
        }
        catch
        {
            if (ReferenceEquals(state.State, next)) state.State = stored;
            throw;
        }
    }

    public Task<RequestVolume?> CountAsync(string regionScope, DateOnly from, DateOnly to)
    {
        if (state.State.FirstDay is not { } first) return Task.FromResult<RequestVolume?>(null);
        var start = first > from ? first : from;
        var months = Math.Max(1, (to.Year - start.Year) * 12 + to.Month - start.Month + 1);
        string fromKey = $"{from:yyyy-MM}", toKey = $"{to:yyyy-MM}";
        long total = 0;
        foreach (var (key, n) in state.State.ByRegionMonth)
        {
            var region = key[..12];
            var month = key[13..];
            if (RegionCodes.Contains(regionScope, region) && string.CompareOrdinal(month, fromKey) >= 0 && string.CompareOrdinal(month, toKey) <= 0)
                total += n;
        }
        return Task.FromResult<RequestVolume?>(new RequestVolume(total, months));
    }
}
