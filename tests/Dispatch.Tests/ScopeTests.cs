using System.Net;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Dispatch.Tests;

[Collection(DispatchCollection.Name)]
public sealed class ScopeTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    private async Task<(string Village, RequestDto Request)> RequestAsync()
    {
        var village = await _world.FreshVillageAsync();
        var resident = (await _world.ResidentsAsync(village))[0];
        using var center = await _world.CenterAsync(village);
        return (village, await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>());
    }

    [Fact]
    public async Task AWorkerSeesOnlyTheirOwnTasks()
    {
        var (village, request) = await RequestAsync();
        var other = request.WorkerId!.EndsWith("-V01") ? $"{village}-C01" : $"{village}-V01";
        using var owner = await _world.WorkerAsync(request.WorkerId!);
        using var stranger = await _world.WorkerAsync(other);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/tasks/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/tasks/{request.Id}")).StatusCode);
        var mine = await (await stranger.GetAsync("/api/tasks/mine")).ReadAsync<Page<TaskListItemDto>>();
        Assert.DoesNotContain(mine.Items, t => t.Id == request.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.GetAsync($"/api/tasks?region={village}")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorSeesTasksOnlyInsideTheirRegion()
    {
        var (village, request) = await RequestAsync();
        using var county = await factory.SignedInClientAsync(DemoAccounts.Coordinator);
        using var otherCounty = await factory.SignedInClientAsync(DemoAccounts.OtherCoordinator);

        var inside = await (await county.GetAsync($"/api/tasks?region={village}")).ReadAsync<Page<TaskListItemDto>>();
        var outside = await otherCounty.GetAsync($"/api/tasks?region={village}");
        var ownBoard = await (await otherCounty.GetAsync("/api/tasks")).ReadAsync<Page<TaskListItemDto>>();

        Assert.Contains(inside.Items, t => t.Id == request.Id);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.DoesNotContain(ownBoard.Items, t => t.Id == request.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCounty.GetAsync($"/api/tasks/{request.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherCounty.GetAsync($"/api/workloads?region={village}")).StatusCode);
    }

    [Fact]
    public async Task WithoutATokenEveryDispatchRouteIsUnauthorized()
    {
        using var anonymous = factory.CreateClient();
        foreach (var path in new[] { "/api/tasks/mine", "/api/tasks", "/api/notifications", "/api/workloads" })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.RequestAsync(new CreateRequestDto("x", "y"))).StatusCode);
    }
}
