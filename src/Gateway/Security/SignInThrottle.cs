using System.Collections.Concurrent;

namespace Grid.Gateway.Security;

/// <summary>
/// Growing delays for failing sign-ins, kept per (account, address) and per address, never per account
/// alone: a stranger's failures slow only the stranger's address, and the owner still signs in from
/// anywhere else. After <see cref="FreePerAccount"/> failures of one account from one address (or
/// <see cref="FreePerAddress"/> from one address over all accounts) each further failure doubles the wait,
/// up to <see cref="MaxDelay"/>; a success clears that account's pair. Failures older than
/// <see cref="Forget"/> are forgotten. State is per gateway process (in memory): with N gateways an
/// attacker gets N times the tries, which the per-address rate limit (RateLimits) still bounds.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreePerAccount = 3;
    public const int FreePerAddress = 20;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Forget = TimeSpan.FromMinutes(30);
    private const int PruneAbove = 100_000;
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed record Entry(int Failures, DateTimeOffset Last, DateTimeOffset BlockedUntil);

    /// <summary>How long this address must wait before trying this account again; null when it may try now.</summary>
    public TimeSpan? WaitFor(string userName, string address)
    {
        var now = clock.GetUtcNow();
        var until = new[] { Pair(userName, address), address }
            .Select(k => _entries.TryGetValue(k, out var e) ? e.BlockedUntil : DateTimeOffset.MinValue).Max();
        return until > now ? until - now : null;
    }

    public void Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count > PruneAbove) Prune(now);
        Count(Pair(userName, address), FreePerAccount, now);
        Count(address, FreePerAddress, now);
    }

    public void Succeeded(string userName, string address) => _entries.TryRemove(Pair(userName, address), out _);

    private void Count(string key, int free, DateTimeOffset now) => _entries.AddOrUpdate(key,
        _ => Next(0, free, now),
        (_, e) => Next(now - e.Last > Forget ? 0 : e.Failures, free, now));

    private static Entry Next(int failures, int free, DateTimeOffset now)
    {
        var count = failures + 1;
        var over = count - free;
        var delay = over <= 0 ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(over - 1, 20))));
        return new Entry(count, now, now + delay);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, e) in _entries)
            if (now - e.Last > Forget && e.BlockedUntil <= now) _entries.TryRemove(key, out _);
    }

    private static string Pair(string userName, string address) => userName + "|" + address;
}
