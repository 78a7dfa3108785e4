using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Grid.Evaluations.Tests.EvaluationClient;

namespace Grid.Evaluations.Tests;

[Collection(EvaluationsCollection.Name)]
public sealed class StatisticsApiTests(EvaluationsFactory factory)
{
    private const string Village = "421221100002";
    private const string Township = "421221100000";

    [Fact]
    public async Task StatisticsEqualARecountFromTheRawEvaluations()
    {
        var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        var bureau = await factory.SignedInClientAsync(DemoAccounts.DataBureau);
        // Not the admin who registered the services: a registrant's own phone entries are flagged and left out of the assessment.
        var rater = await new ServedResidentWorld(factory).AccountAsync(Roles.Admin, RegionCodes.City, null);
        var (item, staff) = (NewId("ITEM"), NewId("staff"));
        Satisfaction?[] levels =
        [
            Satisfaction.VerySatisfied, Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.Dissatisfied,
            Satisfaction.VeryDissatisfied, Satisfaction.Satisfied, Satisfaction.VerySatisfied, Satisfaction.Dissatisfied,
            Satisfaction.Satisfied, Satisfaction.BasicallySatisfied, Satisfaction.VeryDissatisfied, null, null,
        ];
        var ids = new List<string>();
        foreach (var level in levels)
        {
            var record = await admin.RegisterAsync(Window(NewId("st"), Village, item, staff));
            ids.Add(record.Id);
            if (level is { } l) await (await rater.RateByPhoneAsync(record.Id, l)).ReadAsync<EvaluationDto>();
        }
        var bad = ids.Where((_, i) => levels[i] >= Satisfaction.Dissatisfied).ToList();
        await (await admin.StepAsync(bad[0], RectificationActionKind.CallBack, "called")).ReadAsync<RectificationDto>();
        await (await admin.StepAsync(bad[0], RectificationActionKind.Verify, "checked")).ReadAsync<RectificationDto>();
        await (await admin.StepAsync(bad[0], RectificationActionKind.Fix, "fixed", ["photo"])).ReadAsync<RectificationDto>();
        await (await admin.StepAsync(bad[1], RectificationActionKind.CallBack, "called")).ReadAsync<RectificationDto>();
        await (await admin.PostAsJsonAsync($"/api/rectifications/{bad[3]}/appeal", new AppealRequest(AppealGround.Mistaken, "wrong window"), Json.Options)).ReadAsync<RectificationDto>();
        await (await bureau.PostAsJsonAsync($"/api/rectifications/{bad[3]}/appeal/decision", new AppealDecisionRequest(true, "rated the wrong service"), Json.Options)).ReadAsync<RectificationDto>();

        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var facts = await Task.WhenAll(ids.Select(id => grains.GetGrain<IEvaluationGrain>(id).GetFactAsync()));
        var recount = EvaluationStatistics.Tally(facts.Select(f => f!));
        var rates = EvaluationStatistics.Rates(recount);
        Assert.Equal((13, 10, 3, 2, 1, 1), (recount.Services, recount.Evaluations, recount.BadReviews, recount.CalledBack, recount.RectifiedOnTime, recount.Voided));

        foreach (var (dimension, key) in new[] { ("village", Village), ("township", Township), ("item", item), ("worker", staff) })
        {
            var stats = await (await admin.GetAsync($"/api/statistics/{dimension}/{key}")).ReadAsync<StatisticsDto>();
            Assert.Equal((recount.Services, recount.Evaluations, recount.BadReviews, recount.CalledBack, recount.RectificationsDue, recount.RectifiedOnTime, recount.Voided),
                (stats.Services, stats.Evaluations, stats.BadReviews, stats.CalledBack, stats.RectificationsDue, stats.RectifiedOnTime, stats.Voided));
            Assert.Equal(recount.LevelCounts, Enum.GetValues<Satisfaction>().Select(s => stats.Levels[s]));
            Assert.Equal(rates, new EvaluationRates(stats.SatisfactionRate, stats.BadReviewRate, stats.CallbackRate, stats.OnTimeRectificationRate, stats.AverageHoursToComplete));
        }

        var month = await (await factory.CreateClient().GetAsync($"/api/public/regions/{Village}/satisfaction")).ReadAsync<RegionSatisfactionDto>();
        Assert.Equal(recount.Evaluations, month.Months[^1].Evaluations);
        Assert.Equal(rates.SatisfactionRate, month.Months[^1].SatisfactionRate);

        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        var quality = await (await bureau.GetAsync($"/api/quality-assessment?region={Village}&from={today:yyyy-MM}-01")).ReadAsync<QualityAssessmentDto>();
        var assessed = Assert.Single(quality.Items, i => i.ItemCode == item);
        Assert.Equal((13, 0), (assessed.Volume, assessed.FlaggedEvaluations));
        Assert.Equal(QualityVerdict.Review, assessed.Suggestion);
    }

    [Fact]
    public async Task OnlyTheDataBureauDecidesAnAppeal()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("ap"), EvaluationsFactory.CenterVillage));
        await (await center.RateByPhoneAsync(record.Id, Satisfaction.VeryDissatisfied)).ReadAsync<EvaluationDto>();
        await (await center.PostAsJsonAsync($"/api/rectifications/{record.Id}/appeal", new AppealRequest(AppealGround.Malicious, "the resident was never served here"), Json.Options)).ReadAsync<RectificationDto>();
        var decision = new AppealDecisionRequest(true, "upheld");

        var byCoordinator = await (await factory.SignedInClientAsync(DemoAccounts.Coordinator)).PostAsJsonAsync($"/api/rectifications/{record.Id}/appeal/decision", decision, Json.Options);
        var byAdmin = await (await factory.SignedInClientAsync(DemoAccounts.Admin)).PostAsJsonAsync($"/api/rectifications/{record.Id}/appeal/decision", decision, Json.Options);
        var byBureau = await (await factory.SignedInClientAsync(DemoAccounts.DataBureau)).PostAsJsonAsync($"/api/rectifications/{record.Id}/appeal/decision", decision, Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, byCoordinator.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAdmin.StatusCode);
        var decided = await byBureau.ReadAsync<RectificationDto>();
        Assert.Equal(RectificationState.Withdrawn, decided.Status);
        Assert.Equal(true, decided.Appeal!.Upheld);
        Assert.Equal(DemoAccounts.DataBureau, decided.Appeal.DecidedBy);
    }

    [Fact]
    public async Task StatisticsOfARegionOutsideTheCallersAreForbidden()
    {
        var coordinator = await factory.SignedInClientAsync(DemoAccounts.OtherCoordinator);

        var response = await coordinator.GetAsync($"/api/statistics/village/{EvaluationsFactory.CenterVillage}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AWorkersStatisticsAreRefusedToACallerWhoseRegionTheWorkerIsOutside()
    {
        var worker = await factory.SignedInClientAsync(DemoAccounts.Worker);
        var workerId = (await (await worker.GetAsync("/api/auth/me")).ReadAsync<AccountDto>()).SubjectId!;
        var outside = await factory.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var inside = await factory.SignedInClientAsync(DemoAccounts.Center);
        Assert.False(RegionCodes.Contains((await (await outside.GetAsync("/api/auth/me")).ReadAsync<AccountDto>()).RegionCode, workerId));

        var refused = await outside.GetAsync($"/api/statistics/worker/{workerId}");
        var allowed = await inside.GetAsync($"/api/statistics/worker/{workerId}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(workerId, (await allowed.ReadAsync<StatisticsDto>()).Key);
    }
}
