using System.Text;
using Grid.Grains.People;
using Grid.Grains.Seeding;

namespace Grid.Storage.Tests;

/// <summary>
/// Resident and worker rows hold personal data sealed with a random IV, so two writes of the same state
/// differ byte for byte; comparing rows compares them opened (and re-serialized the one way).
/// </summary>
internal static class SealedRows
{
    private static readonly JsonGrainStorageSerializer Serializer = new();

    public static string Open(string stateName, string payload, PersonalDataProtector protector) => stateName switch
    {
        BulkStates.Resident => Json(protector.Open(Read<ResidentState>(payload)).State),
        BulkStates.Worker => Json(protector.Open(Read<WorkerState>(payload)).State),
        _ => payload,
    };

    private static T Read<T>(string payload) => Serializer.Deserialize<T>(new BinaryData(Encoding.UTF8.GetBytes(payload)));

    private static string Json<T>(T state) => Encoding.UTF8.GetString(Serializer.Serialize(state));
}
