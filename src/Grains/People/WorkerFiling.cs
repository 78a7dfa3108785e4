using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.People;

/// <summary>The worker's side of <see cref="PersonFiling"/>, kept out of <see cref="WorkerGrain"/> (whose task list is another concern).</summary>
internal static class WorkerFiling
{
    private static readonly ConditionalWeakTable<WorkerGrain, IGrainTimer> Retries = new();

    public static DateOnly Today(IGrainBase grain) =>
        DateOnly.FromDateTime(Services(grain).GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddHours(8));

    public static ILogger Logger(IGrainBase grain) => Services(grain).GetRequiredService<ILogger<WorkerGrain>>();

    private static IServiceProvider Services(IGrainBase grain) => grain.GrainContext.ActivationServices;

    public static async Task<bool> PayAsync(WorkerGrain grain, IPersistentState<WorkerState> state)
    {
        if (!state.State.Filing.Owed || state.State.Profile is not { } p) return true;
        var today = Today(grain);
        var paid = await PersonFiling.PayAsync(state, state.State.Filing, grain, Logger(grain),
            () => PersonFiling.FileWorkerAsync(Services(grain).GetRequiredService<IGrainFactory>(), p, state.State.Filing, today));
        if (!paid) ScheduleRetry(grain, state);
        return paid;
    }

    public static void ScheduleRetry(WorkerGrain grain, IPersistentState<WorkerState> state)
    {
        if (Retries.TryGetValue(grain, out _)) return;
        Retries.Add(grain, grain.RegisterGrainTimer(async ct =>
        {
            if (await PayAsync(grain, state) && Retries.TryGetValue(grain, out var timer)) { timer.Dispose(); Retries.Remove(grain); }
        }, new GrainTimerCreationOptions { DueTime = PersonFiling.RetryEvery, Period = PersonFiling.RetryEvery }));
    }
}
