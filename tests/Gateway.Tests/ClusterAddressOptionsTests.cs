using System.Net;
using Grid.Gateway.Hosting;
using Grid.Grains.Seeding;
using Grid.Storage;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Grid.Gateway.Tests;

/// <summary>Grid:Cluster addresses → the endpoints a silo binds and advertises, and who seeds the demo city.</summary>
public sealed class ClusterAddressOptionsTests
{
    private static IConfigurationSection Grid(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("Grid:" + s.Key, s.Value)))
        .Build().GetSection("Grid");

    private static SiloEndpoints Endpoints(params (string, string)[] settings) =>
        SiloEndpoints.From(Grid(settings).GetSection("Cluster").Get<ClusterAddressOptions>() ?? new(), 11111, 30000);

    [Fact]
    public void WithoutSettingsASiloBindsAndAdvertisesLoopback()
    {
        var e = Endpoints();
        Assert.Equal(IPAddress.Loopback, e.Advertised);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 11111), e.SiloListen);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 30000), e.GatewayListen);
    }

    [Fact]
    public void AnAdvertisedAddressIsAlsoBoundWhenNoListenAddressIsGiven()
    {
        var e = Endpoints(("Cluster:AdvertisedAddress", "10.0.0.12"));
        Assert.Equal(IPAddress.Parse("10.0.0.12"), e.Advertised);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.12"), 11111), e.SiloListen);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.12"), 30000), e.GatewayListen);
    }

    [Fact]
    public void ListenAnyBindsEveryInterfaceAndAdvertisesTheGivenAddress()
    {
        var e = Endpoints(("Cluster:AdvertisedAddress", "10.0.0.12"), ("Cluster:ListenAddress", "any"));
        Assert.Equal(IPAddress.Parse("10.0.0.12"), e.Advertised);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), e.SiloListen);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), e.GatewayListen);
    }

    [Fact]
    public void EndpointsReachOrleansEndpointOptions()
    {
        var options = new EndpointOptions();
        Endpoints(("Cluster:AdvertisedAddress", "192.168.1.5"), ("Cluster:ListenAddress", "0.0.0.0")).ApplyTo(options);
        Assert.Equal(IPAddress.Parse("192.168.1.5"), options.AdvertisedIPAddress);
        Assert.Equal(11111, options.SiloPort);
        Assert.Equal(30000, options.GatewayPort);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), options.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), options.GatewayListeningEndpoint);
    }

    [Fact]
    public void AWildcardOrUnparsableAdvertisedAddressIsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => Endpoints(("Cluster:AdvertisedAddress", "0.0.0.0")));
        Assert.ThrowsAny<Exception>(() => Endpoints(("Cluster:AdvertisedAddress", "no-such-host.invalid")));
    }

    [Fact]
    public void AClusterSiloDoesNotSeedUnlessAskedFor()
    {
        Assert.False(SeedSettings.ForCluster(Grid(("Postgres", "Host=db")), "/data", "/ref").Enabled);
        Assert.False(SeedSettings.ForCluster(Grid(("Seed:Enabled", "true")), "/data", "/ref").Enabled);
        Assert.True(SeedSettings.ForCluster(Grid(("Seed:Demo", "true")), "/data", "/ref").Enabled);
        Assert.False(SeedSettings.ForCluster(Grid(("Seed:Demo", "true"), ("Seed:Enabled", "false")), "/data", "/ref").Enabled);
    }

    [Fact]
    public void TheEmbeddedGatewayStillSeedsByDefault()
    {
        var options = Grid(("Mode", "Embedded")).Get<GridOptions>()!;
        Assert.Equal(GridMode.Embedded, options.Mode);
        Assert.True(options.Seed.Enabled);
        Assert.True(options.Seed.Bulk);
    }
}
