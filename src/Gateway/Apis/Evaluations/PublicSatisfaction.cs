using System.Globalization;
using Grid.Contracts;
using Grid.Grains.Common;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Grid.Gateway.Apis.Evaluations;

/// <summary>Grid:PublicStatistics: the window the anonymous satisfaction summary may ask for, and how long an answer is kept.</summary>
public sealed class PublicStatisticsOptions
{
    /// <summary>The first month with statistics (yyyy-MM): the service's start in the city; earlier months are refused.</summary>
    public string FirstMonth { get; set; } = "2024-01";
    public int MaxMonths { get; set; } = 12;
    public int CacheSeconds { get; set; } = 300;
}

/// <summary>
/// The public monthly satisfaction summary's bounds and cache. Each answer wakes a statistics grain per
/// month (a county's or the city's sums several), so an anonymous caller may ask only a bounded window and
/// the same (region, window) is answered from memory for <see cref="PublicStatisticsOptions.CacheSeconds"/>.
/// The cache holds at most <see cref="MaxEntries"/> answers (regions × windows is bounded anyway).
/// </summary>
public sealed class PublicSatisfaction(IOptions<PublicStatisticsOptions> options) : IDisposable
{
    public const int MaxEntries = 20_000;
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly PublicStatisticsOptions _options = options.Value;

    /// <summary>The months asked for, defaulting to the last <see cref="PublicStatisticsOptions.MaxMonths"/> up to this one; 400 outside the bounds.</summary>
    public (DateOnly First, DateOnly Last) Window(DateOnly? from, DateOnly? to, DateOnly thisMonth)
    {
        var start = DateOnly.ParseExact(_options.FirstMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var max = Math.Max(1, _options.MaxMonths);
        var last = to ?? thisMonth;
        if (last > thisMonth) throw ValidationException.For("to", $"{last:yyyy-MM} is in the future; ask up to {thisMonth:yyyy-MM}.");
        if (last < start) throw ValidationException.For("to", $"Statistics start in {start:yyyy-MM}.");
        var first = from ?? (last.AddMonths(1 - max) < start ? start : last.AddMonths(1 - max));
        if (first < start) throw ValidationException.For("from", $"Statistics start in {start:yyyy-MM}.");
        if (first > last || first < last.AddMonths(1 - max)) throw ValidationException.For("from", $"Ask for 1 to {max} months, from ≤ to (yyyy-MM).");
        return (first, last);
    }

    public async Task<RegionSatisfactionDto> GetOrComputeAsync(string code, DateOnly first, DateOnly last, Func<Task<RegionSatisfactionDto>> compute)
    {
        var key = $"{code}|{first:yyyy-MM}|{last:yyyy-MM}";
        if (_answers.TryGetValue(key, out RegionSatisfactionDto? kept) && kept is not null) return kept;
        var answer = await compute();
        GridMetrics.PublicStatisticsComputed.Add(1, new KeyValuePair<string, object?>("region", code));
        _answers.Set(key, answer, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(_options.CacheSeconds) });
        return answer;
    }

    public void Dispose() => _answers.Dispose();
}
