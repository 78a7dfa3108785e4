using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Deadlines;

/// <summary>
/// Firing is save → tell: the deadline first records itself fired, ends its turn, and only then tells
/// its target, without holding this grain while the target works. So a target may cancel or reschedule
/// its own deadline from <c>OnDeadlineAsync</c> (cancel of a fired deadline is a no-op) without a call
/// cycle. Delivery is re-driven by the reminder until the target acknowledges by returning; targets
/// must therefore accept the same deadline id twice.
/// </summary>
public sealed class DeadlineGrain(
    [PersistentState("deadline", GridStorage.Name)] IPersistentState<DeadlineState> state,
    TimeProvider clock,
    ILogger<DeadlineGrain> logger) : Grain, IDeadlineGrain, IRemindable
{
    private const string ReminderName = "due";
    // Orleans reminders are periodic; the period only matters when a tick is missed (the process
    // was down) or a delivery failed, so it bounds how late a deadline reaches its target.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);
    private bool _delivering;

    public async Task<DeadlineInfo> ScheduleAsync(string kind, DateTime dueUtc, GrainId? target)
    {
        state.State.Kind = kind;
        state.State.DueUtc = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
        state.State.Status = DeadlineStatus.Pending;
        state.State.FiredAtUtc = null;
        state.State.Delivered = false;
        state.State.Target = target?.ToString();
        await state.CommitAsync(this, logger);
        var wait = state.State.DueUtc - clock.GetUtcNow().UtcDateTime;
        await this.RegisterOrUpdateReminder(ReminderName, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, RetryPeriod);
        // Already due (scheduled late, or re-driven from an outbox after downtime): fire now rather than
        // wait for the reminder's first tick, which Orleans may deliver only a period later. The target
        // is told outside this turn, so a target that scheduled this deadline is not called back inside it.
        if (wait <= TimeSpan.Zero) await FireAsync();
        // Until it is due the reminder, not this activation, holds the deadline: let it go rather than
        // keep one idle activation per scheduled deadline (one or two per request) for the collection age.
        else this.DeactivateOnIdle();
        return Info();
    }

    public async Task CancelAsync()
    {
        // Fired (even while its target is still being told) or cancelled: nothing to stop.
        if (state.State.Status != DeadlineStatus.Pending) return;
        state.State.Status = DeadlineStatus.Cancelled;
        await state.CommitAsync(this, logger);
        await UnregisterAsync();
    }

    public Task<DeadlineInfo?> GetAsync() =>
        Task.FromResult(state.RecordExists ? Info() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status == DeadlineStatus.Fired && !state.State.Delivered && state.State.Target is not null)
        {
            StartDelivery();
            return;
        }
        if (state.State.Status != DeadlineStatus.Pending)
        {
            await UnregisterAsync();
            return;
        }
        await FireAsync();
    }

    /// <summary>Pending and due: save the deadline fired, then tell its target outside this turn.</summary>
    private async Task FireAsync()
    {
        if (state.State.Status != DeadlineStatus.Pending) return;
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < state.State.DueUtc) return;
        state.State.Status = DeadlineStatus.Fired;
        state.State.FiredAtUtc = now;
        state.State.Delivered = state.State.Target is null;
        await state.CommitAsync(this, logger);
        logger.LogInformation("Deadline {DeadlineId} ({Kind}) fired {Late} after its due time",
            this.GetPrimaryKeyString(), state.State.Kind, now - state.State.DueUtc);
        if (state.State.Delivered) await UnregisterAsync();
        else StartDelivery();
    }

    /// <summary>Tells the target outside this turn; the reminder stays registered until the target has answered.</summary>
    private void StartDelivery()
    {
        if (_delivering) return;
        _delivering = true;
        _ = DeliverAsync(state.State.Target!, this.GetPrimaryKeyString(), state.State.Kind, state.State.FiredAtUtc);
    }

    private async Task DeliverAsync(string target, string id, string kind, DateTime? firedAt)
    {
        try
        {
            await GrainFactory.GetGrain<IDeadlineTarget>(GrainId.Parse(target)).OnDeadlineAsync(id, kind);
            // Rescheduled meanwhile: the new round has its own delivery.
            if (state.State.Status != DeadlineStatus.Fired || state.State.FiredAtUtc != firedAt || state.State.Delivered) return;
            state.State.Delivered = true;
            await state.CommitAsync(this, logger);
            await UnregisterAsync();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Telling {Target} that deadline {DeadlineId} fired failed; the reminder retries", target, id);
        }
        finally
        {
            _delivering = false;
        }
    }

    private async Task UnregisterAsync()
    {
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null) await this.UnregisterReminder(reminder);
    }

    private DeadlineInfo Info() => new(
        this.GetPrimaryKeyString(), state.State.Kind, state.State.DueUtc, state.State.Status,
        state.State.FiredAtUtc, state.State.Target);
}
