using Grid.Grains.Audit;
using Grid.Grains.People;

namespace Grid.Grains.Boundaries;

/// <summary>The apply steps of a boundary change. Every step sets rather than adds, so running them again after a crash is harmless.</summary>
internal sealed class BoundaryMover(IGrainFactory grains, IOpenTaskSource openTasks, IAuditLog audit)
{
    public async Task MoveAsync(BoundaryPlan plan, AuditActor by, DateOnly today, string changeId)
    {
        var impact = plan.Impact;
        var renamed = impact.NewGridId != impact.GridId;
        await Cell(impact.NewGridId).ReshapeAsync(impact.NewName, impact.ToVillageCode, impact.Wkt);

        await Task.WhenAll(plan.Residents.Select(m => grains.GetGrain<IResidentGrain>(m.ResidentId).MoveAsync(m.ToGridId, m.ToVillageCode)));
        var gridIds = plan.Residents.SelectMany(m => new[] { m.FromGridId, m.ToGridId }).Distinct();
        await Task.WhenAll(gridIds.Select(g => Cell(g).UpdateMembersAsync(MemberChanges.Residents(
            [.. plan.Residents.Where(m => m.ToGridId == g).Select(m => m.ResidentId)],
            [.. plan.Residents.Where(m => m.FromGridId == g).Select(m => m.ResidentId)]))));

        await Task.WhenAll(plan.Workers.Select(w => grains.GetGrain<IWorkerGrain>(w.WorkerId).RegridAsync(
            impact.GridId, w.Kind == WorkerMoveKind.Moves ? impact.NewGridId : null, w.ToVillageCode, today)));
        if (renamed)
        {
            await Cell(impact.NewGridId).UpdateMembersAsync(MemberChanges.Workers(
                [.. plan.Workers.Where(w => w.Kind == WorkerMoveKind.Moves).Select(w => w.WorkerId)], []));
            await Cell(impact.GridId).RetireAsync(impact.NewGridId);
        }

        await Task.WhenAll(plan.Residents.Select(RefileResidentAsync));
        await Task.WhenAll(plan.Workers.Select(w => RefileWorkerAsync(w, today)));
        await openTasks.MoveAsync([.. plan.Tasks.Select(t => t.TaskId)], impact.NewGridId, impact.ToVillageCode);

        await audit.WriteAsync(by, "boundary-change.apply", "grid", impact.GridId, impact.FromVillageCode,
            $"change {changeId}: to {impact.NewGridId} in {impact.ToVillageCode}; {plan.Residents.Count} residents, {plan.Workers.Count} workers, {plan.Tasks.Count} tasks");
        await Task.WhenAll(plan.Residents.Select(m => audit.WriteAsync(by, "resident.move", "resident", m.ResidentId, m.ToVillageCode,
            $"change {changeId}: grid {m.FromGridId} -> {m.ToGridId}")));
    }

    private async Task RefileResidentAsync(ResidentMove move)
    {
        if (await grains.GetGrain<IResidentGrain>(move.ResidentId).GetAsync() is not { } resident) return;
        if (move.FromVillageCode != move.ToVillageCode)
            await Directory(move.FromVillageCode).RemoveResidentAsync(move.ResidentId);
        await Directory(move.ToVillageCode).UpsertResidentAsync(resident.Summary());
    }

    private async Task RefileWorkerAsync(WorkerMove move, DateOnly today)
    {
        if (await grains.GetGrain<IWorkerGrain>(move.WorkerId).GetAsync() is not { } worker) return;
        if (move.FromVillageCode != move.ToVillageCode)
            await Directory(move.FromVillageCode).RemoveWorkerAsync(move.WorkerId);
        await Directory(move.ToVillageCode).UpsertWorkerAsync(worker.Summary(today), worker);
    }

    private IGridCellGrain Cell(string gridId) => grains.GetGrain<IGridCellGrain>(gridId);

    private IVillageDirectoryGrain Directory(string villageCode) => grains.GetGrain<IVillageDirectoryGrain>(villageCode);
}
