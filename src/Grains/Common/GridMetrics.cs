using System.Diagnostics.Metrics;
using Grid.Storage;

namespace Grid.Grains.Common;

/// <summary>
/// Grid's own instruments, on the meter <see cref="MeterName"/> (exported by the gateway's /metrics and
/// by OTLP where configured). Static so a grain can record with one line; every host in a process shares them.
/// docs/operations.md says what each means and what to alert on.
/// </summary>
public static class GridMetrics
{
    public const string MeterName = GridStorage.MeterName;

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>From a request's arrival to its answer, which already names the offered worker (or says queued); tag <c>stage</c>.</summary>
    public static readonly Histogram<double> AssignmentDuration = Meter.CreateHistogram<double>(
        "grid.assignment.duration", "s", "Time from a request's arrival to its first offer (or to the queue)");

    /// <summary>Offers made to a worker: first offers, re-offers after a timeout, and reassignments.</summary>
    public static readonly Counter<long> Offers = Meter.CreateCounter<long>("grid.offers", "{offer}", "Tasks offered to a worker");

    /// <summary>Overdue tasks escalated; tag <c>level</c>: 1 the center, 2 the township.</summary>
    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("grid.escalations", "{escalation}", "Overdue tasks escalated");

    /// <summary>Public satisfaction summaries computed from the statistics grains (a cache miss); tag <c>region</c>.</summary>
    public static readonly Counter<long> PublicStatisticsComputed = Meter.CreateCounter<long>(
        "grid.public_statistics.computed", "{answer}", "Public satisfaction summaries computed (not answered from the cache)");

    /// <summary>Grain state reads and writes; recorded by <see cref="MeasuredGrainStorage"/>.</summary>
    public static Histogram<double> StorageDuration => GridStorage.Duration;

    /// <summary>Grain state reads and writes that threw (an ETag conflict included).</summary>
    public static Counter<long> StorageErrors => GridStorage.Errors;

    /// <summary>Embedded mode: writes per SQLite transaction of the one writer (group commit), and each batch's time.</summary>
    public static Histogram<int> StorageBatchSize => GridStorage.BatchSize;

    public static Histogram<double> StorageBatchDuration => GridStorage.BatchDuration;

    /// <summary>Embedded mode: payload bytes written per state or row kind (write amplification).</summary>
    public static Counter<long> StorageBytesWritten => GridStorage.BytesWritten;
}
