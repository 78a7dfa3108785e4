using System.Text.Json;
using Grid.Storage;

namespace Grid.Grains.Common;

/// <summary>
/// The typed rows of one grain in <see cref="IGrainRowStore"/>, serialized like grain state
/// (<see cref="JsonGrainStorageSerializer.Options"/>). The owning grain reads them when it
/// activates, keeps them in memory, and changes its memory only after
/// <see cref="ApplyAsync"/> succeeded, so a failed write leaves the activation as stored.
/// </summary>
public sealed class GrainRows<T>(IGrainRowStore store, string kind, string owner)
{
    public async Task<List<(string Key, T Value)>> ReadAllAsync()
    {
        var rows = await store.ReadAllAsync(kind, owner);
        return [.. rows.Select(r => (r.Key, JsonSerializer.Deserialize<T>(r.Json, JsonGrainStorageSerializer.Options)!))];
    }

    public Task UpsertAsync(string key, T value) => ApplyAsync([(key, value)], []);

    public Task DeleteAsync(string key) => ApplyAsync([], [key]);

    /// <summary>Stores the upserts and deletes together (all or none).</summary>
    public Task ApplyAsync(IEnumerable<(string Key, T Value)> upserts, IEnumerable<string> deletes) =>
        store.ApplyAsync(kind, owner, [
            .. upserts.Select(u => RowChange.Upsert(u.Key, JsonSerializer.Serialize(u.Value, JsonGrainStorageSerializer.Options))),
            .. deletes.Select(RowChange.Delete)]);
}
