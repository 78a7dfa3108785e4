using System.Diagnostics.Metrics;

namespace Grid.Storage;

/// <summary>Names shared by every host that stores Grid's grain state.</summary>
public static class GridStorage
{
    /// <summary>Grain storage provider name: <c>[PersistentState("worker", GridStorage.Name)]</c>.</summary>
    public const string Name = "grid";

    /// <summary>File name of the embedded database inside the data directory.</summary>
    public const string SqliteFileName = "grid.db";

    // Orleans' ADO.NET invariant for SQLite; Orleans maps it to Microsoft.Data.Sqlite.
    internal const string SqliteInvariant = "System.Data.SQLite";
    internal const string PostgresInvariant = "Npgsql";

    /// <summary>The meter of Grid's own instruments (Grid.Grains.Common.GridMetrics lists them all).</summary>
    public const string MeterName = "Grid";

    private static readonly Meter Meter = new(MeterName, "1.0");

    /// <summary>One grain state read or write; tags <c>operation</c> (read, write, clear) and <c>state</c>.</summary>
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "grid.storage.duration", "s", "Grain state reads and writes");

    /// <summary>Reads and writes that threw; tags <c>operation</c> and <c>error.type</c>.</summary>
    public static readonly Counter<long> Errors = Meter.CreateCounter<long>("grid.storage.errors", "{error}", "Grain state reads and writes that failed");
}
