using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Deadlines;

public sealed class DeadlineGrain(
    [PersistentState("deadline", GridStorage.Name)] IPersistentState<DeadlineState> state,
    TimeProvider clock,
    ILogger<DeadlineGrain> logger) : Grain, IDeadlineGrain, IRemindable
{
    private const string ReminderName = "due";
    // Orleans reminders are periodic; the period only matters when a tick is missed (the process
    // was down), so it bounds how late a deadline can fire after a restart.
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMinutes(1);

    public async Task<DeadlineInfo> ScheduleAsync(string kind, DateTime dueUtc, GrainId? target)
    {
        state.State.Kind = kind;
        state.State.DueUtc = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
        state.State.Status = DeadlineStatus.Pending;
        state.State.FiredAtUtc = null;
        state.State.Target = target?.ToString();
        await state.WriteStateAsync();
        var wait = state.State.DueUtc - clock.GetUtcNow().UtcDateTime;
        await this.RegisterOrUpdateReminder(ReminderName, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, RetryPeriod);
        return Info();
    }

    public async Task CancelAsync()
    {
        if (state.State.Status != DeadlineStatus.Pending) return;
        state.State.Status = DeadlineStatus.Cancelled;
        await state.WriteStateAsync();
        await UnregisterAsync();
    }

    public Task<DeadlineInfo?> GetAsync() =>
        Task.FromResult(state.RecordExists ? Info() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.Status != DeadlineStatus.Pending)
        {
            await UnregisterAsync();
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < state.State.DueUtc) return;
        if (state.State.Target is { } target)
        {
            // Tell the target first: if that fails the reminder ticks again and retries.
            var grain = GrainFactory.GetGrain<IDeadlineTarget>(GrainId.Parse(target));
            await grain.OnDeadlineAsync(this.GetPrimaryKeyString(), state.State.Kind);
        }
        state.State.Status = DeadlineStatus.Fired;
        state.State.FiredAtUtc = now;
        await state.WriteStateAsync();
        logger.LogInformation("Deadline {DeadlineId} ({Kind}) fired {Late} after its due time",
            this.GetPrimaryKeyString(), state.State.Kind, now - state.State.DueUtc);
        await UnregisterAsync();
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
