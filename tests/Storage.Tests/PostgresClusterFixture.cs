namespace Grid.Storage.Tests;

/// <summary>Two silos that find each other and keep state and reminders in a fresh PostgreSQL database.</summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.CreateDatabaseAsync();
        Cluster = await PostgresCluster.StartAsync(ConnectionString, $"grid-{Guid.NewGuid():N}", silos: 2);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await PostgresServer.DropDatabaseAsync(ConnectionString);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres cluster";
}
