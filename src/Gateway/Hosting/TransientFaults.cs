using System.Data.Common;
using System.Net.Sockets;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using Orleans.Serialization;
using Orleans.Storage;

namespace Grid.Gateway.Hosting;

/// <summary>
/// Faults that pass by themselves: the database or a silo is briefly unreachable. The caller is
/// told to retry (503) — nothing was acknowledged, because grains save before they answer.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException { InnerExceptions.Count: > 0 } many && many.InnerExceptions.Any(IsTransient)) return true;
            if (e is DbException or SocketException or TimeoutException
                or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
                or GatewayTooBusyException or ClientNotAvailableException or InconsistentStateException)
                return true;
            // An exception type the client cannot rebuild arrives as a fallback that still names it.
            if (e is UnavailableExceptionFallbackException fallback && IsStorageTypeName(fallback.ExceptionType)) return true;
            // A silo cannot serialize the database driver's exception for the caller; the codec error names its type.
            if (e is CodecNotFoundException && IsStorageTypeName(e.Message)) return true;
            // Orleans wraps a storage provider's failure (reading state to activate, or writing it) in its own exception.
            if (e is OrleansException && e.Message.StartsWith("Error from storage provider", StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool IsStorageTypeName(string? typeName) =>
        typeName is not null && (typeName.Contains("Npgsql", StringComparison.Ordinal)
            || typeName.Contains("Sqlite", StringComparison.Ordinal)
            || typeName.Contains("Socket", StringComparison.Ordinal));
}
