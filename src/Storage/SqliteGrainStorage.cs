using System.Globalization;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Grid.Storage;

/// <summary>
/// Grain storage of the embedded mode: the <c>GridGrainState</c> table of <c>grid.db</c>, read on
/// pooled reader connections and written through the one <see cref="SqliteWriter"/> (group commit).
/// </summary>
/// <remarks>
/// It keeps the ADO.NET provider's contract to the letter, so rows, keys and versions are the same
/// as the cluster mode's and as <see cref="SqliteGrainStateBulkWriter"/>'s: the state name is the
/// grain type column, the key columns come from <see cref="GrainStateRow.KeyColumns(GrainId)"/>,
/// the ETag is the row's version, a write whose ETag is not the stored version throws
/// <see cref="InconsistentStateException"/> and a clear keeps the row with a NULL payload so the
/// version never goes back. Serialization runs on the caller's thread; the writer only binds bytes.
/// </remarks>
public sealed class SqliteGrainStorage(
    SqliteDatabase database, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    private const string Key = "ServiceId = $service AND GrainType = $type AND GrainIdN0 = $n0 AND GrainIdN1 = $n1 AND GrainIdExtension = $key";
    private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

    private const string Select = $"SELECT CAST(Payload AS BLOB), Version FROM GridGrainState WHERE {Key};";

    private const string Insert = $"""
        INSERT INTO GridGrainState (ServiceId, GrainType, GrainIdN0, GrainIdN1, GrainIdExtension, Payload, Version, ModifiedOn)
        VALUES ($service, $type, $n0, $n1, $key, CAST($payload AS TEXT), 1, {Now})
        ON CONFLICT DO NOTHING;
        """;

    private const string Update = $"UPDATE GridGrainState SET Payload = CAST($payload AS TEXT), Version = Version + 1, ModifiedOn = {Now} WHERE {Key} AND Version = $version;";

    private const string Clear = $"UPDATE GridGrainState SET Payload = NULL, Version = Version + 1, ModifiedOn = {Now} WHERE {Key} AND Version = $version;";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = new Row(serviceId, stateName, grainId);
        var (payload, version) = await database.Readers.ReadAsync(s =>
        {
            var command = row.Bind(s.Command(Select));
            using var reader = command.ExecuteReader();
            if (!reader.Read()) return ((byte[]?)null, (long?)null);
            return (reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0), reader.GetInt64(1));
        });
        grainState.State = payload is null ? activators.GetActivator<T>().Create() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = new Row(serviceId, stateName, grainId);
        var payload = serializer.Serialize(grainState.State).ToMemory().ToArray();
        var expected = VersionOf(grainState.ETag);
        var written = await database.Writer.WriteAsync(s =>
        {
            var command = row.Bind(s.Command(expected is null ? Insert : Update));
            command.Parameters.AddWithValue("$payload", payload);
            if (expected is { } v) command.Parameters.AddWithValue("$version", v);
            return command.ExecuteNonQuery() == 1;
        });
        if (!written) throw Conflict("write", stateName, grainId, grainState.ETag);
        GridStorage.BytesWritten.Add(payload.Length, new KeyValuePair<string, object?>("state", stateName));
        grainState.ETag = ((expected ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            // Nothing known about the row yet: a state never written has nothing to clear.
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists) return;
        }
        var row = new Row(serviceId, stateName, grainId);
        var expected = VersionOf(grainState.ETag);
        var cleared = expected is { } v && await database.Writer.WriteAsync(s =>
        {
            var command = row.Bind(s.Command(Clear));
            command.Parameters.AddWithValue("$version", v);
            return command.ExecuteNonQuery() == 1;
        });
        if (!cleared) throw Conflict("clear", stateName, grainId, grainState.ETag);
        grainState.ETag = (expected!.Value + 1).ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = activators.GetActivator<T>().Create();
    }

    private static long? VersionOf(string? etag) =>
        string.IsNullOrWhiteSpace(etag) ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict ({operation}): ServiceId={serviceId} GrainType={stateName} GrainId={grainId} ETag={etag ?? "none"}.");

    private readonly struct Row(string service, string stateName, GrainId grainId)
    {
        private readonly (long N0, long N1, string Extension) _key = GrainStateRow.KeyColumns(grainId);

        public Microsoft.Data.Sqlite.SqliteCommand Bind(Microsoft.Data.Sqlite.SqliteCommand command)
        {
            command.Parameters.AddWithValue("$service", service);
            command.Parameters.AddWithValue("$type", stateName);
            command.Parameters.AddWithValue("$n0", _key.N0);
            command.Parameters.AddWithValue("$n1", _key.N1);
            command.Parameters.AddWithValue("$key", _key.Extension);
            return command;
        }
    }
}
