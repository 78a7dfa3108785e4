using Microsoft.Extensions.Logging;

namespace Grid.Grains.Common;

/// <summary>
/// The seam for a real SMS gateway: register an implementation before AddGridNotifications and the
/// outgoing-SMS queues (<see cref="Evaluations.IOutgoingSmsGrain"/>) send through it.
/// </summary>
public interface ISmsSender
{
    /// <summary>True when the gateway accepted the message; false leaves it queued for the next try.</summary>
    Task<bool> SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>The embedded run's sender: writes that a message would go out, with the phone masked and no text (it may hold a rating link).</summary>
public sealed class LogOnlySmsSender(ILogger<LogOnlySmsSender> logger) : ISmsSender
{
    public Task<bool> SendAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        logger.LogInformation("SMS (log only) to {Phone}, {Length} characters", Masking.Phone(phone), text.Length);
        return Task.FromResult(true);
    }
}
