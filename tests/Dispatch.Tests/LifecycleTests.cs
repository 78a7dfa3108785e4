using System.Net;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Testing;
using Stage = Grid.Contracts.TaskStage;

namespace Grid.Dispatch.Tests;

[Collection(DispatchCollection.Name)]
public sealed class LifecycleTests(DispatchGateway factory)
{
    private readonly DispatchWorld _world = new(factory);

    private sealed record Offered(string Village, ResidentProfile Resident, RequestDto Request, HttpClient Worker, HttpClient Center);

    private async Task<Offered> OfferAsync(int residentIndex = 0)
    {
        var village = await _world.FreshVillageAsync();
        var summary = (await _world.ResidentsAsync(village))[residentIndex];
        var resident = (await _world.Grains.GetGrain<IResidentGrain>(summary.Id).GetAsync())!;
        var center = await _world.CenterAsync(village);
        var request = await (await center.RequestAsync(new CreateRequestDto(resident.Id, RequestTests.Item))).ReadAsync<RequestDto>();
        Assert.Equal(Stage.Offered, request.Stage);
        return new Offered(village, resident, request, await _world.WorkerAsync(request.WorkerId!), center);
    }

    private static TaskActionDto Step(string? reason = null) => new(Guid.NewGuid().ToString(), reason);

    [Fact]
    public async Task AWorkerAcceptsChecksInAtTheHomeAndCompletesWithOriginalsReturned()
    {
        var o = await OfferAsync();
        var visitsBefore = (await _world.Grains.GetGrain<IResidentGrain>(o.Resident.Id).GetVisitsAsync()).Count;
        var id = o.Request.Id;

        var accepted = await (await o.Worker.ActAsync(id, "accept", Step())).ReadAsync<TaskDto>();
        var checkedIn = await (await o.Worker.ActAsync(id, "check-in", Step() with { Lat = o.Resident.HomeLat, Lng = o.Resident.HomeLng })).ReadAsync<TaskDto>();
        var taken = DateTimeOffset.UtcNow.AddMinutes(-20);
        var completed = await o.Worker.ActAsync(id, "complete", Step() with
        {
            Outcome = "已代办户籍证明",
            Documents = [new CustodyDto("户口簿原件", taken, taken.AddMinutes(15))],
        });

        Assert.Equal(Stage.Accepted, accepted.Stage);
        Assert.Equal((Stage.CheckedIn, false), (checkedIn.Stage, checkedIn.CheckIn!.Far));
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var done = await completed.ReadAsync<TaskDto>();
        Assert.Equal(Stage.Completed, done.Stage);
        Assert.Equal("户口簿原件", Assert.Single(done.Documents).Document);
        Assert.Equal(["requested", "offered", "accepted", "checked-in", "completed"], done.History.Select(e => e.Action));
        Assert.Equal(visitsBefore + 1, (await _world.Grains.GetGrain<IResidentGrain>(o.Resident.Id).GetVisitsAsync()).Count);
        var mine = await (await o.Worker.GetAsync("/api/tasks/mine")).ReadAsync<Page<TaskListItemDto>>();
        Assert.DoesNotContain(mine.Items, t => t.Id == id);
    }

    [Fact]
    public async Task ACheckInFarFromTheHomeIsFlaggedNotRefused()
    {
        var o = await OfferAsync(1);
        await o.Worker.ActAsync(o.Request.Id, "accept", Step());

        var response = await o.Worker.ActAsync(o.Request.Id, "check-in", Step() with { Lat = o.Resident.HomeLat + 0.05, Lng = o.Resident.HomeLng });

        var task = await response.ReadAsync<TaskDto>();
        Assert.Equal((Stage.CheckedIn, true), (task.Stage, task.CheckIn!.Far));
        Assert.True(task.CheckIn.MetersFromHome > 5000);
        Assert.Equal("checked-in-far", task.History[^1].Action);
    }

    [Fact]
    public async Task StepsTheTasksStageDoesNotAllowAreConflicts()
    {
        var o = await OfferAsync(2);
        var id = o.Request.Id;

        var completeOffered = await o.Worker.ActAsync(id, "complete", Step() with { Outcome = "done" });
        var checkInOffered = await o.Worker.ActAsync(id, "check-in", Step() with { Lat = o.Resident.HomeLat, Lng = o.Resident.HomeLng });
        await o.Worker.ActAsync(id, "accept", Step());
        var acceptAgain = await o.Worker.ActAsync(id, "accept", Step());

        Assert.All([completeOffered, checkInOffered, acceptAgain], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("Offered", await completeOffered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnlyTheWorkerTheTaskIsWithMayActOnIt()
    {
        var o = await OfferAsync(3);
        var other = o.Request.WorkerId!.EndsWith("-C01") ? $"{o.Village}-P01" : $"{o.Village}-C01";
        using var otherWorker = await _world.WorkerAsync(other);

        var response = await otherWorker.ActAsync(o.Request.Id, "accept", Step());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DecliningNeedsAReasonAndOffersTheTaskToTheNextCandidate()
    {
        var o = await OfferAsync(4);
        var id = o.Request.Id;

        var noReason = await o.Worker.ActAsync(id, "decline", Step());
        var declined = await (await o.Worker.ActAsync(id, "decline", Step("今天在县里开会"))).ReadAsync<TaskDto>();

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(Stage.Offered, declined.Stage);
        Assert.NotEqual(o.Request.WorkerId, declined.WorkerId);
        Assert.Contains(declined.History, e => e.Action == "declined" && e.Detail == "今天在县里开会");
        var firstMine = await (await o.Worker.GetAsync("/api/tasks/mine")).ReadAsync<Page<TaskListItemDto>>();
        Assert.DoesNotContain(firstMine.Items, t => t.Id == id);
        using var next = await _world.WorkerAsync(declined.WorkerId!);
        var nextMine = await (await next.GetAsync("/api/tasks/mine")).ReadAsync<Page<TaskListItemDto>>();
        Assert.Contains(nextMine.Items, t => t.Id == id && t.Reason == declined.Reason);
    }

    [Fact]
    public async Task AReplayedActionIsAnsweredWithoutActingTwice()
    {
        var o = await OfferAsync(5);
        var step = Step();

        var first = await (await o.Worker.ActAsync(o.Request.Id, "accept", step)).ReadAsync<TaskDto>();
        var replay = await o.Worker.ActAsync(o.Request.Id, "accept", step);
        var sameIdOtherStep = await o.Worker.ActAsync(o.Request.Id, "decline", step with { Reason = "x" });

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(first.Version, (await replay.ReadAsync<TaskDto>()).Version);
        Assert.Equal(HttpStatusCode.Conflict, sameIdOtherStep.StatusCode);
    }

    [Fact]
    public async Task AStepMadeOnAStaleVersionIsRefusedWithPreconditionFailed()
    {
        var o = await OfferAsync(6);
        var get = await o.Worker.GetAsync($"/api/tasks/{o.Request.Id}");
        var etag = get.Headers.ETag!.Tag;

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{o.Request.Id}/accept") { Content = System.Net.Http.Json.JsonContent.Create(Step()) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        var fresh = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{o.Request.Id}/accept") { Content = System.Net.Http.Json.JsonContent.Create(Step()) };
        fresh.Headers.TryAddWithoutValidation("If-Match", etag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await o.Worker.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await o.Worker.SendAsync(fresh)).StatusCode);
    }

    [Fact]
    public async Task CompletingWhileAnOriginalIsStillOutIsRefusedNamingTheDocument()
    {
        var o = await OfferAsync(7);
        await o.Worker.ActAsync(o.Request.Id, "accept", Step());
        await o.Worker.ActAsync(o.Request.Id, "check-in", Step() with { Lat = o.Resident.HomeLat, Lng = o.Resident.HomeLng });

        var response = await o.Worker.ActAsync(o.Request.Id, "complete", Step() with
        {
            Outcome = "已提交", Documents = [new CustodyDto("身份证原件", DateTimeOffset.UtcNow, null)],
        });

        Assert.True((await RequestTests.ErrorsAsync(response)).TryGetProperty("documents[0].returnedAt", out _));
    }

    [Fact]
    public async Task ACustodyRecordWhoseReturnComesBeforeItsTakingIsRefusedAndTheTaskStaysOpen()
    {
        var o = await OfferAsync(9);
        await o.Worker.ActAsync(o.Request.Id, "accept", Step());
        await o.Worker.ActAsync(o.Request.Id, "check-in", Step() with { Lat = o.Resident.HomeLat, Lng = o.Resident.HomeLng });
        var taken = DateTimeOffset.UtcNow.AddMinutes(-10);

        var backwards = await o.Worker.ActAsync(o.Request.Id, "complete", Step() with
        {
            Outcome = "已提交", Documents = [new CustodyDto("户口簿原件", taken, taken.AddMinutes(-30))],
        });
        var future = await o.Worker.ActAsync(o.Request.Id, "complete", Step() with
        {
            Outcome = "已提交", Documents = [new CustodyDto("户口簿原件", taken, DateTimeOffset.UtcNow.AddDays(2))],
        });

        Assert.True((await RequestTests.ErrorsAsync(backwards)).TryGetProperty("documents[0].returnedAt", out _));
        Assert.True((await RequestTests.ErrorsAsync(future)).TryGetProperty("documents[0].returnedAt", out _));
        var task = await (await o.Worker.GetAsync($"/api/tasks/{o.Request.Id}")).ReadAsync<TaskDto>();
        Assert.Equal(Stage.CheckedIn, task.Stage);
        Assert.Empty(task.Documents);
    }

    [Fact]
    public async Task TheResidentMayCancelTheirRequestAndNothingMoreHappensToIt()
    {
        var o = await OfferAsync(8);
        using var resident = await _world.ResidentAsync(o.Resident.Id);

        var cancelled = await (await resident.ActAsync(o.Request.Id, "cancel", Step("已自行办理"))).ReadAsync<TaskDto>();
        var accept = await o.Worker.ActAsync(o.Request.Id, "accept", Step());

        Assert.Equal(Stage.Cancelled, cancelled.Stage);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
    }

    [Fact]
    public async Task AnAcceptedTaskThatCannotBeDoneFailsWithAReason()
    {
        var o = await OfferAsync(9);
        await o.Worker.ActAsync(o.Request.Id, "accept", Step());

        var failed = await (await o.Worker.ActAsync(o.Request.Id, "fail", Step("居民已搬离"))).ReadAsync<TaskDto>();

        Assert.Equal((Stage.Failed, "居民已搬离"), (failed.Stage, failed.Outcome));
    }

    [Fact]
    public async Task TheCenterMovesATaskToAnotherWorkerWhoThenHoldsIt()
    {
        var o = await OfferAsync(10);
        var to = o.Request.WorkerId!.EndsWith("-C01") ? $"{o.Village}-P01" : $"{o.Village}-C01";

        var moved = await (await o.Center.ActAsync(o.Request.Id, "reassign", Step("熟悉情况") with { WorkerId = to })).ReadAsync<TaskDto>();
        using var township = await factory.SignedInClientAsync(DemoAccounts.TownshipCoordinator);
        var outside = await township.ActAsync(o.Request.Id, "reassign", Step() with { WorkerId = o.Request.WorkerId });

        Assert.Equal((Stage.Offered, to), (moved.Stage, moved.WorkerId));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var oldMine = await (await o.Worker.GetAsync("/api/tasks/mine")).ReadAsync<Page<TaskListItemDto>>();
        Assert.DoesNotContain(oldMine.Items, t => t.Id == o.Request.Id);
    }
}
