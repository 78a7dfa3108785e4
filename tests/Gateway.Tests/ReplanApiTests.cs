using System.Net;
using System.Text;
using System.Text.Json;
using Grid.Planning;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>POST /api/planning/replan (an urgent visit into a running day, before/after and the disruption) and /explain; bad input is 4xx problem details.</summary>
[Collection(GatewayCollection.Name)]
public sealed class ReplanApiTests(GatewayFactory gateway)
{
    private const string Urgent = """{ "id": "urgent-1", "residentId": "ru", "lat": 29.84, "lng": 114.32, "durationMin": 20, "earliest": "11:00", "latest": "14:00", "skills": [], "priority": 3 }""";

    [Fact]
    public async Task AnUrgentVisitIsPlacedAndTheDisruptionReported()
    {
        var day = InstanceGenerator.Generate(20, 4, seed: 3);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 500));
        Assert.NotEmpty(plan.Routes);

        var response = await ReplanAsync(Body(PlanJson.WriteInstance(day), PlanJson.Write(plan), "11:00", Urgent));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("grid-replan/1", root.GetProperty("format").GetString());
        Assert.True(root.GetProperty("disruption").TryGetProperty("minutesShifted", out _));
        Assert.Equal(plan.Metrics.Assigned, root.GetProperty("before").GetProperty("metrics").GetProperty("assigned").GetInt32());
        var after = PlanJson.ReadPlan(root.GetProperty("after").GetRawText());
        Assert.Contains(after.Routes.SelectMany(r => r.Stops).Select(s => s.VisitId).Concat(after.Unassigned), id => id == "urgent-1");
    }

    [Theory]
    [InlineData("{}", "instance")]
    [InlineData("not json", "JSON")]
    [InlineData("[1]", "object")]
    public async Task AMalformedRequestIsABadRequestProblem(string body, string expected)
    {
        var response = await ReplanAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APlanThatDoesNotFitTheDayIsABadRequestProblem()
    {
        var day = InstanceGenerator.Generate(6, 2, seed: 4);
        var other = InstanceGenerator.Generate(6, 2, seed: 5) with { Visits = [.. InstanceGenerator.Generate(6, 2, seed: 5).Visits.Select(v => v with { Id = "x" + v.Id })] };
        var plan = VisitPlanner.Solve(other, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 100));

        var response = await ReplanAsync(Body(PlanJson.WriteInstance(day), PlanJson.Write(plan), "11:00", Urgent));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid for the day", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task APlanIsExplainedVisitByVisit()
    {
        var day = InstanceGenerator.Generate(12, 3, seed: 6);
        var plan = VisitPlanner.Solve(day, new PlannerOptions(TimeSpan.FromSeconds(5), MaxIterations: 300));
        Assert.True(plan.Metrics.Assigned > 0);
        using var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);

        var response = await client.PostAsync("/api/planning/explain",
            new StringContent($$"""{ "instance": {{PlanJson.WriteInstance(day)}}, "plan": {{PlanJson.Write(plan)}} }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(plan.Metrics.Assigned, json.RootElement.GetProperty("visits").GetArrayLength());
        var bad = await client.PostAsync("/api/planning/explain", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static string Body(string instance, string plan, string now, string urgent) =>
        $$"""{ "instance": {{instance}}, "plan": {{plan}}, "now": "{{now}}", "urgent": {{urgent}} }""";

    private async Task<HttpResponseMessage> ReplanAsync(string body)
    {
        using var client = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        return await client.PostAsync("/api/planning/replan", new StringContent(body, Encoding.UTF8, "application/json"));
    }
}
