using Grid.Grains.People;

namespace Grid.Grains.Dispatch;

/// <summary>Which residents of a village are due a care visit on a day: read-only, shared by generating and previewing.</summary>
public static class CareVisitDue
{
    private static readonly TimeSpan ShanghaiOffset = TimeSpan.FromHours(8);

    public static string TaskId(string residentId, DateOnly day) => $"{residentId}-CV{day:yyyyMMdd}";

    public static async Task<IReadOnlyList<string>> ResidentsAsync(IGrainFactory grains, CareVisitPolicy policy, string village, DateOnly day)
    {
        var residents = await grains.GetGrain<IVillageDirectoryGrain>(village).GetResidentsAsync();
        var open = (await grains.GetGrain<IVillageTasksGrain>(village).ListAsync())
            .Where(t => t.Kind == TaskKind.CareVisit).Select(t => t.ResidentId).ToHashSet();
        var due = new List<string>();
        // Residents no rule covers are skipped before their grain is woken.
        foreach (var resident in residents.Where(r => !open.Contains(r.Id) && policy.IntervalDays(village, r.Needs, r.CareLevel) is not null))
        {
            var visits = await grains.GetGrain<IResidentGrain>(resident.Id).GetVisitsAsync();
            DateOnly? last = visits.Count == 0 ? null : DateOnly.FromDateTime(visits.Max(v => v.AtUtc) + ShanghaiOffset);
            if (policy.NextDue(village, resident.Needs, resident.CareLevel, last, day) is { } next && next <= day) due.Add(resident.Id);
        }
        return due;
    }
}
