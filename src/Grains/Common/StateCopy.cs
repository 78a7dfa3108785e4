using System.Text.Json;
using Grid.Storage;

namespace Grid.Grains.Common;

/// <summary>
/// A deep copy of a grain state through the storage's own JSON form, so a write can be decided on
/// the copy and the live state is only replaced once the decision is complete (a failure halfway
/// leaves nothing half-changed in memory).
/// </summary>
public static class StateCopy
{
    public static T Of<T>(T state) where T : class =>
        JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(state, JsonGrainStorageSerializer.Options), JsonGrainStorageSerializer.Options)!;
}
