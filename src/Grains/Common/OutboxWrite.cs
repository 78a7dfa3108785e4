using Microsoft.Extensions.Logging;

namespace Grid.Grains.Common;

/// <summary>
/// The commit and tell beats shared by grains that decide on a copy of their state and keep an
/// <see cref="Outbox"/> in it (tasks, work orders).
/// </summary>
public static class OutboxWrite
{
    /// <summary>
    /// Puts the decided copy in place and saves it; when the save fails the activation is left on what
    /// storage holds (or on the state before, if even the re-read failed) and the failure is rethrown.
    /// After the save the outbox is delivered; its failures never change the answer.
    /// </summary>
    public static async Task CommitAndDeliverAsync<T>(this IPersistentState<T> state, T before, T decided, IGrainBase owner, OutboxDriver driver, ILogger logger)
        where T : class
    {
        state.State = decided;
        try
        {
            await state.CommitAsync(owner, logger);
        }
        catch
        {
            if (ReferenceEquals(state.State, decided)) state.State = before;
            throw;
        }
        driver.StoredCopyStale = false;
        await driver.DrainAsync();
    }

    /// <summary>On deactivation: delivered effects are still listed in the stored copy; clear them so a later activation does not re-send them.</summary>
    public static async Task ForgetDeliveredAsync<T>(this IPersistentState<T> state, OutboxDriver? driver, ILogger logger, CancellationToken cancellationToken)
    {
        if (driver is not { StoredCopyStale: true } || !state.RecordExists) return;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Could not clear the delivered outbox on deactivation; the next activation re-sends it (idempotently)");
        }
    }

    /// <summary>On activation: effects left over from a crash or a failed delivery are re-driven soon, after the call that woke the grain.</summary>
    public static void RedriveSoon(this Grain owner, Outbox outbox, OutboxDriver driver)
    {
        if (!outbox.IsEmpty)
            owner.RegisterGrainTimer(_ => driver.DrainAsync(), new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(50), Timeout.InfiniteTimeSpan) { Interleave = false });
    }
}
