using System.Net.Http.Json;
using Grid.LoadTest;
using Grid.Testing;
using Npgsql;

namespace Grid.Cluster.Tests;

/// <summary>
/// Cluster mode as it is deployed: a PostgreSQL server and database of this run alone, two silo
/// processes (only the first seeds; 嘉鱼县's people keep the seed short) and a gateway process as
/// an Orleans client. Tests may kill a silo; <see cref="EnsureTwoSilosAsync"/> brings it back.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string County = "421221000000"; // 嘉鱼县, the smallest county
    private readonly TempDirectory _data = new();
    private readonly string _clusterId = $"grid-{Guid.NewGuid():N}";

    public OwnPostgres Postgres { get; private set; } = null!;
    public SiloProcess[] Silos { get; private set; } = [];
    public GatewayProcess Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The server runs as user postgres, which must reach its data directory inside ours.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(_data.Path, (UnixFileMode)0b111_101_101);
        Postgres = new OwnPostgres(Path.Combine(_data.Path, "pg"), $"grid_test_{Guid.NewGuid():N}");
        await Postgres.StartAsync();
        var common = new Dictionary<string, string>
        {
            ["Grid__Postgres"] = Postgres.ConnectionString + ";Maximum Pool Size=20;Timeout=5",
            ["Grid__Orleans__ClusterId"] = _clusterId,
            ["Grid__Orleans__ServiceId"] = _clusterId,
            ["Grid__Demo__Password"] = GatewayFactory.DemoPassword,
            ["Grid__Seed__PeopleCounties__0"] = County,
            ["Grid__Dispatch__AcceptTimeout"] = "00:00:20", // offers expire (a durable deadline) within the test
            ["Grid__DataProtection__KeysPath"] = Path.Combine(_data.Path, "keys"), // one key ring for all silos, as a cluster must
        };
        Silos = [Silo(common, 1, seed: true), Silo(common, 2, seed: false)];
        Silos[0].Start();
        Silos[1].Start();
        await ActiveSilosAsync(2, TimeSpan.FromMinutes(2));
        Gateway = new GatewayProcess(Directory.CreateDirectory(Path.Combine(_data.Path, "gateway")).FullName,
            new Dictionary<string, string>(common) { ["Grid__Mode"] = "Cluster" });
        await Gateway.StartAsync(TimeSpan.FromMinutes(6));
    }

    private SiloProcess Silo(Dictionary<string, string> common, int number, bool seed) => new(new Dictionary<string, string>(common)
    {
        ["Grid__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data.Path, $"silo-{number}")).FullName,
        ["Grid__Seed__Demo"] = seed ? "true" : "false",
    });

    /// <summary>Restarts a silo an earlier test killed, and waits until the cluster sees two.</summary>
    public async Task EnsureTwoSilosAsync()
    {
        foreach (var silo in Silos.Where(s => !s.Running)) silo.Start();
        await ActiveSilosAsync(2, TimeSpan.FromMinutes(2));
        var admin = await Gateway.SignedInClientAsync(DemoAccounts.Admin);
        await Eventually.Async(async () =>
            (await admin.GetFromJsonAsync<ClusterView>("/api/admin/cluster"))?.ActiveSilos == 2, TimeSpan.FromMinutes(1));
    }

    /// <summary>The load the tests run under: every kind of work, plus administrator writes as probes.</summary>
    public LoadRun Load(double seconds) => new(new LoadOptions
    {
        Url = Gateway.BaseAddress, Rate = 25, Seconds = seconds, Password = GatewayFactory.DemoPassword, County = County, Villages = 3,
        Mix = Mix.Parse("accounts=4,deadlines=3,sign-in=1"),
    }.Validate());

    private async Task ActiveSilosAsync(int count, TimeSpan within)
    {
        await using var connection = new NpgsqlDataSourceBuilder(Postgres.ConnectionString).Build();
        await Eventually.Async(async () =>
        {
            try
            {
                await using var command = connection.CreateCommand("SELECT count(*) FROM GridMembership WHERE Status = 3 AND DeploymentId = @id");
                command.Parameters.AddWithValue("id", _clusterId);
                return (long)(await command.ExecuteScalarAsync())! >= count;
            }
            catch (PostgresException) { return false; } // the first silo has not created the table yet
        }, within);
    }

    /// <summary>The gateway's logged 500s (type and first line), to explain a failed assertion.</summary>
    public string UnhandledErrors()
    {
        var logs = Path.Combine(_data.Path, "gateway", "logs");
        if (!Directory.Exists(logs)) return "";
        var lines = Directory.GetFiles(logs, "*.clef").SelectMany(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n').Where(l => l.Contains("Unhandled error", StringComparison.Ordinal)).ToList();
        });
        return string.Join("\n", lines.Select(l => l.Length > 600 ? l[..600] : l).Take(5));
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var silo in Silos) silo.Dispose();
        await Postgres.StopAsync();
        _data.Dispose();
    }

    private sealed record ClusterView(int ActiveSilos);
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"The condition did not hold within {within}.");
            await Task.Delay(500);
        }
    }
}
