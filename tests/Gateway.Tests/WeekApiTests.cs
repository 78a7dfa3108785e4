using System.Net;
using System.Text;
using System.Text.Json;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>POST /api/planning/week: a week of care in one call, day plans per worker; bad input is 4xx problem details.</summary>
[Collection(GatewayCollection.Name)]
public sealed class WeekApiTests(GatewayFactory gateway)
{
    // Week 2. r1 weekly, allowed Monday or Wednesday, knows w1, who works only Wednesday: Wednesday with w1 (就熟).
    // r2 monthly phase 1: due in weeks 1, 5, … so not this week. r3 fortnightly phase 0 is due, but only on Tuesday, when nobody works.
    private const string Week = """
        { "format": "grid-week/1", "name": "hand", "week": 2, "speedKmh": 20, "detourFactor": 1.3,
          "workers": [
            { "id": "w1", "lat": 29.84, "lng": 114.32, "start": "08:00", "end": "17:00", "maxVisits": 8, "days": [3] },
            { "id": "w2", "lat": 29.84, "lng": 114.32, "start": "08:00", "end": "17:00", "maxVisits": 8, "days": [1, 3] } ],
          "needs": [
            { "residentId": "r1", "lat": 29.85, "lng": 114.32, "level": "weekly", "durationMin": 30, "earliest": "09:00", "latest": "16:00", "allowedDays": [1, 3], "familiarWorker": "w1" },
            { "residentId": "r2", "lat": 29.85, "lng": 114.33, "level": "monthly", "phase": 1, "durationMin": 30, "earliest": "09:00", "latest": "16:00", "allowedDays": [1, 3] },
            { "residentId": "r3", "lat": 29.85, "lng": 114.34, "level": "fortnightly", "phase": 0, "durationMin": 30, "earliest": "09:00", "latest": "16:00", "allowedDays": [2] } ] }
        """;

    [Fact]
    public async Task AWeekOfCareIsPlannedInOneCallWithTheFamiliarWorkerOnHisDay()
    {
        var response = await PostAsync("/api/planning/week?seconds=0.7", Week);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("grid-week-plan/1", root.GetProperty("format").GetString());
        Assert.Equal(["r2"], root.GetProperty("notDue").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["r3"], root.GetProperty("unplaced").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, root.GetProperty("visits").GetInt32());
        Assert.Equal(1, root.GetProperty("familiarVisits").GetInt32());
        var day = Assert.Single(root.GetProperty("days").EnumerateArray());
        Assert.Equal(3, day.GetProperty("day").GetInt32());
        var route = Assert.Single(day.GetProperty("plan").GetProperty("routes").EnumerateArray(), r => r.GetProperty("stops").GetArrayLength() > 0);
        Assert.Equal("w1", route.GetProperty("workerId").GetString());
        Assert.Equal("r1-d3", Assert.Single(route.GetProperty("stops").EnumerateArray()).GetProperty("visitId").GetString());
    }

    [Theory]
    [InlineData("/api/planning/week", "{}", "format")]
    [InlineData("/api/planning/week", "not json", "JSON")]
    [InlineData("/api/planning/week", """{ "format": "grid-week/1", "week": 2, "speedKmh": 20, "detourFactor": 1.3, "workers": [], "needs": [ { "residentId": "r", "lat": 29.8, "lng": 114.3, "level": "daily", "durationMin": 30, "earliest": "09:00", "latest": "16:00", "allowedDays": [1] } ] }""", "level")]
    [InlineData("/api/planning/week?seconds=NaN", Week, "seconds")]
    public async Task BadInputIsABadRequestProblem(string path, string body, string expected)
    {
        var response = await PostAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body)
    {
        using var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        return await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
