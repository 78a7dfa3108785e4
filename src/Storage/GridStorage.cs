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
}
