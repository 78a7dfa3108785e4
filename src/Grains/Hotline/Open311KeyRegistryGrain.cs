using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Hotline;

public sealed class Open311KeyRegistryState
{
    public List<Open311Key> Keys { get; set; } = [];
}

/// <summary>Keys are issued and revoked by an administrator (the gateway audits both); the registry keeps hashes only.</summary>
public sealed class Open311KeyRegistryGrain(
    [PersistentState("open311keys", GridStorage.Name)] IPersistentState<Open311KeyRegistryState> state,
    TimeProvider clock) : Grain, IOpen311KeyRegistryGrain
{
    private const int MaxKeys = 500;

    public async Task<Open311Key> IssueAsync(Open311Key key)
    {
        if (state.State.Keys.Find(k => k.Id == key.Id) is { } held) return held;
        if (state.State.Keys.Count >= MaxKeys) throw new ConflictException($"The city holds {MaxKeys} Open311 keys; revoke unused ones first.");
        var issued = key with { RevokedAtUtc = null, RevokedBy = null };
        await SaveAsync([.. state.State.Keys, issued]);
        return issued;
    }

    public Task<IReadOnlyList<Open311Key>> ListAsync() => Task.FromResult<IReadOnlyList<Open311Key>>([.. state.State.Keys]);

    public async Task<Open311Key> RevokeAsync(string id, string by)
    {
        var key = state.State.Keys.Find(k => k.Id == id) ?? throw new NotFoundException($"No Open311 key has the id {id}.");
        if (key.RevokedAtUtc is not null) return key;
        var revoked = key with { RevokedAtUtc = clock.GetUtcNow().UtcDateTime, RevokedBy = by };
        await SaveAsync([.. state.State.Keys.Select(k => k.Id == id ? revoked : k)]);
        return revoked;
    }

    public Task<Open311Key?> FindAsync(string sha256) =>
        Task.FromResult(state.State.Keys.Find(k => k.Sha256 == sha256 && k.RevokedAtUtc is null));

    /// <summary>Saves a new list; a failed save puts the activation back on what is stored (see CommitAsync).</summary>
    private async Task SaveAsync(List<Open311Key> keys)
    {
        state.State.Keys = keys;
        await state.CommitAsync(this);
    }
}
