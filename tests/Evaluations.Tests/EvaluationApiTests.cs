using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;
using static Grid.Evaluations.Tests.EvaluationClient;

namespace Grid.Evaluations.Tests;

[Collection(EvaluationsCollection.Name)]
public sealed class EvaluationApiTests(EvaluationsFactory factory)
{
    [Fact]
    public async Task ASecondEvaluationOfTheSameServiceIsRefused()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("dup"), EvaluationsFactory.CenterVillage));

        var first = await center.RateByPhoneAsync(record.Id, Satisfaction.Satisfied);
        var second = await center.RateByPhoneAsync(record.Id, Satisfaction.VerySatisfied);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("一次一评", await second.Content.ReadAsStringAsync());
        Assert.Equal(Satisfaction.Satisfied, (await (await center.GetAsync($"/api/evaluations/{record.Id}")).ReadAsync<EvaluationDto>()).Overall);
    }

    [Fact]
    public async Task ARetriedEvaluationWithTheSameIdempotencyKeyIsAcceptedOnce()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("idem"), EvaluationsFactory.CenterVillage));
        var body = new CreateEvaluationRequest(record.Id, Satisfaction.Satisfied, null, null, RatingChannel.Phone);
        HttpRequestMessage Post() => new(HttpMethod.Post, "/api/evaluations") { Content = JsonContent.Create(body, options: Json.Options), Headers = { { "Idempotency-Key", "k-1" } } };

        var first = await center.SendAsync(Post());
        var retry = await center.SendAsync(Post());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.ReadAsync<EvaluationDto>()).EvaluatedAt, (await retry.ReadAsync<EvaluationDto>()).EvaluatedAt);
    }

    [Fact]
    public async Task AResidentRatesThroughTheQrLinkOnceAndTheBadReviewShowsOnTheCoordinatorsList()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("qr"), EvaluationsFactory.CenterVillage));
        var qr = await (await center.PostAsync($"/api/service-records/{record.Id}/qr-token", null)).ReadAsync<QrTokenDto>();
        var anonymous = factory.CreateClient();

        var shown = await (await anonymous.GetAsync(qr.ApiUrl)).ReadAsync<QrServiceDto>();
        var rated = await anonymous.PostAsJsonAsync(qr.ApiUrl, new QrEvaluationRequest(Satisfaction.Dissatisfied, null, "等了很久"), Json.Options);
        var again = await anonymous.PostAsJsonAsync(qr.ApiUrl, new QrEvaluationRequest(Satisfaction.VerySatisfied, null, null), Json.Options);
        var shownAfter = await (await anonymous.GetAsync(qr.ApiUrl)).ReadAsync<QrServiceDto>();

        Assert.Equal($"/rate/{qr.Token}", qr.Url);
        Assert.False(shown.AlreadyRated);
        Assert.Equal("居民养老保险参保登记", shown.ItemName);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.True(shownAfter.AlreadyRated);

        var evaluation = await rated.ReadAsync<EvaluationDto>();
        var coordinator = await factory.SignedInClientAsync(DemoAccounts.Coordinator);
        var list = await (await coordinator.GetAsync("/api/rectifications?pageSize=100")).ReadAsync<Page<RectificationSummaryDto>>();
        var item = Assert.Single(list.Items, r => r.RecordId == record.Id);
        var reviewDay = DateOnly.FromDateTime(evaluation.EvaluatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(new DateTimeOffset(reviewDay.AddDays(8).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), item.DueAt);
        Assert.Equal(TimeSpan.FromHours(8), item.DueAt.Offset);
        Assert.Equal(EvaluationsFactory.CenterVillage, item.ResponsibleRegion);
        Assert.False(item.Overdue);

        var other = await factory.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        var otherList = await (await other.GetAsync("/api/rectifications?pageSize=100")).ReadAsync<Page<RectificationSummaryDto>>();
        Assert.DoesNotContain(otherList.Items, r => r.RecordId == record.Id);
    }

    [Fact]
    public async Task AnAlteredQrLinkIsRefused()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("qrx"), EvaluationsFactory.CenterVillage));
        var qr = await (await center.PostAsync($"/api/service-records/{record.Id}/qr-token", null)).ReadAsync<QrTokenDto>();
        var altered = qr.ApiUrl[..^3] + (qr.ApiUrl[^3] == 'A' ? "BAA" : "AAA");

        var response = await factory.CreateClient().PostAsJsonAsync(altered, new QrEvaluationRequest(Satisfaction.Satisfied, null, null), Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ABadReviewInAWorkingDayRegionIsDueSevenWorkingDaysLater()
    {
        var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        var record = await admin.RegisterAsync(Window(NewId("wd"), EvaluationsFactory.WorkingDayVillage));
        var evaluation = await (await admin.RateByPhoneAsync(record.Id, Satisfaction.VeryDissatisfied)).ReadAsync<EvaluationDto>();

        var rectification = await (await admin.GetAsync(evaluation.RectificationUrl)).ReadAsync<RectificationDto>();

        var reviewDay = DateOnly.FromDateTime(evaluation.EvaluatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var lastDay = Grid.Grains.Evaluations.WorkingDayCalendar.China.AddWorkingDays(reviewDay, 7);
        Assert.Equal(new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), rectification.DueAt);
        Assert.Equal("7 working days", rectification.DeadlineRule);
    }

    [Fact]
    public async Task ARectificationIsCalledBackVerifiedFixedWithEvidenceAndReRated()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("fix"), EvaluationsFactory.CenterVillage));
        await (await center.RateByPhoneAsync(record.Id, Satisfaction.Dissatisfied)).ReadAsync<EvaluationDto>();

        var early = await center.StepAsync(record.Id, RectificationActionKind.Fix, "done", ["photo-1"]);
        await (await center.StepAsync(record.Id, RectificationActionKind.CallBack, "called the resident")).ReadAsync<RectificationDto>();
        await (await center.StepAsync(record.Id, RectificationActionKind.Verify, "the queue was too long")).ReadAsync<RectificationDto>();
        var noEvidence = await center.StepAsync(record.Id, RectificationActionKind.Fix, "added a window");
        var fixedOne = await (await center.StepAsync(record.Id, RectificationActionKind.Fix, "added a window", ["photo-1"])).ReadAsync<RectificationDto>();
        var closed = await (await center.StepAsync(record.Id, RectificationActionKind.ReRate, level: Satisfaction.Satisfied)).ReadAsync<RectificationDto>();

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEvidence.StatusCode);
        Assert.True(fixedOne.ResolvedOnTime);
        Assert.Equal(RectificationState.Closed, closed.Status);
        Assert.Equal(Satisfaction.Satisfied, closed.ReRating);
    }

    [Fact]
    public async Task AStaleIfMatchIsRefusedWith412()
    {
        var center = await factory.SignedInClientAsync(DemoAccounts.Center);
        var record = await center.RegisterAsync(Window(NewId("etag"), EvaluationsFactory.CenterVillage));
        await (await center.RateByPhoneAsync(record.Id, Satisfaction.Dissatisfied)).ReadAsync<EvaluationDto>();
        var get = await center.GetAsync($"/api/rectifications/{record.Id}");
        var etag = get.Headers.ETag!.Tag;
        await (await center.StepAsync(record.Id, RectificationActionKind.CallBack, "called")).ReadAsync<RectificationDto>();

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/rectifications/{record.Id}/steps")
        {
            Content = JsonContent.Create(new RectificationStepRequest(RectificationActionKind.Verify, "checked", null, null), options: Json.Options),
            Headers = { { "If-Match", etag } },
        };

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await center.SendAsync(stale)).StatusCode);
    }
}
