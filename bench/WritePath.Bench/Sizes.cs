using System.Diagnostics;
using Grid.Storage;

namespace Grid.WritePath.Bench;

/// <summary>What a grain write costs in storage: the state serialized as the grid storage provider does it.</summary>
public static class Sizes
{
    private static readonly JsonGrainStorageSerializer Serializer = new();

    public static long Bytes<T>(T state) => Serializer.Serialize(state).ToMemory().Length;

    /// <summary>Bytes and microseconds of serializing the state once (the CPU part of one storage write).</summary>
    public static (long Bytes, double Micros) Timed<T>(T state)
    {
        var sw = Stopwatch.StartNew();
        var bytes = Bytes(state);
        return (bytes, sw.Elapsed.TotalMicroseconds);
    }

    public static string Ratio(double after, double before) => before == 0 ? "n/a" : $"{after / before:0.00}×";
}
