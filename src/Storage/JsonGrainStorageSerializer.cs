using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace Grid.Storage;

/// <summary>
/// Stores grain state as System.Text.Json text (web defaults, enums as strings) so that a row
/// can be read by a person and a state type can evolve: unknown fields are ignored and
/// missing fields keep their defaults.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T Deserialize<T>(BinaryData input) => JsonSerializer.Deserialize<T>(input.ToMemory().Span, Options)!;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
