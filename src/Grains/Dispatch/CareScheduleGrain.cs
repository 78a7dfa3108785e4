using Grid.Grains.Common;
using Grid.Grains.Regions;
using Grid.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

public sealed class CareRun
{
    public DateOnly Day { get; set; }

    /// <summary>Null: every village of the township.</summary>
    public List<string>? Villages { get; set; }
}

public sealed class CareScheduleState
{
    /// <summary>The next morning run; the reminder only wakes the grain, this decides.</summary>
    public DateTime? NextRunUtc { get; set; }
    public DateOnly? LastScheduledDay { get; set; }
    /// <summary>"yyyyMMdd/village" for each village generated that day, so a day is never generated twice.</summary>
    public List<string> Done { get; set; } = [];
    /// <summary>Days saved before they are generated: a crash or failure leaves them here to be redone.</summary>
    public List<CareRun> Queue { get; set; } = [];
    public int Created { get; set; }
}

/// <summary>See <see cref="ICareScheduleGrain"/>. Queueing saves and answers; generation runs after, off the caller's clock.</summary>
public sealed class CareScheduleGrain(
    [PersistentState("careschedule", GridStorage.Name)] IPersistentState<CareScheduleState> state,
    IOptions<DispatchOptions> options, TimeProvider clock, ILogger<CareScheduleGrain> logger) : Grain, ICareScheduleGrain, IRemindable
{
    private const string ReminderName = "morning";
    // The reminder only has to wake the grain; the due time is in state. Hourly bounds the lateness.
    private static readonly TimeSpan TickEvery = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);
    // Generation interleaves with queue calls (so triggers answer at once); saves must not overlap.
    private readonly SemaphoreSlim _saving = new(1, 1);
    private IGrainTimer? _drainTimer;
    private bool _draining;

    private string Township => this.GetPrimaryKeyString();
    private DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Queue.Count > 0) ScheduleDrain(TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public async Task EnsureStartedAsync()
    {
        if (state.State.NextRunUtc is null)
        {
            state.State.NextRunUtc = CareScheduleRules.NextRunUtc(UtcNow);
            state.State.LastScheduledDay = CareScheduleRules.Today(UtcNow);
            await SaveAsync();
        }
        else if (await this.GetReminder(ReminderName) is not null) return;
        var wait = state.State.NextRunUtc.Value - UtcNow;
        await this.RegisterOrUpdateReminder(ReminderName, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, TickEvery);
    }

    public async Task<CareQueueResult> QueueAsync(DateOnly day, IReadOnlyList<string>? villages)
    {
        var all = await VillagesAsync();
        var targets = villages is null ? all : [.. villages.Where(all.Contains)];
        var queued = state.State.Queue.Where(r => r.Day == day).SelectMany(r => r.Villages ?? all).ToHashSet();
        var done = targets.Where(v => queued.Contains(v) || state.State.Done.Contains(CareScheduleRules.DoneKey(day, v))).ToList();
        var fresh = targets.Except(done).ToList();
        if (fresh.Count > 0)
        {
            state.State.Queue.Add(new CareRun { Day = day, Villages = fresh });
            await SaveAsync();
            ScheduleDrain(TimeSpan.Zero);
        }
        return new CareQueueResult(fresh, done);
    }

    public async Task<IReadOnlyList<CareVisitPreview>> PreviewAsync(DateOnly day, IReadOnlyList<string>? villages)
    {
        var all = await VillagesAsync();
        var targets = (villages is null ? all : villages.Where(all.Contains))
            .Where(v => !state.State.Done.Contains(CareScheduleRules.DoneKey(day, v)));
        var policy = options.Value.CarePolicy();
        var due = await Task.WhenAll(targets.Select(async v =>
            (await CareVisitDue.ResidentsAsync(GrainFactory, policy, v, day)).Select(r => new CareVisitPreview(v, r, CareVisitDue.TaskId(r, day)))));
        return [.. due.SelectMany(d => d)];
    }

    public Task<CareScheduleInfo> GetAsync() => Task.FromResult(new CareScheduleInfo(Township, state.State.NextRunUtc,
        state.State.LastScheduledDay, [.. state.State.Done], state.State.Queue.Count, state.State.Created));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.NextRunUtc is not { } next || UtcNow < next) return;
        var today = CareScheduleRules.Today(UtcNow);
        foreach (var day in CareScheduleRules.DaysToRun(state.State.LastScheduledDay, today))
            state.State.Queue.Add(new CareRun { Day = day });
        state.State.LastScheduledDay = today;
        state.State.NextRunUtc = CareScheduleRules.NextRunUtc(UtcNow);
        await SaveAsync();
        ScheduleDrain(TimeSpan.Zero);
    }

    private void ScheduleDrain(TimeSpan after)
    {
        _drainTimer?.Dispose();
        _drainTimer = this.RegisterGrainTimer(ct => DrainAsync(),
            new GrainTimerCreationOptions { DueTime = after, Period = Timeout.InfiniteTimeSpan, Interleave = true });
    }

    /// <summary>Generates the queued days village by village, marking each done as it goes; a failure is retried later.</summary>
    private async Task DrainAsync()
    {
        if (_draining) return;
        _draining = true;
        try
        {
            while (state.State.Queue.FirstOrDefault() is { } run)
            {
                foreach (var village in run.Villages ?? await VillagesAsync())
                {
                    var key = CareScheduleRules.DoneKey(run.Day, village);
                    if (state.State.Done.Contains(key)) continue;
                    var created = await GrainFactory.GetGrain<ICareVisitGrain>(village).GenerateAsync(run.Day);
                    state.State.Done.Add(key);
                    state.State.Created += created.Count;
                    await SaveAsync();
                }
                state.State.Queue.Remove(run);
                var today = CareScheduleRules.Today(UtcNow);
                state.State.Done.RemoveAll(k => !CareScheduleRules.StillKept(k, today));
                await SaveAsync();
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Care-visit schedule of {Township} failed; retrying in {Delay}", Township, RetryAfter);
            ScheduleDrain(RetryAfter);
        }
        finally
        {
            _draining = false;
        }
    }

    private async Task<List<string>> VillagesAsync() =>
        [.. (await GrainFactory.GetGrain<IRegionGrain>(Township).GetChildrenAsync()).Select(c => c.Code)];

    private async Task SaveAsync()
    {
        await _saving.WaitAsync();
        try { await state.CommitAsync(this, logger); }
        finally { _saving.Release(); }
    }
}
