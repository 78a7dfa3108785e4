using System.Collections.Concurrent;
using System.Security.Cryptography;
using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Accounts;

/// <summary>
/// An account, its password hash and its refresh-token families. There is no lock-out here: a lock
/// that anyone may trigger is a denial of service, so the gateway throttles failing addresses instead
/// (Gateway/Security/SignInThrottle). Every change of the account raises <see cref="AccountState.Stamp"/>
/// and ends its sessions, which is how disabling or a new password revokes tokens.
/// </summary>
public sealed class AccountGrain(
    [PersistentState("account", GridStorage.Name)] IPersistentState<AccountState> state,
    IOptions<PasswordHashingOptions> hashing,
    TimeProvider clock) : Grain, IAccountGrain
{
    public const int MaxSessions = 20;
    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();
    private int Iterations => hashing.Value.PasswordIterations;

    public Task<AccountInfo?> GetAsync() => Task.FromResult(state.State.Info);

    public async Task SetAsync(AccountInfo info, string password)
    {
        if (!string.Equals(info.UserName, this.GetPrimaryKeyString(), StringComparison.Ordinal))
            throw new ArgumentException("The user name must match the account key.");
        state.State.Info = info;
        state.State.PasswordHash = PasswordHasher.Hash(password, Iterations);
        EndAllSessions();
        await state.CommitAsync(this);
    }

    public async Task<AccountInfo?> SetActiveAsync(bool active)
    {
        if (state.State.Info is not { } info) return null;
        if (info.Active == active) return info;
        state.State.Info = info with { Active = active };
        EndAllSessions();
        await state.CommitAsync(this);
        return state.State.Info;
    }

    public async Task<SignedIn?> SignInAsync(string password, TimeSpan? refreshLifetime)
    {
        var s = state.State;
        // An unknown or hash-less account still pays one full hash, so its answer takes as long as a wrong password's.
        var stored = s.PasswordHash ?? DummyHashes.GetOrAdd(Iterations, i => PasswordHasher.Hash("dummy-" + Guid.NewGuid(), i));
        var matches = PasswordHasher.Verify(password, stored);
        if (!matches || s.PasswordHash is null || s.Info is not { Active: true } info) return null;

        var changed = false;
        if (PasswordHasher.NeedsUpgrade(s.PasswordHash, Iterations))
        {
            s.PasswordHash = PasswordHasher.Hash(password, Iterations);
            changed = true;
        }
        string? token = null;
        DateTime? expires = null;
        if (refreshLifetime is { } lifetime)
        {
            (token, expires) = StartSession(lifetime);
            changed = true;
        }
        if (changed) await state.CommitAsync(this);
        return new SignedIn(info, s.Stamp, token, expires);
    }

    public async Task<RefreshAnswer> RefreshAsync(string familyId, string secret, TimeSpan refreshLifetime)
    {
        var s = state.State;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = s.Sessions.Find(x => x.FamilyId == familyId);
        if (session is null || s.Info is not { Active: true } info) return new(RefreshOutcome.Unknown, null);
        var presented = HashOf(secret);
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(presented), Convert.FromBase64String(session.SecretHash)))
        {
            // A spent secret came back: someone holds a copy. End the whole family (OAuth 2.0 BCP, refresh-token rotation).
            s.Sessions.Remove(session);
            await state.CommitAsync(this);
            return new(RefreshOutcome.Reused, null);
        }
        if (session.ExpiresUtc <= now)
        {
            s.Sessions.Remove(session);
            await state.CommitAsync(this);
            return new(RefreshOutcome.Unknown, null);
        }
        var next = NewSecret();
        session.SecretHash = HashOf(next);
        session.ExpiresUtc = now + refreshLifetime;
        await state.CommitAsync(this);
        return new(RefreshOutcome.Rotated, new SignedIn(info, s.Stamp, TokenOf(familyId, next), session.ExpiresUtc));
    }

    public async Task EndSessionAsync(string familyId)
    {
        if (state.State.Sessions.RemoveAll(x => x.FamilyId == familyId) > 0) await state.CommitAsync(this);
    }

    public Task<int?> GetStampAsync() =>
        Task.FromResult(state.State.Info is { Active: true } ? state.State.Stamp : (int?)null);

    private (string Token, DateTime Expires) StartSession(TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = state.State.Sessions;
        sessions.RemoveAll(x => x.ExpiresUtc <= now);
        while (sessions.Count >= MaxSessions) sessions.RemoveAt(0); // the oldest sign-in gives way
        var familyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var secret = NewSecret();
        sessions.Add(new RefreshSession { FamilyId = familyId, SecretHash = HashOf(secret), ExpiresUtc = now + lifetime });
        return (TokenOf(familyId, secret), now + lifetime);
    }

    private void EndAllSessions()
    {
        state.State.Stamp++;
        state.State.Sessions.Clear();
    }

    private string TokenOf(string familyId, string secret) => $"{this.GetPrimaryKeyString()}.{familyId}.{secret}";

    private static string NewSecret() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();

    // Secrets are 256 random bits, so a plain SHA-256 suffices to keep stored state useless to a reader.
    private static string HashOf(string secret) => Convert.ToBase64String(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}
