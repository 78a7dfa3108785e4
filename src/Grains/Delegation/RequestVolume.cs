using Grid.Contracts;
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

    /// <summary>Requests in <paramref name="regionScope"/> (a region containing the recorded codes) from..to, inclusive.</summary>
    [Alias("count"), Orleans.Concurrency.ReadOnly] Task<RequestVolume?> CountAsync(string regionScope, DateOnly from, DateOnly to);
}

public sealed class RequestVolumeState
{
    public DateOnly? FirstDay { get; set; }
    public Dictionary<string, long> ByRegionMonth { get; set; } = [];
}

public sealed class RequestVolumeGrain(
    [PersistentState("requestvolume", GridStorage.Name)] IPersistentState<RequestVolumeState> state) : Grain, IRequestVolumeGrain
{
    public Task RecordAsync(string regionCode, DateOnly day, int count)
    {
        if (!RegionCodes.IsValid(regionCode)) throw new ArgumentException("Record request volume under a 12-digit region code.", nameof(regionCode));
        var key = $"{regionCode}|{day:yyyy-MM}";
        state.State.ByRegionMonth[key] = state.State.ByRegionMonth.GetValueOrDefault(key) + count;
        if (state.State.FirstDay is null || day < state.State.FirstDay) state.State.FirstDay = day;
        return state.WriteStateAsync();
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
