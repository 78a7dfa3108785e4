using Grid.Contracts;
using Grid.Grains.Dispatch;

namespace Grid.Dispatch.Tests;

/// <summary>
/// Worker lists and village boards take the task's version as the truth: a late upsert from an older
/// version (an activation a silo's death left behind, re-driving its outbox) cannot put a task back
/// in a list it has left, so no task sits in two workers' lists.
/// </summary>
[Collection(DispatchCollection.Name)]
public sealed class TaskListTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    private static TaskSummary Summary(string taskId, int version, string worker) => new(taskId, TaskKind.Request, TaskStage.Offered,
        Urgency.Due, "421202001002-R001", "421202001002-G01", "421202001002", "MZ-GF-001", [], worker, "nearest", 29.84, 114.32,
        DateTime.UtcNow.AddDays(2), 0, version);

    [Fact]
    public async Task AnOlderUpsertArrivingAfterTheRemoveDoesNotPutTheTaskBackButANewerOfferDoes()
    {
        var worker = "probe-worker-" + Guid.NewGuid().ToString("N")[..8];
        var list = _world.Grains.GetGrain<IWorkerTasksGrain>(worker);
        var board = _world.Grains.GetGrain<IVillageTasksGrain>("probe-board-" + worker);
        var task = "probe-task-" + Guid.NewGuid().ToString("N")[..8];

        await list.UpsertAsync(Summary(task, 1, worker));
        await board.UpsertAsync(Summary(task, 1, worker));
        Assert.Single(await list.ListAsync()); // the list did hold it: the checks below can fail

        await list.RemoveAsync(task, 2);        // the task moved on at version 2 …
        await list.UpsertAsync(Summary(task, 1, worker)); // … and a stale activation re-sends version 1
        await board.RemoveAsync(task, 2);
        await board.UpsertAsync(Summary(task, 2, worker));

        Assert.Empty(await list.ListAsync());
        Assert.Empty(await board.ListAsync());

        await list.UpsertAsync(Summary(task, 3, worker)); // offered back to the same worker later
        await list.RemoveAsync(task, 2);                  // a late remove of the older move changes nothing
        Assert.Equal(3, Assert.Single(await list.ListAsync()).Version);
    }
}
