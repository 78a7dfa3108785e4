using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Testing;
using static Grid.Evaluations.Tests.EvaluationClient;

namespace Grid.Evaluations.Tests;

/// <summary>
/// Issue 14 (4): a worker cannot create a rating for a service they performed, by any route; the
/// rating belongs to the served resident (or a registered proxy), through links delivered to them.
/// </summary>
[Collection(EvaluationsCollection.Name)]
public sealed class RatingForgeryTests(EvaluationsFactory factory)
{
    private readonly ServedResidentWorld _world = new(factory);

    private static QrEvaluationRequest Glowing => new(Satisfaction.VerySatisfied, null, "非常好");

    [Fact]
    public async Task TheWorkerWhoPerformedAServiceCannotRateItByAnyRouteButTheResidentCanOnce()
    {
        var s = await _world.PerformAsync();
        var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        var before = await WorkerStatsAsync(admin, s.WorkerId);
        var sms = await _world.SmsAsync(s.Village, s.RecordId, 2);
        Assert.Equal(2, sms.Count);
        Assert.Contains(sms, m => m.Phone == ServedResidentWorld.ProxyPhone);

        // Every channel of POST /api/evaluations, the portal route included, with the worker's own token.
        foreach (var channel in Enum.GetValues<RatingChannel>())
            await AssertRefusedAsync(await s.Worker.PostAsJsonAsync("/api/evaluations",
                new CreateEvaluationRequest(s.RecordId, Satisfaction.VerySatisfied, null, null, channel), Json.Options), HttpStatusCode.Forbidden);
        // Minting a link for their own record.
        await AssertRefusedAsync(await s.Worker.PostAsync($"/api/service-records/{s.RecordId}/qr-token", null), HttpStatusCode.Forbidden);
        // A genuine link of another record (a slip the worker got hold of), pointed at their own record.
        var other = await s.Center.RegisterAsync(Window(NewId("other"), s.Village));
        var slip = await (await s.Center.PostAsync($"/api/service-records/{other.Id}/qr-token", null)).ReadAsync<QrTokenDto>();
        var borrowed = RatingLinks.Token(s.RecordId, slip.Token[(slip.Token.IndexOf('.') + 1)..]);
        var anonymous = factory.CreateClient();
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync($"/api/public/evaluations/qr/{borrowed}", Glowing, Json.Options), HttpStatusCode.Forbidden);
        await AssertRefusedAsync(await s.Worker.PostAsJsonAsync($"/api/public/evaluations/qr/{borrowed}", Glowing, Json.Options), HttpStatusCode.Forbidden);
        // A made-up link for their record.
        var guessed = RatingLinks.Token(s.RecordId, RatingLinks.NewSecret());
        await AssertRefusedAsync(await anonymous.PostAsJsonAsync($"/api/public/evaluations/qr/{guessed}", Glowing, Json.Options), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/evaluations/{s.RecordId}")).StatusCode);
        Assert.Equal(before.Evaluations, (await WorkerStatsAsync(admin, s.WorkerId)).Evaluations);

        // The resident's own SMS link rates once; the second use and the proxy's link are spent.
        var residentLink = ServedResidentWorld.ApiPathOf(sms.Single(m => m.Phone != ServedResidentWorld.ProxyPhone));
        var shown = await (await anonymous.GetAsync(residentLink)).ReadAsync<QrServiceDto>();
        var rated = await anonymous.PostAsJsonAsync(residentLink, new QrEvaluationRequest(Satisfaction.Satisfied, null, "很好"), Json.Options);
        var again = await anonymous.PostAsJsonAsync(residentLink, Glowing, Json.Options);
        var proxyAfter = await anonymous.PostAsJsonAsync(ServedResidentWorld.ApiPathOf(sms.Single(m => m.Phone == ServedResidentWorld.ProxyPhone)), Glowing, Json.Options);

        Assert.False(shown.AlreadyRated);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        await AssertRefusedAsync(again, HttpStatusCode.Conflict);
        await AssertRefusedAsync(proxyAfter, HttpStatusCode.Conflict);
        var stored = await (await admin.GetAsync($"/api/evaluations/{s.RecordId}")).ReadAsync<EvaluationDto>();
        Assert.Equal((Satisfaction.Satisfied, RatingChannel.QrCode, "Resident", false), (stored.Overall, stored.Channel, stored.EnteredByRole, stored.Flagged));
        Assert.StartsWith("link:", stored.EnteredBy);
        Assert.Equal(before.Evaluations + 1, (await WorkerStatsAsync(admin, s.WorkerId)).Evaluations);
    }

    [Fact]
    public async Task ARegisteredProxyRatesThroughTheLinkSentToTheirPhone()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var resident = await _world.WithProxyAsync($"{EvaluationsFactory.CenterVillage}-R002");
        var record = await center.RegisterAsync(Window(NewId("proxy"), EvaluationsFactory.CenterVillage) with { ResidentId = resident.Id });
        var proxySms = Assert.Single(await _world.SmsAsync(EvaluationsFactory.CenterVillage, record.Id, 2), m => m.Phone == ServedResidentWorld.ProxyPhone);
        Assert.Contains("您的家人", proxySms.Text);

        var rated = await factory.CreateClient().PostAsJsonAsync(ServedResidentWorld.ApiPathOf(proxySms), new QrEvaluationRequest(Satisfaction.VerySatisfied, null, null), Json.Options);

        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal("Proxy", (await (await center.GetAsync($"/api/evaluations/{record.Id}")).ReadAsync<EvaluationDto>()).EnteredByRole);
    }

    [Fact]
    public async Task StaffPhoneRatingsCarryTheEntrantAndAreFlaggedWhenTheEntrantServedAndStatisticsCanLeaveThemOut()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        var staff = NewId("clerk");
        var byOther = await admin.RegisterAsync(Window(NewId("ph"), EvaluationsFactory.CenterVillage, staff: staff));
        var ownService = await center.RegisterAsync(Window(NewId("own"), EvaluationsFactory.CenterVillage, staff: DemoAccounts.Center));

        var independent = await (await center.RateByPhoneAsync(byOther.Id, Satisfaction.Satisfied)).ReadAsync<EvaluationDto>();
        var own = await (await center.RateByPhoneAsync(ownService.Id, Satisfaction.VerySatisfied)).ReadAsync<EvaluationDto>();
        var all = await (await admin.GetAsync($"/api/statistics/worker/{DemoAccounts.Center}")).ReadAsync<StatisticsDto>();
        var unflagged = await (await admin.GetAsync($"/api/statistics/worker/{DemoAccounts.Center}?excludeFlagged=true")).ReadAsync<StatisticsDto>();

        Assert.Equal((DemoAccounts.Center, Roles.CenterStaff, false, (string?)null), (independent.EnteredBy, independent.EnteredByRole, independent.Flagged, independent.FlagReason));
        Assert.Equal((DemoAccounts.Center, Roles.CenterStaff, true), (own.EnteredBy, own.EnteredByRole, own.Flagged));
        Assert.Contains("served", own.FlagReason);
        Assert.Equal((false, all.FlaggedEvaluations), (all.FlaggedExcluded, unflagged.FlaggedEvaluations));
        Assert.True(all.FlaggedEvaluations >= 1);
        Assert.Equal(all.Evaluations - all.FlaggedEvaluations, unflagged.Evaluations);
        Assert.Equal(all.Services, unflagged.Services);
    }

    [Fact]
    public async Task TheWindowSlipIsShownOnceAndASlipPrintedByTheServerGivesAFlaggedRating()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("slip"), EvaluationsFactory.CenterVillage, staff: DemoAccounts.Center));

        var slip = await (await center.PostAsync($"/api/service-records/{record.Id}/qr-token", null)).ReadAsync<QrTokenDto>();
        var reprint = await center.PostAsync($"/api/service-records/{record.Id}/qr-token", null);
        var rated = await factory.CreateClient().PostAsJsonAsync(slip.ApiUrl, Glowing, Json.Options);

        await AssertRefusedAsync(reprint, HttpStatusCode.Conflict);
        var shown = await rated.ReadAsync<EvaluationDto>();
        Assert.Equal((false, (string?)null), (shown.Flagged, shown.EnteredBy));
        var stored = await (await center.GetAsync($"/api/evaluations/{record.Id}")).ReadAsync<EvaluationDto>();
        Assert.Equal(("Slip", true), (stored.EnteredByRole, stored.Flagged));
    }

    private static async Task<StatisticsDto> WorkerStatsAsync(HttpClient client, string workerId) =>
        await (await client.GetAsync($"/api/statistics/worker/{workerId}")).ReadAsync<StatisticsDto>();

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(expected == response.StatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
