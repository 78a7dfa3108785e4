using System.Net;
using System.Net.Sockets;

namespace Grid.Testing;

public static class FreePorts
{
    /// <summary>A TCP port nobody listens on right now, so parallel test hosts do not collide.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
