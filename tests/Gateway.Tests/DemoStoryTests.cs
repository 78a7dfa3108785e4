using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>A fresh demo city of its own, so no other test's tasks load the demo worker.</summary>
public sealed class DemoStoryGateway : GatewayFactory;

/// <summary>
/// The README walk-through with the demo accounts as listed, on a fresh seed: the resident asks for help
/// and the demo worker gets it, serves it, the resident rates it badly, the center rectifies it and the
/// statistics count it; the resident reads their own record and service record; the hall has a roster.
/// </summary>
public sealed class DemoStoryTests(DemoStoryGateway gateway) : IClassFixture<DemoStoryGateway>
{
    [Fact]
    public async Task TheReadmeWalkThroughWorksWithTheDemoAccounts()
    {
        using var resident = await gateway.SignedInClientAsync(DemoAccounts.Resident);
        using var worker = await gateway.SignedInClientAsync(DemoAccounts.Worker);
        using var center = await gateway.SignedInClientAsync(DemoAccounts.Center);
        using var bureau = await gateway.SignedInClientAsync(DemoAccounts.DataBureau);
        var me = await Read<AccountDto>(await resident.GetAsync("/api/auth/me"));
        var workerId = (await Read<AccountDto>(await worker.GetAsync("/api/auth/me"))).SubjectId!;
        var residentId = me.SubjectId!;
        var village = me.RegionCode!;

        // 1. The resident reads their own record in full, and nobody else's.
        var own = await Read<ResidentDto>(await resident.GetAsync($"/api/residents/{residentId}"));
        Assert.False(own.IdNumberMasked || own.PhoneMasked || own.AddressMasked, "a resident sees their own record in full");
        var neighbour = residentId[..^3] + "002";
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/residents/{neighbour}")).StatusCode);

        // 2. They ask for help; the demo worker, who serves their grid and has visited them, gets it.
        var asked = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new CreateRequestDto(residentId, Requests.ItemCode, Note: "代办申请材料"), options: Json.Options),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        };
        var request = await Read<RequestDto>(await resident.SendAsync(asked));
        Assert.Equal(workerId, request.WorkerId);

        // 3. The worker accepts, checks in at the home and completes.
        await Act(worker, request.Id, "accept", new());
        await Act(worker, request.Id, "check-in", new() { Lat = own.HomeLat, Lng = own.HomeLng });
        var done = await Act(worker, request.Id, "complete", new() { Outcome = "已代办并交回原件" });
        Assert.Equal(TaskStage.Completed, done.Stage);

        // 4. The resident reads the service record and rates it badly; a rectification opens.
        var record = await Read<ServiceRecordDto>(await resident.GetAsync($"/api/service-records/{request.Id}"));
        Assert.Equal(residentId, record.ResidentId);
        var rated = await Read<EvaluationDto>(await resident.PostAsJsonAsync("/api/evaluations",
            new CreateEvaluationRequest(request.Id, Satisfaction.Dissatisfied, null, "等了很久", RatingChannel.Portal), Json.Options));
        Assert.NotNull(rated.RectificationUrl);

        // 5. The center calls back, verifies, fixes with evidence; the resident re-rates.
        await Step(center, request.Id, new(RectificationActionKind.CallBack, "已电话回访", null, null));
        await Step(center, request.Id, new(RectificationActionKind.Verify, "核实：材料准备不齐", null, null));
        await Step(center, request.Id, new(RectificationActionKind.Fix, "已补齐材料并办结", ["photo-1"], null));
        var closed = await Step(resident, request.Id, new(RectificationActionKind.ReRate, null, null, Satisfaction.Satisfied));
        Assert.Equal(RectificationState.Closed, closed.Status);

        // 6. The data bureau's statistics for the worker count the service, the bad review and its rectification.
        var stats = await Read<StatisticsDto>(await bureau.GetAsync($"/api/statistics/worker/{workerId}"));
        Assert.True(stats.Evaluations >= 1 && stats.BadReviews >= 1 && stats.RectifiedOnTime >= 1, $"{stats}");

        // 7. The hall display's roster is published from the first start.
        using var anonymous = gateway.CreateClient();
        var roster = await Read<RosterVersionDto>(await anonymous.GetAsync($"/api/public/villages/{village}/roster"));
        Assert.Contains(roster.Entries, e => e.WorkerId == workerId);
        Assert.DoesNotContain(roster.Entries, e => e.Phone.StartsWith('1')); // the center's number, not workers' mobiles
    }

    private static async Task<TaskDto> Act(HttpClient client, string taskId, string action, TaskActionDto body) =>
        await Read<TaskDto>(await client.PostAsJsonAsync($"/api/tasks/{taskId}/{action}", body with { ActionId = Guid.NewGuid().ToString("N") }, Json.Options));

    private static async Task<RectificationDto> Step(HttpClient client, string id, RectificationStepRequest step) =>
        await Read<RectificationDto>(await client.PostAsJsonAsync($"/api/rectifications/{id}/steps", step, Json.Options));

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, Json.Options)!;
    }
}
