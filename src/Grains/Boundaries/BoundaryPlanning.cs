using Grid.Grains.Geography;
using Grid.Grains.People;

namespace Grid.Grains.Boundaries;

/// <summary>Gathers what the planner needs from the grains: the edit's impact, the people of the candidate grids and where their homes would fall.</summary>
internal static class BoundaryPlanning
{
    public static async Task<BoundaryPlan> PlanAsync(IGrainFactory grains, ILocateIndexGrain index, IOpenTaskSource openTasks, BoundaryEdit edit, DateOnly today)
    {
        var impact = await index.ImpactAsync(edit);
        var cells = await Task.WhenAll(impact.CandidateGridIds.Select(id => grains.GetGrain<IGridCellGrain>(id).GetAsync()));
        var residentIds = cells.SelectMany(c => c?.ResidentIds ?? []).Distinct().ToList();
        var residents = (await Task.WhenAll(residentIds.Select(id => grains.GetGrain<IResidentGrain>(id).GetAsync())))
            .OfType<ResidentProfile>().ToList();
        var homes = await index.LocateUnderAsync(impact, [.. residents.Select(r => new GeoPoint(r.HomeLat, r.HomeLng))]);
        var places = residents.Select((r, i) => new ResidentPlace(r.Id, r.GridId, r.VillageCode, homes[i]));

        var own = cells[impact.CandidateGridIds.ToList().IndexOf(impact.GridId)];
        var workers = (await Task.WhenAll((own?.WorkerIds ?? []).Select(id => grains.GetGrain<IWorkerGrain>(id).GetAsync())))
            .OfType<WorkerProfile>()
            .Select(w => new WorkerPlace(w.Id, w.VillageCode, w.GridsOn(today)));
        var tasks = await openTasks.OpenTasksInGridAsync(impact.GridId);
        return BoundaryPlanner.Plan(impact, places, workers, tasks);
    }
}
