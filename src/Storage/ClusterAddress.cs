using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;

namespace Grid.Storage;

/// <summary>
/// The "Grid:Cluster" section of a silo: where it listens and what address it publishes in the
/// membership table. Both default to loopback, so one host works with no settings; a silo that
/// other hosts reach sets <see cref="AdvertisedAddress"/> (and usually <c>ListenAddress=any</c>).
/// </summary>
public sealed class ClusterAddressOptions
{
    /// <summary>The address other silos and clients dial: an IP address or a host name. Empty: loopback.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The address the silo and gateway sockets bind: an IP address, <c>any</c> (every interface) or empty (the advertised address).</summary>
    public string? ListenAddress { get; set; }
}

/// <summary>The endpoints one silo binds and advertises.</summary>
public sealed record SiloEndpoints(IPAddress Advertised, IPEndPoint SiloListen, IPEndPoint GatewayListen, int SiloPort, int GatewayPort)
{
    /// <summary>Maps <paramref name="options"/> and the ports to endpoints; a bad address is an error at start, not a silent loopback.</summary>
    public static SiloEndpoints From(ClusterAddressOptions options, int siloPort, int gatewayPort)
    {
        var advertised = string.IsNullOrWhiteSpace(options.AdvertisedAddress) ? IPAddress.Loopback : Resolve(options.AdvertisedAddress.Trim());
        if (advertised.Equals(IPAddress.Any) || advertised.Equals(IPAddress.IPv6Any))
            throw new InvalidOperationException("Grid:Cluster:AdvertisedAddress must be an address other hosts can dial, not a wildcard; set ListenAddress=any to bind every interface.");
        var listen = options.ListenAddress?.Trim() switch
        {
            null or "" => advertised,
            "any" or "*" => advertised.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any,
            var text => Resolve(text),
        };
        return new SiloEndpoints(advertised, new IPEndPoint(listen, siloPort), new IPEndPoint(listen, gatewayPort), siloPort, gatewayPort);
    }

    /// <summary>Applies these endpoints to Orleans' <see cref="EndpointOptions"/>.</summary>
    public void ApplyTo(EndpointOptions endpoints)
    {
        endpoints.AdvertisedIPAddress = Advertised;
        endpoints.SiloPort = SiloPort;
        endpoints.GatewayPort = GatewayPort;
        endpoints.SiloListeningEndpoint = SiloListen;
        endpoints.GatewayListeningEndpoint = GatewayListen;
    }

    private static IPAddress Resolve(string text)
    {
        if (IPAddress.TryParse(text, out var address)) return address;
        // A host name: its first IPv4 address (Orleans advertises one address per silo).
        var addresses = Dns.GetHostAddresses(text);
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException($"The cluster address '{text}' does not resolve to an IP address.");
    }
}
