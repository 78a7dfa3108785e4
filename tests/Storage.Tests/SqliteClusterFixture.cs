using Grid.Grains.People;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Grid.Storage.Tests;

/// <summary>One in-process silo whose grain state lives in a real SQLite file in a temp directory.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ConnectionString => _directory.ConnectionString;

    public async Task InitializeAsync()
    {
        Cluster = StartSqliteCluster(_directory.Path, $"grid-{Guid.NewGuid():N}");
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        _directory.Dispose();
    }

    public static InProcessTestCluster StartSqliteCluster(string dataDirectory, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        // Resident and worker grains seal personal data with a key ring in the data directory, as the gateway's silo does.
        builder.ConfigureSilo((_, silo) => silo
            .ConfigureServices(s => s.AddGridPersonalData(Path.Combine(dataDirectory, "keys")))
            .UseGridSqliteStorage(dataDirectory)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ReminderTiming.Period));
        return builder.Build();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteClusterCollection : ICollectionFixture<SqliteClusterFixture>
{
    public const string Name = "sqlite cluster";
}
