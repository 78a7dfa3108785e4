using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Testing;

namespace Grid.Dispatch.Tests;

[Collection(DispatchCollection.Name)]
public sealed class WorkloadTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    [Fact]
    public async Task RebalancingTakesLoadOffTheBusiestWorkerWithoutLosingOrDuplicatingATask()
    {
        var village = await _world.FreshVillageAsync();
        var residents = await _world.ResidentsAsync(village);
        using var center = await _world.CenterAsync(village);
        var busy = $"{village}-W01";
        var ids = new List<string>();
        foreach (var resident in residents.Take(6))
        {
            var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>();
            if (request.WorkerId != busy)
                await center.ActAsync(request.Id, "reassign", new TaskActionDto(Guid.NewGuid().ToString(), "集中派单", WorkerId: busy));
            ids.Add(request.Id);
        }
        var before = await (await center.GetAsync($"/api/workloads?region={village}")).ReadAsync<WorkloadDto>();

        var dry = await (await center.PostAsJsonAsync("/api/workloads/rebalance", new RebalanceRequestDto(village, DryRun: true), Json.Options)).ReadAsync<RebalanceResultDto>();
        var unchanged = await (await center.GetAsync($"/api/workloads?region={village}")).ReadAsync<WorkloadDto>();
        var applied = await (await center.PostAsJsonAsync("/api/workloads/rebalance", new RebalanceRequestDto(village, DryRun: false), Json.Options)).ReadAsync<RebalanceResultDto>();
        var after = await (await center.GetAsync($"/api/workloads?region={village}")).ReadAsync<WorkloadDto>();

        Assert.Equal(6, before.Workers.Single(w => w.WorkerId == busy).Open);
        Assert.NotEmpty(dry.Moves);
        Assert.True(dry.After.MaxLoad < dry.Before.MaxLoad);
        Assert.Equal(6, unchanged.Workers.Single(w => w.WorkerId == busy).Open);
        Assert.All(applied.Moves, m => Assert.Equal("applied", m.Result));
        Assert.True(after.Workers.Max(w => w.Open) < 6);
        var holders = new List<string>();
        foreach (var w in after.Workers)
            holders.AddRange((await _world.Grains.GetGrain<IWorkerTasksGrain>(w.WorkerId).ListAsync()).Select(t => t.TaskId).Where(ids.Contains));
        Assert.Equal(ids.Order(), holders.Order());
        var board = await _world.Grains.GetGrain<IVillageTasksGrain>(village).ListAsync();
        Assert.Equal(ids.Order(), board.Select(t => t.TaskId).Where(ids.Contains).Order());
        using var worker = await _world.WorkerAsync(busy);
        var notes = await (await worker.GetAsync("/api/notifications")).ReadAsync<Page<NotificationDto>>();
        Assert.Contains(notes.Items, n => n.Kind == "reassigned");
    }

    [Fact]
    public async Task WorkloadsRollUpFromWorkersToGridsVillagesAndTownships()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[0];
        using var center = await _world.CenterAsync(village);
        await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item));
        using var county = await factory.SignedInClientAsync(DemoAccounts.Coordinator);

        var load = await (await county.GetAsync($"/api/workloads?region={Grid.Contracts.RegionCodes.TownshipOf(village)}")).ReadAsync<WorkloadDto>();

        Assert.Contains(load.Villages, v => v.Code == village && v.Open >= 1);
        Assert.Contains(load.Grids, g => g.Code == resident.GridId || g.Code.StartsWith(village));
        Assert.Equal(Grid.Contracts.RegionCodes.TownshipOf(village), Assert.Single(load.Townships).Code);
        Assert.Equal(load.Workers.Sum(w => w.Open), load.Villages.Sum(v => v.Open - v.Queued));
    }

    [Fact]
    public async Task DueCareVisitsAreGeneratedOncePerDayAndJoinTheTaskFlow()
    {
        var village = await _world.FreshVillageAsync();
        using var center = await _world.CenterAsync(village);

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var first = await (await center.PostAsync($"/api/care-visits/generate?region={village}&date={day:yyyy-MM-dd}", null)).ReadAsync<Grid.Contracts.CareVisitQueuedDto>();
        Assert.Equal([village], first.Queued);
        var board = new Page<TaskListItemDto>([], 0, 0, 0);
        for (var i = 0; i < 120 && !board.Items.Any(t => t.Kind == Grid.Contracts.TaskKind.CareVisit); i++, await Task.Delay(250))
            board = await (await center.GetAsync($"/api/tasks?region={village}&pageSize=200")).ReadAsync<Page<TaskListItemDto>>();
        var second = await (await center.PostAsync($"/api/care-visits/generate?region={village}&date={day:yyyy-MM-dd}", null)).ReadAsync<Grid.Contracts.CareVisitQueuedDto>();

        Assert.Contains(board.Items, t => t.Kind == Grid.Contracts.TaskKind.CareVisit && t.Id.EndsWith($"-CV{day:yyyyMMdd}", StringComparison.Ordinal));
        Assert.Empty(second.Queued);
        Assert.Equal([village], second.AlreadyDone);
    }
}
