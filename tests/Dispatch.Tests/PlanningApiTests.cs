using System.Net;
using System.Text;
using System.Text.Json;
using Grid.Testing;

namespace Grid.Dispatch.Tests;

[Collection(DispatchCollection.Name)]
public sealed class PlanningApiTests(DispatchGateway factory)
{
    private const string Instance = """
        { "format": "grid-visits/1", "name": "tiny", "speedKmh": 25, "detourFactor": 1.3,
          "workers": [ { "id": "w1", "lat": 29.8435, "lng": 114.3220, "start": "08:30", "end": "17:30", "maxVisits": 8, "skills": [], "familiar": ["r1"] } ],
          "visits": [
            { "id": "v1", "residentId": "r1", "lat": 29.8501, "lng": 114.3307, "durationMin": 30, "earliest": "09:00", "latest": "12:00", "skills": [], "priority": 2 },
            { "id": "v2", "residentId": "r2", "lat": 29.8401, "lng": 114.3107, "durationMin": 20, "earliest": "13:00", "latest": "16:00", "skills": [], "priority": 1 } ] }
        """;

    [Fact]
    public async Task TheDayPlannerAnswersAnInstanceWithAPlanThatVisitsEveryStopOnce()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.Coordinator);

        var response = await client.PostAsync("/api/planning/solve?seconds=0.5", new StringContent(Instance, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var plan = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("grid-plan/1", plan.RootElement.GetProperty("format").GetString());
        var stops = plan.RootElement.GetProperty("routes").EnumerateArray().SelectMany(r => r.GetProperty("stops").EnumerateArray())
            .Select(s => s.GetProperty("visitId").GetString()).Concat(plan.RootElement.GetProperty("unassigned").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(["v1", "v2"], stops.Order());
    }

    [Fact]
    public async Task AnUnreadableInstanceIsABadRequestThatSaysWhy()
    {
        using var client = await factory.SignedInClientAsync(DemoAccounts.Coordinator);

        var response = await client.PostAsync("/api/planning/solve", new StringContent("""{ "format": "nope" }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("instance", await response.Content.ReadAsStringAsync());
    }
}
