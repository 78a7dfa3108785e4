using Grid.Grains.People;
using Microsoft.Extensions.Options;

namespace Grid.Grains.Dispatch;

/// <summary>
/// Turns a village's due care visits into tasks that join the ordinary task flow. A visit's task id
/// is the resident's id plus the day, and a resident with an open care visit gets no second one, so
/// the scheduler may call this as often as it likes.
/// </summary>
public sealed class CareVisitGrain(IOptions<DispatchOptions> options, TimeProvider clock) : Grain, ICareVisitGrain
{
    public const string ItemCode = "care-visit";
    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);
    private static readonly TaskActor Scheduler = new("system", "System", "", null);

    public async Task<IReadOnlyList<string>> GenerateAsync(DateOnly today)
    {
        var village = this.GetPrimaryKeyString();
        var policy = options.Value.CarePolicy();
        var residents = await GrainFactory.GetGrain<IVillageDirectoryGrain>(village).GetResidentsAsync();
        var open = (await GrainFactory.GetGrain<IVillageTasksGrain>(village).ListAsync())
            .Where(t => t.Kind == TaskKind.CareVisit).Select(t => t.ResidentId).ToHashSet();
        var created = new List<string>();
        foreach (var resident in residents.Where(r => !open.Contains(r.Id)))
        {
            var visits = await GrainFactory.GetGrain<IResidentGrain>(resident.Id).GetVisitsAsync();
            DateOnly? last = visits.Count == 0 ? null : DateOnly.FromDateTime(visits.Max(v => v.AtUtc) + ShanghaiOffset);
            if (policy.NextDue(village, resident.Needs, resident.CareLevel, last, today) is not { } due || due > today) continue;
            var task = await GrainFactory.GetGrain<ITaskGrain>($"{resident.Id}-CV{today:yyyyMMdd}").CreateAsync(Draft(resident.Id, today), Scheduler);
            created.Add(task.Draft.Id);
        }
        return created;
    }

    private TaskDraft Draft(string residentId, DateOnly today)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var end = DateTime.SpecifyKind(today.AddDays(2).ToDateTime(new TimeOnly(18, 0)) - ShanghaiOffset, DateTimeKind.Utc);
        return new TaskDraft($"{residentId}-CV{today:yyyyMMdd}", TaskKind.CareVisit, residentId, ItemCode, [], Urgency.Due,
            now, end > now ? end : now.AddDays(1), end > now ? end : now.AddDays(1),
            new Requester(RequesterKind.System, RequestChannel.Scheduled, "system", null), null);
    }
}
