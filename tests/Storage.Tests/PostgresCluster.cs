using Grid.Grains.People;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;

namespace Grid.Storage.Tests;

/// <summary>
/// Real cluster mode: silo hosts and a client host that find each other only through
/// PostgreSQL membership (the in-process test cluster would swap in its own membership).
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly string _clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly List<IHost> _silos = [];
    private IHost? _client;

    private PostgresCluster(string connectionString, string serviceId)
    {
        _connectionString = connectionString;
        _serviceId = serviceId;
    }

    public IReadOnlyList<IHost> Silos => _silos;

    public IClusterClient Client => _client!.Services.GetRequiredService<IClusterClient>();

    public static async Task<PostgresCluster> StartAsync(string connectionString, string serviceId, int silos)
    {
        var cluster = new PostgresCluster(connectionString, serviceId);
        for (var i = 0; i < silos; i++)
        {
            cluster._silos.Add(await cluster.StartSiloAsync());
        }
        cluster._client = await cluster.StartClientAsync();
        return cluster;
    }

    public static SiloAddress AddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Stops a silo without a graceful shutdown, as a crash would.</summary>
    public async Task KillSiloAsync(IHost silo)
    {
        await silo.StopAsync(new CancellationToken(canceled: true));
        silo.Dispose();
        _silos.Remove(silo);
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.StopAsync();
            _client.Dispose();
        }
        foreach (var silo in _silos)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }

    public static readonly string KeysPath = Path.Combine(Path.GetTempPath(), "grid-storage-tests-keys");

    /// <summary>The services of the first silo (its <see cref="PersonalDataProtector"/>, for one).</summary>
    public IServiceProvider SiloServices => _silos[0].Services;

    private async Task<IHost> StartSiloAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, _serviceId))
            .ConfigureEndpoints(IPAddress.Loopback, FreePort(), FreePort())
            .ConfigureServices(s => s.AddGridPersonalData(KeysPath)) // one key ring for all silos, as in a real cluster
            .UseGridPostgres(_connectionString)
            .Configure<ReminderOptions>(o => o.MinimumReminderPeriod = ReminderTiming.Period));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task<IHost> StartClientAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, _serviceId))
            .UseGridPostgresClustering(_connectionString));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
