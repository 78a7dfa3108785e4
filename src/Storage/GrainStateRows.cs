using System.Text;

namespace Grid.Storage;

/// <summary>
/// One grain's state as the ADO.NET provider would store it: the state name of its
/// <c>[PersistentState]</c> (the provider's grain type column), the grain's string key and the
/// JSON text <see cref="JsonGrainStorageSerializer"/> makes of the state.
/// </summary>
public sealed record GrainStateRow(string StateName, string Key, string Json)
{
    private static readonly JsonGrainStorageSerializer Serializer = new();

    /// <summary>Serializes with the declared state type, exactly as <c>IPersistentState&lt;T&gt;</c> does.</summary>
    public static GrainStateRow Of<T>(string stateName, string key, T state) =>
        new(stateName, key, Encoding.UTF8.GetString(Serializer.Serialize(state)));
}

/// <summary>
/// Writes many grain states in a few large transactions instead of one grain call and one
/// transaction each (the demo seed). Rows land exactly where the grain storage provider reads
/// them; a row that already exists is replaced and its version (ETag) moves on, as a grain's
/// own write would. Only for grains not active at the time: an active grain would hold a stale ETag.
/// </summary>
public interface IGrainStateBulkWriter
{
    Task WriteAsync(IReadOnlyList<GrainStateRow> rows, CancellationToken ct = default);
}
