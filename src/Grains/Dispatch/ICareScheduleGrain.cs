namespace Grid.Grains.Dispatch;

/// <summary>
/// The durable care-visit schedule of one township (key: its 12-digit code): a reminder runs it every
/// morning, catching up missed days (at most <see cref="CareScheduleRules.CatchUpDays"/>), and a
/// person may queue a day for some of its villages. Each village is generated at most once per day.
/// </summary>
[Alias("grid.ICareScheduleGrain")]
public interface ICareScheduleGrain : IGrainWithStringKey
{
    /// <summary>Starts the schedule when new (first run: the next morning); idempotent.</summary>
    [Alias("ensure-started")] Task EnsureStartedAsync();

    /// <summary>Queues <paramref name="day"/> for these villages (null: all) and answers at once; generation follows.</summary>
    [Alias("queue")] Task<CareQueueResult> QueueAsync(DateOnly day, IReadOnlyList<string>? villages);

    /// <summary>What generating <paramref name="day"/> would create now, read only.</summary>
    [Alias("preview")] Task<IReadOnlyList<CareVisitPreview>> PreviewAsync(DateOnly day, IReadOnlyList<string>? villages);

    [Alias("get")] Task<CareScheduleInfo> GetAsync();
}

/// <summary>Makes sure every township of the city has a running schedule (key: the city code).</summary>
[Alias("grid.ICareScheduleRegistrarGrain")]
public interface ICareScheduleRegistrarGrain : IGrainWithStringKey
{
    /// <summary>Starts the schedules not started yet; returns how many townships have one.</summary>
    [Alias("ensure-all")] Task<int> EnsureAllAsync();
}

[GenerateSerializer, Immutable, Alias("grid.care-queue-result")]
public sealed record CareQueueResult(
    [property: Id(0)] IReadOnlyList<string> Queued,
    [property: Id(1)] IReadOnlyList<string> AlreadyDone);

[GenerateSerializer, Immutable, Alias("grid.care-visit-preview")]
public sealed record CareVisitPreview(
    [property: Id(0)] string VillageCode,
    [property: Id(1)] string ResidentId,
    [property: Id(2)] string TaskId);

[GenerateSerializer, Immutable, Alias("grid.care-schedule-info")]
public sealed record CareScheduleInfo(
    [property: Id(0)] string Township,
    [property: Id(1)] DateTime? NextRunUtc,
    [property: Id(2)] DateOnly? LastScheduledDay,
    [property: Id(3)] IReadOnlyList<string> Done,
    [property: Id(4)] int Queued,
    [property: Id(5)] int Created);
