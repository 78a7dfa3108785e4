using Orleans.Storage;

namespace Grid.Grains.Common;

/// <summary>
/// Rows a grain keeps beside its own state, each under a key of its own ("{grainType}/{key}") in
/// the same grain storage, so that a write touches one small row however many rows exist. Used for
/// per-record facts (statistics) and sealed chunks (audit). Works on every grain storage provider.
/// </summary>
public sealed class StateRows<T>(IGrainStorage storage, string stateName, string grainType)
{
    /// <summary>The row as stored; <c>State</c> is default and <see cref="Exists"/> false when there is none.</summary>
    public async Task<IGrainState<T>> ReadAsync(string key)
    {
        var row = new GrainState<T>();
        await storage.ReadStateAsync(stateName, IdOf(key), row);
        return row;
    }

    /// <summary>Writes a row read by <see cref="ReadAsync"/> (its ETag guards against a concurrent writer).</summary>
    public Task WriteAsync(string key, IGrainState<T> row) => storage.WriteStateAsync(stateName, IdOf(key), row);

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>, replacing whatever is there: read for the ETag, then write.</summary>
    public async Task PutAsync(string key, T value)
    {
        var row = await ReadAsync(key);
        row.State = value;
        await WriteAsync(key, row);
    }

    /// <summary>Whether storage holds the row: the ETag, not RecordExists, is what every provider sets for a stored row.</summary>
    public static bool Exists(IGrainState<T> row) => row.RecordExists && row.ETag is not null;

    private GrainId IdOf(string key) => GrainId.Create(grainType, key);
}
