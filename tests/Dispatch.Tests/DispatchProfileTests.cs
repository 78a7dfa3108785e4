using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Testing;

namespace Grid.Dispatch.Tests;

/// <summary>Dispatch ranks a village's workers from the profiles its directory files; a change to a worker must reach it.</summary>
[Collection(DispatchCollection.Name)]
public sealed class DispatchProfileTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    [Fact]
    public async Task WorkersMadeInactiveThroughTheApiAreNoLongerOfferedAndTheDirectoryKeepsNoPhone()
    {
        var village = await _world.FreshVillageAsync();
        var residents = await _world.ResidentsAsync(village);
        using var center = await _world.CenterAsync(village);
        using var admin = await _world.AdminAsync();
        var first = await (await center.RequestAsync(new CreateRequestDto(residents[0].Id, RequestTests.Item))).ReadAsync<RequestDto>();
        var directory = _world.Grains.GetGrain<IVillageDirectoryGrain>(village);
        var filed = await directory.GetDispatchWorkersAsync();
        Assert.Equal("Offered", first.Stage.ToString());
        Assert.True(filed.Count > 1, "the village needs several workers for the test to choose between");
        Assert.All(filed, w => Assert.NotNull(w.Profile));

        var others = filed.Where(w => w.Worker.Id != first.WorkerId && w.Worker.Active).Select(w => w.Worker.Id).ToList();
        Assert.NotEmpty(others);
        foreach (var id in others)
        {
            var read = await admin.GetAsync($"/api/workers/{id}");
            var w = await read.ReadAsync<WorkerDto>();
            var put = new HttpRequestMessage(HttpMethod.Put, $"/api/workers/{id}")
            {
                Content = JsonContent.Create(new WorkerRequest(w.Name, w.Role, w.VillageCode, w.Grids, w.Skills, w.DailyCapacity,
                    w.WorkStart, w.WorkEnd, w.Phone, Active: false, w.Lat, w.Lng), options: Json.Options),
            };
            put.Headers.IfMatch.Add(read.Headers.ETag!);
            (await admin.SendAsync(put)).EnsureSuccessStatusCode();
        }

        var refiled = await directory.GetDispatchWorkersAsync();
        Assert.All(refiled.Where(w => others.Contains(w.Worker.Id)), w => Assert.False(w.Profile!.Active));
        Assert.All(refiled, w => Assert.Equal("", w.Profile!.Phone));
        foreach (var resident in residents.Skip(1).Take(2))
        {
            var next = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>();
            Assert.Equal(first.WorkerId, next.WorkerId);
        }
    }
}
