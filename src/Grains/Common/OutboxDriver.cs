using Microsoft.Extensions.Logging;

namespace Grid.Grains.Common;

/// <summary>
/// Re-drives a grain's <see cref="Outbox"/> until it is empty: a short grain timer while the
/// activation lives, and a reminder (the owner implements <see cref="IRemindable"/> and forwards
/// <see cref="ReminderName"/> to <see cref="DrainAsync"/>) so that a deactivation or a crash after
/// a failed delivery still brings the grain back to finish. Call <see cref="DrainAsync"/> after
/// each commit and from OnActivateAsync; the timer does not interleave with the grain's calls.
/// </summary>
public sealed class OutboxDriver(IGrainBase owner, Func<Outbox> outbox, Func<OutboxEffect, Task> deliver, ILogger logger)
{
    public const string ReminderName = "outbox";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);
    private IGrainTimer? _timer;
    private bool _reminder;

    /// <summary>True when effects were delivered since the state was last saved (the stored outbox still lists them).</summary>
    public bool StoredCopyStale { get; set; }

    public async Task DrainAsync()
    {
        var box = outbox();
        if (box.IsEmpty) { await SettleAsync(); return; }
        if (await box.DrainAsync(deliver, logger) > 0) StoredCopyStale = true;
        if (box.IsEmpty) { await SettleAsync(); return; }
        _timer ??= owner.RegisterGrainTimer(_ => DrainAsync(), new GrainTimerCreationOptions(RetryDelay, RetryDelay) { Interleave = false });
        if (!_reminder)
        {
            try
            {
                await owner.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
                _reminder = true;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not register the outbox reminder of {Grain}; the timer keeps retrying", owner.GrainContext.GrainId);
            }
        }
    }

    private async Task SettleAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (!_reminder) return;
        try
        {
            if (await owner.GetReminder(ReminderName) is { } r) await owner.UnregisterReminder(r);
            _reminder = false;
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not unregister the outbox reminder of {Grain}; its next tick will", owner.GrainContext.GrainId);
        }
    }

    /// <summary>A reminder tick with nothing pending: unregister it (the activation may not know it registered it).</summary>
    public async Task OnReminderAsync()
    {
        _reminder = true;
        await DrainAsync();
    }
}
