using Grid.Grains.Boundaries;
using Grid.Grains.People;

namespace Grid.Grains.Dispatch;

/// <summary>A boundary change's view of dispatch: the open tasks on a grid's village board, moved by their task grains.</summary>
public sealed class DispatchOpenTasks(IGrainFactory grains) : IOpenTaskSource
{
    public async Task<IReadOnlyList<OpenTaskRef>> OpenTasksInGridAsync(string gridId)
    {
        if (await grains.GetGrain<IGridCellGrain>(gridId).GetAsync() is not { } cell) return [];
        var board = await grains.GetGrain<IVillageTasksGrain>(cell.VillageCode).ListAsync();
        return [.. board.Where(t => t.GridId == gridId).Select(t => new OpenTaskRef(t.TaskId, t.GridId)).OrderBy(t => t.TaskId, StringComparer.Ordinal)];
    }

    public Task MoveAsync(IReadOnlyList<string> taskIds, string toGridId, string toVillageCode) =>
        Task.WhenAll(taskIds.Select(id => grains.GetGrain<ITaskGrain>(id).MoveAsync(toGridId, toVillageCode, "boundary-change")));
}
