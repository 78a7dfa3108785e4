using System.Text;
using Orleans.Runtime;

namespace Grid.Storage;

/// <summary>
/// One grain's state as the ADO.NET provider would store it: the state name of its
/// <c>[PersistentState]</c> (the provider's grain type column), the key columns the provider
/// derives from the grain id and the JSON text <see cref="JsonGrainStorageSerializer"/> makes of the state.
/// </summary>
public sealed record GrainStateRow(string StateName, long N0, long N1, string Extension, string Json)
{
    private static readonly JsonGrainStorageSerializer Serializer = new();

    /// <summary>Serializes with the declared state type, exactly as <c>IPersistentState&lt;T&gt;</c> does.</summary>
    public static GrainStateRow Of<T>(string stateName, string key, T state)
    {
        var (n0, n1, extension) = KeyColumns(key);
        return new(stateName, n0, n1, extension, Encoding.UTF8.GetString(Serializer.Serialize(state)));
    }

    /// <summary>
    /// The provider's key columns for a grain keyed by <paramref name="key"/>. A string key that
    /// Orleans reads as a GUID or an integer (a 12-digit region code is valid hex) is stored as
    /// one, so this asks Orleans' own grain id the same questions the provider asks.
    /// </summary>
    public static (long N0, long N1, string Extension) KeyColumns(string key) => KeyColumns(GrainId.Create("bulk", key));

    /// <summary>The key columns of a grain id (only its key part counts, as in the provider).</summary>
    public static (long N0, long N1, string Extension) KeyColumns(GrainId id)
    {
        if (id.TryGetGuidKey(out var guid, out var guidExtension))
        {
            var bytes = guid.ToByteArray();
            return (BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), guidExtension ?? "");
        }
        if (id.TryGetIntegerKey(out var integer, out var integerExtension)) return (0, integer, integerExtension ?? "");
        return (0, 0, id.Key.ToString()!);
    }
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
