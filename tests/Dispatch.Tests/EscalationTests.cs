using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

/// <summary>A gateway over a data directory the test owns, with escalation times of seconds, so it can be stopped and started again.</summary>
public sealed class ShortTimersGateway(string dataPath) : DispatchGateway
{
    public const string AcceptTimeout = "00:00:08";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        base.Settings().Where(s => s.Key != "Grid:DataDirectory").Concat(
        [
            new("Grid:DataDirectory", dataPath),
            new("Grid:Dispatch:AcceptTimeout", AcceptTimeout),
            new("Grid:Dispatch:TownshipEscalationDelay", "00:00:03"),
        ]);
}

[Collection(DispatchCollection.Name)]
public sealed class EscalationTests : IDisposable
{
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task UnacceptedOffersAndOverdueTasksEscalateOnDurableTimersEvenAfterARestart()
    {
        RequestDto lapsing, overdue;
        string village;
        await using (var first = new ShortTimersGateway(_data.Path))
        {
            await first.InitializeAsync();
            var world = new DispatchWorld(first);
            village = await world.FreshVillageAsync();
            var residents = await world.ResidentsAsync(village);
            using var center = await world.CenterAsync(village);
            lapsing = await (await center.RequestAsync(new CreateRequestDto(residents[0].Id, RequestTests.Item))).ReadAsync<RequestDto>();
            overdue = await (await center.RequestAsync(new CreateRequestDto(residents[1].Id, RequestTests.Item,
                Urgency: Urgency.Urgent, WindowEnd: DateTimeOffset.UtcNow.AddSeconds(8)))).ReadAsync<RequestDto>();
            Assert.Equal(TaskStage.Offered, lapsing.Stage);
        }

        await using var second = new ShortTimersGateway(_data.Path);
        await second.InitializeAsync();
        var again = new DispatchWorld(second);
        using var admin = await again.AdminAsync();
        using var township = await again.CoordinatorAsync(RegionCodes.TownshipOf(village));
        var until = DateTime.UtcNow.AddSeconds(90);
        TaskDto reoffered, escalated;
        do
        {
            await Task.Delay(1000);
            reoffered = await (await admin.GetAsync($"/api/tasks/{lapsing.Id}")).ReadAsync<TaskDto>();
            escalated = await (await admin.GetAsync($"/api/tasks/{overdue.Id}")).ReadAsync<TaskDto>();
        }
        while ((reoffered.WorkerId == lapsing.WorkerId || escalated.EscalationLevel < 2) && DateTime.UtcNow < until);

        Assert.Contains(reoffered.History, e => e.Action == "offer-expired" && e.WorkerId == lapsing.WorkerId);
        Assert.NotEqual(lapsing.WorkerId, reoffered.WorkerId);
        Assert.Equal(2, escalated.EscalationLevel);
        Assert.True(escalated.Overdue);
        var centerNotes = await (await township.GetAsync($"/api/notifications?region={village}")).ReadAsync<Page<NotificationDto>>();
        var townshipNotes = await (await township.GetAsync("/api/notifications")).ReadAsync<Page<NotificationDto>>();
        Assert.Contains(centerNotes.Items, n => n.Kind == "overdue" && n.TaskId == overdue.Id);
        Assert.Contains(townshipNotes.Items, n => n.Kind == "overdue" && n.TaskId == overdue.Id);
        var overdueList = await (await township.GetAsync("/api/tasks?overdue=true")).ReadAsync<Page<TaskListItemDto>>();
        Assert.Contains(overdueList.Items, t => t.Id == overdue.Id);
    }
}
