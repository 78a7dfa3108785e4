using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Turns a village's due care visits into tasks that join the ordinary task flow. A visit's task id
/// is the resident's id plus the day, and a resident with an open care visit gets no second one, so
/// the schedule (<see cref="CareScheduleGrain"/>) may call this as often as it likes.
/// </summary>
public sealed class CareVisitGrain(IOptions<DispatchOptions> options, TimeProvider clock) : Grain, ICareVisitGrain
{
    public const string ItemCode = "care-visit";
    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);
    private static readonly TaskActor Scheduler = new("system", "System", "", null);

    public async Task<IReadOnlyList<string>> GenerateAsync(DateOnly today)
    {
        var due = await CareVisitDue.ResidentsAsync(GrainFactory, options.Value.CarePolicy(), this.GetPrimaryKeyString(), today);
        var created = new List<string>();
        foreach (var residentId in due)
        {
            var task = await GrainFactory.GetGrain<ITaskGrain>(CareVisitDue.TaskId(residentId, today)).CreateAsync(Draft(residentId, today), Scheduler);
            created.Add(task.Draft.Id);
        }
        return created;
    }

    private TaskDraft Draft(string residentId, DateOnly today)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = DateTime.SpecifyKind(today.AddDays(2).ToDateTime(new TimeOnly(18, 0)) - ShanghaiOffset, DateTimeKind.Utc);
        return new TaskDraft(CareVisitDue.TaskId(residentId, today), TaskKind.CareVisit, residentId, ItemCode, [], Urgency.Due,
            now, end > now ? end : now.AddDays(1), end > now ? end : now.AddDays(1),
            new Requester(RequesterKind.System, RequestChannel.Scheduled, "system", null), null);
    }
}
