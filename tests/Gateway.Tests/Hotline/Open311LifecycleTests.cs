using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Geo;
using Grid.Testing;

namespace Grid.Gateway.Tests.Hotline;

/// <summary>
/// The must-show path: an order filed through Open311 at a point in 通城县 reaches that place's
/// township unit, is signed for, extended once with approval, answered, called back and rated; its
/// clocks fall on working days across a holiday, and the order and its clocks survive a restart.
/// </summary>
public sealed class Open311LifecycleTests
{
    [Fact]
    public async Task AnOpen311OrderInTongchengRunsItsWholeLifeOnWorkingDaysAcrossAHolidayAndARestart()
    {
        using var data = new TempDirectory();
        string id, township;
        WorkOrderDto signed;
        var first = new RestartableHotlineFactory(data.Path);
        await first.InitializeAsync();
        try
        {
            var admin = await first.SignedInClientAsync(DemoAccounts.Admin);
            var (lat, lng) = await PointInAsync(admin, HotlineFactory.TongchengCounty);
            var place = await (await first.CreateClient().GetAsync($"/api/regions/locate?lat={lat:R}&lng={lng:R}")).ReadAsync<LocationDto>();
            Assert.Equal(HotlineFactory.TongchengCounty, place.County.Code); // precondition: the point lies in 通城县
            township = place.Township.Code;
            Assert.Equal(2, first.TestHolidays.Count);
            Assert.All(first.TestHolidays, d => Assert.False(first.Calendar.IsWorkingDay(d)));

            var filed = await first.CreateClient().PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["api_key"] = HotlineFactory.ApiKey, ["service_code"] = "road-damage", ["lat"] = $"{lat:R}", ["long"] = $"{lng:R}",
                ["description"] = "村道塌了一个大坑", ["first_name"] = "李", ["last_name"] = "四", ["phone"] = "13900000000",
                ["email"] = "li4@example.com", ["attribute[severity]"] = "较重",
            }));
            var receipt = await filed.ReadAsync<Open311Receipt[]>();
            id = Assert.Single(receipt).service_request_id;

            var coordinator = await first.SignedInClientAsync(DemoAccounts.OtherCoordinator); // 通城县
            var order = await coordinator.GetOrderAsync(id);
            Assert.Equal((WorkOrderStage.Dispatched, HandlingUnitKind.Region, township), (order.Stage, order.UnitKind!.Value, order.UnitId));
            Assert.Equal(WorkOrderChannel.Open311, order.Channel);
            Assert.Null(order.CallerPhone); // a unit does not see the caller
            Assert.Contains(id, (await coordinator.InboxAsync(HandlingUnitKind.Region, township)).Items.Select(o => o.Id));

            // Sign-for: 1 working day. Received today, the next two weekdays are holidays: the due day is after them.
            var received = DateOnly.FromDateTime(order.ReceivedAt.DateTime);
            var signDay = HotlineClient.LastDay(order.SignForDue!.Value);
            Assert.Equal(first.Calendar.AddWorkingDays(received, 1), signDay);
            Assert.True(first.Calendar.IsWorkingDay(signDay));
            Assert.True(signDay > first.TestHolidays[1], $"sign-for due {signDay} does not cross the holiday {first.TestHolidays[1]}");
            Assert.Equal(first.Calendar.AddWorkingDays(received, 5), HotlineClient.LastDay(order.AnswerDue!.Value));

            signed = await coordinator.StepAsync(id, "sign-for");
            Assert.Equal(WorkOrderStage.SignedFor, signed.Stage);
        }
        finally
        {
            await ((IAsyncLifetime)first).DisposeAsync();
        }

        var second = new RestartableHotlineFactory(data.Path);
        await second.InitializeAsync();
        try
        {
            var coordinator = await second.SignedInClientAsync(DemoAccounts.OtherCoordinator);
            var center = await second.SignedInClientAsync(DemoAccounts.DataBureau);
            var again = await coordinator.GetOrderAsync(id);
            Assert.Equal((WorkOrderStage.SignedFor, signed.SignForDue, signed.AnswerDue, signed.Version),
                (again.Stage, again.SignForDue, again.AnswerDue, again.Version));

            await coordinator.StepAsync(id, "extension", new ExtensionRequestDto(3, "需协调公路部门"));
            var extended = await center.StepAsync(id, "extension/decision", new ExtensionDecisionRequest(true, null));
            var answerDay = HotlineClient.LastDay(extended.AnswerDue!.Value);
            Assert.Equal(second.Calendar.AddWorkingDays(HotlineClient.LastDay(again.AnswerDue!.Value), 3), answerDay);
            Assert.True(second.Calendar.IsWorkingDay(answerDay));
            Assert.Equal(1, extended.Extensions);

            await coordinator.StepAsync(id, "notes", new WorkOrderReasonRequest("已联系公路段"));
            var answered = await coordinator.StepAsync(id, "answer", new AnswerWorkOrderRequest("坑已填平"));
            Assert.Equal(WorkOrderStage.Answered, answered.Stage);
            var closed = await center.StepAsync(id, "callback", new WorkOrderCallbackRequest(Satisfaction.Satisfied, true, null));
            Assert.Equal((WorkOrderStage.Closed, Satisfaction.Satisfied, true), (closed.Stage, closed.Rating!.Value, closed.Resolved!.Value));
            Assert.Equal("13900000000", closed.CallerPhone); // the hotline center sees the caller for its callback
            Assert.Equal(["received", "classified", "located", "dispatched", "signed-for", "extension-requested", "extension-approved", "note", "answered", "called-back", "closed"],
                closed.History.Select(e => e.Action));

            foreach (var format in new[] { "json", "xml" })
            {
                var response = await second.CreateClient().GetAsync($"/open311/v2/requests/{id}.{format}");
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(id, body);
                Assert.Contains("closed", body);
                Assert.DoesNotContain("13900000000", body);
                Assert.DoesNotContain("li4@example.com", body);
                Assert.DoesNotContain("李 四", body);
            }
        }
        finally
        {
            await ((IAsyncLifetime)second).DisposeAsync();
        }
    }

    /// <summary>A point inside the first grid of a region, from the region's GeoJSON.</summary>
    public static async Task<(double Lat, double Lng)> PointInAsync(HttpClient admin, string region)
    {
        var response = await admin.GetAsync($"/api/regions/{region}/grids");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grids = GeoJson.ParseFeatureCollection(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(grids);
        var inside = grids[0].Geometry.InteriorPoint;
        return (inside.Y, inside.X);
    }

#pragma warning disable IDE1006 // the specification's field names
    public sealed record Open311Receipt(string service_request_id, string? token);
#pragma warning restore IDE1006
}
