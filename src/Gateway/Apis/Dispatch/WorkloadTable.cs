using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.People;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Counts open tasks per worker and rolls them up by grid, village and township.</summary>
internal static class WorkloadTable
{
    public static WorkloadDto Build(string region, IReadOnlyList<WorkerProfile> workers, IReadOnlyList<TaskSummary> tasks, DateOnly today)
    {
        var load = tasks.Where(t => t.WorkerId is not null).GroupBy(t => t.WorkerId!).ToDictionary(g => g.Key, g => g.Count());
        var rows = workers
            .Select(w => new WorkerLoadDto(w.Id, w.Name, w.VillageCode, load.GetValueOrDefault(w.Id), w.DailyCapacity,
                CandidateFinder.CurrentGrids(w, today).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(w => w.Open).ThenBy(w => w.WorkerId, StringComparer.Ordinal).ToList();
        var grids = tasks.Select(t => t.GridId).Concat(rows.SelectMany(w => w.GridIds)).Distinct()
            .Select(g => Area(g, tasks.Where(t => t.GridId == g), rows.Where(w => w.GridIds.Contains(g)).ToList()));
        var villages = rows.Select(w => w.VillageCode).Concat(tasks.Select(t => t.VillageCode)).Distinct()
            .Select(v => Area(v, tasks.Where(t => t.VillageCode == v), rows.Where(w => w.VillageCode == v).ToList()));
        var townships = rows.Select(w => RegionCodes.TownshipOf(w.VillageCode)).Concat(tasks.Select(t => RegionCodes.TownshipOf(t.VillageCode))).Distinct()
            .Select(c => Area(c, tasks.Where(t => RegionCodes.TownshipOf(t.VillageCode) == c), rows.Where(w => RegionCodes.TownshipOf(w.VillageCode) == c).ToList()));
        return new WorkloadDto(region, rows, Sorted(grids), Sorted(villages), Sorted(townships));
    }

    private static AreaLoadDto Area(string code, IEnumerable<TaskSummary> tasks, IReadOnlyList<WorkerLoadDto> workers)
    {
        var list = tasks.ToList();
        var queued = list.Count(t => t.Stage == TaskStage.Queued);
        return new AreaLoadDto(code, list.Count, queued, workers.Count,
            workers.Count == 0 ? 0 : Math.Round((double)(list.Count - queued) / workers.Count, 2),
            workers.Count == 0 ? 0 : workers.Max(w => w.Open));
    }

    private static IReadOnlyList<AreaLoadDto> Sorted(IEnumerable<AreaLoadDto> areas) =>
        areas.OrderByDescending(a => a.Open).ThenBy(a => a.Code, StringComparer.Ordinal).ToList();
}
