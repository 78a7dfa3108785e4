namespace Grid.Grains.Deadlines;

/// <summary>
/// A durable deadline: a reminder-backed clock that survives restarts and, when due, tells its target grain.
/// Rectification clocks and task escalations are deadlines.
/// </summary>
[Alias("grid.IDeadlineGrain")]
public interface IDeadlineGrain : IGrainWithStringKey
{
    /// <summary>Sets (or moves) the deadline; <paramref name="target"/> implements <see cref="IDeadlineTarget"/>.</summary>
    [Alias("schedule")]
    Task<DeadlineInfo> ScheduleAsync(string kind, DateTime dueUtc, GrainId? target);

    [Alias("cancel")]
    Task CancelAsync();

    [Alias("get")]
    Task<DeadlineInfo?> GetAsync();
}

/// <summary>A grain that wants to hear when one of its deadlines is due.</summary>
[Alias("grid.IDeadlineTarget")]
public interface IDeadlineTarget : IGrainWithStringKey
{
    [Alias("on-deadline")]
    Task OnDeadlineAsync(string deadlineId, string kind);
}
