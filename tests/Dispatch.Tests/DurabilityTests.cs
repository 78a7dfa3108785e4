using System.Net;
using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Stage = Grid.Contracts.TaskStage;

namespace Grid.Dispatch.Tests;

/// <summary>
/// Save, then acknowledge, then tell — proven with writes failed on the real SQLite storage
/// (<see cref="FaultyGrainStorage"/>). After each scenario every activation is collected, so what
/// the tests read back comes from storage, not from memory.
/// </summary>
[Collection(DispatchCollection.Name)]
public sealed class DurabilityTests(DispatchGateway factory) : IDisposable
{
    private readonly DispatchWorld _world = new(factory);
    private StorageFaults Faults => factory.Services.GetRequiredService<StorageFaults>();

    public void Dispose() => Faults.Clear();

    [Fact]
    public async Task ARequestWhoseTaskCannotBeSavedIsRefusedAndItsRetryCreatesExactlyOneTask()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[2];
        using var center = await _world.CenterAsync(village);
        var body = new CreateRequestDto(resident.Id, RequestTests.Item, Note: "durability-" + Guid.NewGuid().ToString("N"));
        var key = Guid.NewGuid().ToString();
        var before = await TasksOfResidentAsync(village, resident.Id);
        var fault = Faults.FailWrites("task", k => k.StartsWith(village + "-T", StringComparison.Ordinal));

        var refused = await center.RequestAsync(body, key);

        Assert.Equal(1, fault.Failed);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await TasksOfResidentAsync(village, resident.Id));

        var retried = await center.RequestAsync(body, key);
        var again = await center.RequestAsync(body, key);

        Assert.True(retried.IsSuccessStatusCode, $"retry answered {(int)retried.StatusCode}");
        var request = await retried.ReadAsync<RequestDto>();
        Assert.Equal(request.Id, (await again.ReadAsync<RequestDto>()).Id);
        await CollectAllActivationsAsync();
        var after = await TasksOfResidentAsync(village, resident.Id);
        Assert.Equal([request.Id], after.Except(before));
        Assert.NotNull(await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync());
        await AssertDispatchConsistentAsync(village, [request.Id]);
    }

    [Fact]
    public async Task AnOfferWhoseWorkerListWriteFailsIsRedrivenUntilTheTaskIsInExactlyOneList()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[3];
        using var center = await _world.CenterAsync(village);
        var fault = Faults.FailWrites("workertasks", k => k.StartsWith(village, StringComparison.Ordinal), times: 2);

        var response = await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.ReadAsync<RequestDto>();
        Assert.Equal(Stage.Offered, request.Stage);
        Assert.True(fault.Failed >= 1, "the worker-list write was never attempted while the fault was armed");
        var holders = await WaitForHoldersAsync(village, request.Id, h => h.Count == 1);
        Assert.Equal([request.WorkerId!], holders);
        await CollectAllActivationsAsync();
        await AssertDispatchConsistentAsync(village, [request.Id]);
    }

    [Fact]
    public async Task AnAcceptWhoseSaveFailsIsNotAcknowledgedAndLeavesTheTaskAsStored()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[4];
        using var center = await _world.CenterAsync(village);
        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>();
        Assert.Equal(Stage.Offered, request.Stage);
        using var worker = await _world.WorkerAsync(request.WorkerId!);
        var stored = (await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync())!;
        var step = new TaskActionDto(Guid.NewGuid().ToString());
        var fault = Faults.FailWrites("task", k => k == request.Id);

        var refused = await worker.ActAsync(request.Id, "accept", step);

        Assert.Equal(1, fault.Failed);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var now = (await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync())!;
        Assert.Equal((Stage.Offered, stored.Version, stored.History.Count), ((Stage)(int)now.Stage, now.Version, now.History.Count));
        await CollectAllActivationsAsync();
        var reread = (await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync())!;
        Assert.Equal((Stage.Offered, stored.Version), ((Stage)(int)reread.Stage, reread.Version));

        var accepted = await worker.ActAsync(request.Id, "accept", step);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(Stage.Accepted, (await accepted.ReadAsync<TaskDto>()).Stage);
        await CollectAllActivationsAsync();
        var saved = (await _world.Grains.GetGrain<ITaskGrain>(request.Id).GetAsync())!;
        Assert.Equal((Stage.Accepted, stored.Version + 1), ((Stage)(int)saved.Stage, saved.Version));
        await AssertDispatchConsistentAsync(village, [request.Id]);
    }

    [Fact]
    public async Task AnAcceptWhoseAnswerIsLostAfterTheSaveIsAcknowledgedOnRetryWithoutActingTwice()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[5];
        using var center = await _world.CenterAsync(village);
        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>();
        using var worker = await _world.WorkerAsync(request.WorkerId!);
        var step = new TaskActionDto(Guid.NewGuid().ToString());
        var fault = Faults.FailWrites("task", k => k == request.Id, afterWrite: true);

        var lost = await worker.ActAsync(request.Id, "accept", step);
        var retried = await worker.ActAsync(request.Id, "accept", step);

        Assert.Equal(1, fault.Failed);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, lost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var task = await retried.ReadAsync<TaskDto>();
        Assert.Equal(Stage.Accepted, task.Stage);
        Assert.Single(task.History, e => e.Action == "accepted");
        await CollectAllActivationsAsync();
        await AssertDispatchConsistentAsync(village, [request.Id]);
    }

    /// <summary>Every activation is collected, so the next read of any grain comes from storage.</summary>
    private Task CollectAllActivationsAsync() =>
        _world.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private async Task<HashSet<string>> TasksOfResidentAsync(string village, string residentId)
    {
        var board = await _world.Grains.GetGrain<IVillageTasksGrain>(village).ListAsync();
        var lists = await WorkerListsAsync(village);
        return [.. board.Concat(lists.SelectMany(l => l.Value)).Where(t => t.ResidentId == residentId).Select(t => t.TaskId)];
    }

    private async Task<Dictionary<string, IReadOnlyList<TaskSummary>>> WorkerListsAsync(string village)
    {
        var workers = await _world.Grains.GetGrain<IVillageDirectoryGrain>(village).GetWorkersAsync();
        var lists = await Task.WhenAll(workers.Select(async w => (w.Id, Tasks: await _world.Grains.GetGrain<IWorkerTasksGrain>(w.Id).ListAsync())));
        return lists.ToDictionary(l => l.Id, l => l.Tasks);
    }

    private async Task<List<string>> WaitForHoldersAsync(string village, string taskId, Func<List<string>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var holders = (await WorkerListsAsync(village)).Where(l => l.Value.Any(t => t.TaskId == taskId)).Select(l => l.Key).ToList();
            if (done(holders) || DateTime.UtcNow > until) return holders;
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Acknowledged tasks are stored; every listed task exists, is open and is with that worker; no task is in two lists.
    /// The sets are asserted non-empty first, so the checks cannot pass vacuously.
    /// </summary>
    private async Task AssertDispatchConsistentAsync(string village, IReadOnlyList<string> acknowledged)
    {
        Assert.NotEmpty(acknowledged);
        foreach (var id in acknowledged) Assert.NotNull(await _world.Grains.GetGrain<ITaskGrain>(id).GetAsync());
        var lists = await WorkerListsAsync(village);
        var held = lists.SelectMany(l => l.Value.Select(t => (Worker: l.Key, t.TaskId))).ToList();
        Assert.NotEmpty(held);
        Assert.Empty(held.GroupBy(h => h.TaskId).Where(g => g.Count() > 1).Select(g => g.Key));
        foreach (var (worker, taskId) in held)
        {
            var task = await _world.Grains.GetGrain<ITaskGrain>(taskId).GetAsync();
            Assert.True(task is not null, $"{worker}'s list holds {taskId}, which does not exist");
            Assert.Equal(worker, task.WorkerId);
            Assert.Contains(task.Stage, new[] { Grid.Contracts.TaskStage.Offered, Grid.Contracts.TaskStage.Accepted, Grid.Contracts.TaskStage.CheckedIn });
        }
    }
}
