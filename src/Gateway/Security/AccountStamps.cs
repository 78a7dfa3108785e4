using System.Collections.Concurrent;
using Grid.Grains.Accounts;

namespace Grid.Gateway.Security;

/// <summary>
/// The current security stamp of each account, cached in this gateway for at most <see cref="MaxAge"/>.
/// Every access token carries the stamp it was issued under; JWT validation refuses a token whose stamp
/// is no longer the account's (disabled, password or role changed). A change made through this gateway
/// forgets the entry at once, so here it is refused on the next call; other gateways follow within MaxAge.
/// </summary>
public sealed class AccountStamps(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int PruneAbove = 50_000;
    private readonly ConcurrentDictionary<string, (int? Stamp, DateTimeOffset At)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<bool> IsCurrentAsync(string userName, int stamp)
    {
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(userName, out var entry) || now - entry.At > MaxAge)
        {
            if (_cache.Count > PruneAbove) _cache.Clear();
            entry = (await grains.GetGrain<IAccountGrain>(userName).GetStampAsync(), now);
            _cache[userName] = entry;
        }
        return entry.Stamp == stamp;
    }

    public void Forget(string userName) => _cache.TryRemove(userName, out _);
}
