using System.Net;

namespace Grid.Gateway.Security;

/// <summary>
/// The caller's address for throttling and rate limits: the connection's remote address. Headers such
/// as X-Forwarded-For are never read here; behind a proxy, the forwarded-headers middleware (configured
/// with the known proxies) rewrites the remote address first, so a client cannot choose its own.
/// </summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    public static string Of(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => Unknown,
        { IsIPv4MappedToIPv6: true } a => a.MapToIPv4().ToString(),
        IPAddress a => a.ToString(),
    };
}
