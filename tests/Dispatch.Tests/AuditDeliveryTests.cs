using Grid.Contracts;
using Grid.Grains.Audit;
using Grid.Grains.Delegation;
using Grid.Grains.Dispatch;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

/// <summary>
/// The task outbox delivers at least once; its audit and request-volume receivers keep an effect
/// once. Proven by sending the same effect twice, and through a real request whose deliveries are
/// stored but answered as failed (<see cref="FaultyGrainStorage"/> after the write), so the outbox re-delivers.
/// </summary>
[Collection(DispatchCollection.Name)]
public sealed class AuditDeliveryTests(DispatchGateway factory) : IDisposable
{
    private readonly DispatchWorld _world = new(factory);
    private StorageFaults Faults => factory.Services.GetRequiredService<StorageFaults>();
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public void Dispose() => Faults.Clear();

    [Fact]
    public async Task TheSameVolumeDeliveryTwiceCountsOnce()
    {
        var village = await _world.FreshVillageAsync();
        var volume = _world.Grains.GetGrain<IRequestVolumeGrain>("TEST-VOL-" + Guid.NewGuid().ToString("N")[..8]);

        await volume.RecordOnceAsync("task/a/1", village, Today);
        await volume.RecordOnceAsync("task/a/1", village, Today);
        await volume.RecordOnceAsync("task/b/1", village, Today);
        await _world.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await volume.RecordOnceAsync("task/b/1", village, Today);

        Assert.Equal(2, (await volume.CountAsync(village, Today.AddDays(-1), Today.AddDays(1)))?.Requests);
    }

    [Fact]
    public async Task AVolumeStoredTheOldWayIsMovedIntoRowsAndKeepsCountingOnce()
    {
        var village = await _world.FreshVillageAsync();
        var item = "TEST-VOL-" + Guid.NewGuid().ToString("N")[..8];
        var month = $"{Today:yyyy-MM}";
        var old = new RequestVolumeState { FirstDay = Today.AddDays(-3), ByRegionMonth = { [$"{village}|{month}"] = 5 }, RecentIds = ["task/old/1"] };
        await factory.Services.GetRequiredService<Grid.Storage.IGrainStateBulkWriter>()
            .WriteAsync([Grid.Storage.GrainStateRow.Of("requestvolume", item, old)]);
        var volume = _world.Grains.GetGrain<IRequestVolumeGrain>(item);

        Assert.Equal(5, (await volume.CountAsync(village, Today.AddDays(-10), Today.AddDays(1)))?.Requests); // moved: the old count is there
        await volume.RecordOnceAsync("task/old/1", village, Today); // an id the old state had counted
        await volume.RecordOnceAsync("task/new/1", village, Today);
        await _world.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await volume.RecordOnceAsync("task/new/1", village, Today);

        Assert.Equal(6, (await volume.CountAsync(village, Today.AddDays(-10), Today.AddDays(1)))?.Requests);
    }

    [Fact]
    public async Task ARequestWhoseVolumeAndAuditDeliveriesAreRedeliveredCountsAndAuditsItOnce()
    {
        var village = await _world.FreshVillageAsync();
        var county = village[..6] + "000000";
        var resident = (await _world.ResidentsAsync(village))[6];
        using var center = await _world.CenterAsync(village);
        var volumeBefore = await VolumeAsync(village);
        var volumeFault = Faults.FailWrites("requestvolume", k => k == RequestTests.Item, afterWrite: true);
        var auditFault = Faults.FailWrites("auditday", k => k.StartsWith(county, StringComparison.Ordinal), afterWrite: true);

        var response = await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item));
        var request = await response.ReadAsync<RequestDto>();
        // Both effects come before the worker-list effect in the outbox, which stops at a failure: the
        // task reaches its worker's list only after both were delivered again.
        var listed = await WaitUntilListedAsync(request);

        Assert.Equal((1, 1), (volumeFault.Failed, auditFault.Failed));
        Assert.True(listed, "the task never reached its worker's list, so the outbox never finished");
        Assert.Equal(volumeBefore + 1, await VolumeAsync(village));
        var audit = factory.Services.GetRequiredService<IAuditLog>();
        var entries = await audit.QueryAsync(new AuditFilter(request.Id, null, DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddHours(1)), [county]);
        Assert.Single(entries, e => e.Action == "task.create");
        Assert.All(entries, e => Assert.StartsWith($"task/{request.Id}/", e.Id));
    }

    private async Task<long> VolumeAsync(string village) =>
        (await _world.Grains.GetGrain<IRequestVolumeGrain>(RequestTests.Item).CountAsync(village, Today.AddDays(-40), Today.AddDays(40)))?.Requests ?? 0;

    private async Task<bool> WaitUntilListedAsync(RequestDto request)
    {
        Assert.NotNull(request.WorkerId);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var list = await _world.Grains.GetGrain<IWorkerTasksGrain>(request.WorkerId).ListAsync();
            if (list.Any(t => t.TaskId == request.Id)) return true;
            await Task.Delay(250);
        }
        return false;
    }
}
