namespace Grid.Storage.Tests;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("grid-storage-").FullName;

    public string DatabaseFile => System.IO.Path.Combine(Path, GridStorage.SqliteFileName);

    public string ConnectionString => SqliteConnections.ForFile(DatabaseFile);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
