using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using static Grid.Evaluations.Tests.EvaluationClient;

namespace Grid.Evaluations.Tests;

/// <summary>The process stops after a bad review and a new one starts over the same database: the deadline still fires.</summary>
public sealed class RestartEscalationTests
{
    [Fact]
    public async Task AnOverdueRectificationEscalatesAfterTheProcessRestarts()
    {
        using var data = new TempDirectory();
        string recordId;
        var first = new RestartableFactory(data.Path);
        await first.InitializeAsync();
        try
        {
            var admin = await first.SignedInClientAsync(DemoAccounts.Admin);
            var record = await admin.RegisterAsync(Window(NewId("rs"), EvaluationsFactory.FastVillage));
            recordId = record.Id;
            await (await admin.RateByPhoneAsync(recordId, Satisfaction.Dissatisfied)).ReadAsync<EvaluationDto>();
            var opened = await (await admin.GetAsync($"/api/rectifications/{recordId}")).ReadAsync<RectificationDto>();
            Assert.False(opened.Overdue);
            Assert.Equal(EvaluationsFactory.FastVillage, opened.ResponsibleRegion);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var second = new RestartableFactory(data.Path);
        await second.InitializeAsync();
        try
        {
            var admin = await second.SignedInClientAsync(DemoAccounts.Admin);
            await (await admin.PutAsJsonAsync("/api/admin/accounts/tongshan", new { UserName = "tongshan", DisplayName = "通山县政数局",
                Password = GatewayFactory.DemoPassword, Role = Roles.Coordinator, RegionCode = EvaluationsFactory.FastCounty, SubjectId = (string?)null })).ReadAsync<AccountDto>();
            var coordinator = await second.SignedInClientAsync("tongshan");
            RectificationSummaryDto? escalated = null;
            for (var until = DateTime.UtcNow.AddSeconds(110); escalated is null && DateTime.UtcNow < until; await Task.Delay(1000))
            {
                var overdue = await (await coordinator.GetAsync("/api/rectifications?overdue=true")).ReadAsync<Page<RectificationSummaryDto>>();
                escalated = overdue.Items.SingleOrDefault(r => r.RecordId == recordId);
            }

            Assert.NotNull(escalated);
            // Village → township first; the township's own short deadline may already have moved it on to the county.
            Assert.InRange(escalated.Escalations, 1, 2);
            Assert.Contains(escalated.ResponsibleRegion, new[] { "421224100000", EvaluationsFactory.FastCounty });
            var stats = await (await coordinator.GetAsync($"/api/statistics/village/{EvaluationsFactory.FastVillage}")).ReadAsync<StatisticsDto>();
            Assert.Equal((1, 0), (stats.RectificationsDue, stats.RectifiedOnTime));
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }
}
