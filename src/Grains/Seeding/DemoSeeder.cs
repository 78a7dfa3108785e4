using Grid.Geo;
using Grid.Grains.Geography;
using Grid.Grains.People;
using Grid.Grains.Rosters;

namespace Grid.Grains.Seeding;

/// <summary>
/// What the README walk-through needs beyond people and accounts: the demo community's center has
/// published its assisted-agency roster, so the hall display and the public roster page show it from
/// the first start. Written through the roster grain, as a center would.
/// </summary>
internal sealed class DemoSeeder(IGrainFactory grains, int seed)
{
    /// <summary>The community's public service number on the roster (never a worker's own phone).</summary>
    public const string CenterPhone = "0715-8128000";

    public async Task SeedAsync(Division village, GeographyModel geography, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var roster = grains.GetGrain<IRosterGrain>(village.Code12);
        if (await roster.GetCurrentAsync() is not null) return;
        var people = VillagePeople.Build(village, geography, seed);
        var names = people.Cells.ToDictionary(c => c.Id, c => c.Name);
        var entries = people.Workers.Where(w => w.Role != WorkerRole.Volunteer).Select(w => new RosterEntry(
            w.Name, RoleName(w.Role), CenterPhone,
            w.Role == WorkerRole.GridWorker ? string.Join("、", w.Grids.Select(g => names.GetValueOrDefault(g.GridId, g.GridId))) + " 帮办代办" : "全村（社区）帮办代办",
            $"{w.WorkStart:HH\\:mm}–{w.WorkEnd:HH\\:mm}", w.Id)).ToList();
        var draft = await roster.GetDraftAsync();
        var saved = await roster.SaveDraftAsync(entries, draft.Revision, "seed");
        await roster.PublishAsync(saved.Revision, "seed");
    }

    private static string RoleName(WorkerRole role) => role switch
    {
        WorkerRole.GridWorker => "网格员",
        WorkerRole.PartyCadre => "村（社区）干部",
        WorkerRole.CommunityWorker => "社区工作者",
        _ => "志愿者",
    };
}
