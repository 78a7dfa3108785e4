using Grid.Grains.Geography;

namespace Grid.Grains.Boundaries;

/// <summary>
/// Decides who moves in a boundary change. Residents follow their home: whoever the edited index
/// puts in another grid moves there (a home in no grid is "unplaced" and blocks the change).
/// When the grid changes village (and so id), a worker serving only that grid moves with it;
/// a worker who also serves other grids stays and loses this one. Open tasks follow the grid id.
/// </summary>
public static class BoundaryPlanner
{
    public static BoundaryPlan Plan(EditImpact impact, IEnumerable<ResidentPlace> residents, IEnumerable<WorkerPlace> workers, IEnumerable<OpenTaskRef> tasks)
    {
        var people = residents.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var residentMoves = people
            .Where(r => r.NewGridId is not null && r.NewGridId != r.GridId)
            .Select(r => new ResidentMove(r.Id, r.GridId, r.NewGridId!, r.VillageCode, VillageOf(r.NewGridId!)))
            .ToList();
        var unplaced = people.Where(r => r.NewGridId is null).Select(r => r.Id).ToList();
        var renamed = impact.NewGridId != impact.GridId;
        var workerMoves = !renamed ? [] : workers
            .Where(w => w.ActiveGridIds.Contains(impact.GridId))
            .OrderBy(w => w.Id, StringComparer.Ordinal)
            .Select(w => w.ActiveGridIds.All(g => g == impact.GridId)
                ? new WorkerMove(w.Id, WorkerMoveKind.Moves, w.VillageCode, impact.ToVillageCode)
                : new WorkerMove(w.Id, WorkerMoveKind.Unassigned, w.VillageCode, w.VillageCode))
            .ToList();
        var taskMoves = !renamed ? [] : tasks
            .Where(t => t.GridId == impact.GridId)
            .OrderBy(t => t.TaskId, StringComparer.Ordinal)
            .Select(t => new TaskMove(t.TaskId, impact.GridId, impact.NewGridId))
            .ToList();
        return new BoundaryPlan(impact, residentMoves, workerMoves, taskMoves, unplaced);
    }

    /// <summary>Grid ids begin with their village's 12-digit code.</summary>
    public static string VillageOf(string gridId) => gridId[..12];
}
