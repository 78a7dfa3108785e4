using System.Diagnostics.Metrics;

namespace Grid.Storage;

/// <summary>Names shared by every host that stores Grid's grain state.</summary>
public static class GridStorage
{
    /// <summary>Grain storage provider name: <c>[PersistentState("worker", GridStorage.Name)]</c>.</summary>
    public const string Name = "grid";

    /// <summary>File name of the embedded database inside the data directory.</summary>
    public const string SqliteFileName = "grid.db";

    internal const string PostgresInvariant = "Npgsql";

    /// <summary>The meter of Grid's own instruments (Grid.Grains.Common.GridMetrics lists them all).</summary>
    public const string MeterName = "Grid";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>One grain state read or write; tags <c>operation</c> (read, write, clear) and <c>state</c>.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "grid.storage.duration", "s", "Grain state reads and writes");

    /// <summary>Reads and writes that threw; tags <c>operation</c> and <c>error.type</c>.</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("grid.storage.errors", "{error}", "Grain state reads and writes that failed");

    /// <summary>Writes per committed transaction of the embedded writer (group commit).</summary>
    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "grid.storage.batch.size", "{write}", "Grain state and reminder writes committed in one SQLite transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    /// <summary>Time the embedded writer spends on one batch, from BEGIN to COMMIT.</summary>
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>(
        "grid.storage.batch.duration", "s", "Time from BEGIN to COMMIT of one batch of the embedded writer");

    /// <summary>Payload bytes of grain state writes, tag <c>state</c>: divided by requests served, the write amplification.</summary>
    public static readonly Counter<long> BytesWritten = Meter.CreateCounter<long>(
        "grid.storage.written", "By", "Payload bytes of grain state writes");
}
