using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Contracts;
using Grid.Planning;
using Grid.Testing;

namespace Grid.Gateway.Tests.Planning;

/// <summary>
/// The coordinator's real day through HTTP: requests filed for a village's residents become the
/// village's planning day, which solves to a valid plan; an urgent request filed afterwards is
/// re-planned into that plan with the visits begun before 11:00 left where they were.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class VillageDayApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task FiledRequestsArePlannedAndALaterUrgentOneIsReplannedIn()
    {
        using var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        using var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var (village, residents) = await VillageWithResidentsAsync(admin, 4);
        var filed = new List<string>();
        foreach (var resident in residents.Take(3)) filed.Add((await Requests.FileAsync(admin, resident, Urgency.Routine, "day-plan test")).Id);

        var first = await DayAsync(coordinator, village);
        Assert.NotEmpty(first.Workers);
        Assert.Subset(first.Visits.Select(v => v.Id).ToHashSet(), filed.ToHashSet());
        var plan = PlanJson.ReadPlan(await PostAsync(coordinator, "/api/planning/solve?seconds=1", PlanJson.WriteInstance(first)));
        Assert.Empty(PlanValidator.Validate(first, plan));
        Assert.Contains(plan.Routes.SelectMany(r => r.Stops), s => filed.Contains(s.VisitId)); // planned from 08:00, the filed visits fit

        var urgentTask = (await Requests.FileAsync(admin, residents[3], Urgency.Urgent, "day-plan test")).Id;
        var second = await DayAsync(coordinator, village);
        Assert.DoesNotContain(first.Visits, v => v.Id == urgentTask);
        var urgent = second.Visits.Single(v => v.Id == urgentTask);
        Assert.Equal(3, urgent.Priority);

        var body = $$"""{ "instance": {{PlanJson.WriteInstance(first)}}, "plan": {{PlanJson.Write(plan)}}, "now": "11:00", "urgent": {{VisitJson(urgent with { Earliest = 11 * 60 })}} }""";
        var replan = JsonNode.Parse(await PostAsync(coordinator, "/api/planning/replan", body))!;
        var after = PlanJson.ReadPlan(replan["after"]!.ToJsonString());
        var withUrgent = first with { Visits = [.. first.Visits, urgent with { Earliest = 11 * 60 }] };
        Assert.Empty(PlanValidator.Validate(withUrgent, after));
        Assert.Contains(after.Routes.SelectMany(r => r.Stops).Select(s => s.VisitId).Concat(after.Unassigned), id => id == urgentTask);
        var pinned = plan.Routes.SelectMany(r => r.Stops.Where(s => s.Start < 11 * 60).Select(s => (r.WorkerId, s.VisitId, s.Start))).ToList();
        var kept = after.Routes.SelectMany(r => r.Stops.Select(s => (r.WorkerId, s.VisitId, s.Start))).ToHashSet();
        Assert.All(pinned, p => Assert.Contains(p, kept));
        Assert.True(replan["disruption"]!["visitsMoved"]!.GetValue<int>() >= 0);

        var audit = await admin.GetFromJsonAsync<JsonObject>($"/api/admin/audit?subject={village}&pageSize=200");
        Assert.Contains(audit!["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "planning.day.read" && e["actor"]!.GetValue<string>() == DemoAccounts.Coordinator);
    }

    [Theory]
    [InlineData("421202000000", "", HttpStatusCode.BadRequest, "not a village")]
    [InlineData("nonsense", "", HttpStatusCode.BadRequest, "not a region code")]
    [InlineData("{village}", "?from=25:99", HttpStatusCode.BadRequest, "not a time of day")]
    public async Task ABadVillageOrTimeIsABadRequestProblem(string code, string query, HttpStatusCode status, string expected)
    {
        using var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        using var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var (village, _) = await VillageWithResidentsAsync(admin, 1);
        var response = await coordinator.GetAsync($"/api/planning/villages/{code.Replace("{village}", village)}/today{query}");
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnotherCountysCoordinatorIsRefused()
    {
        using var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var (village, _) = await VillageWithResidentsAsync(admin, 1);
        using var other = await gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/planning/villages/{village}/today")).StatusCode);
        using var own = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/planning/villages/{village}/today")).StatusCode);
    }

    /// <summary>The seeded county's first village with at least <paramref name="count"/> residents.</summary>
    private static async Task<(string Village, IReadOnlyList<string> Residents)> VillageWithResidentsAsync(HttpClient admin, int count)
    {
        var page = await admin.GetFromJsonAsync<Page<ResidentSummaryDto>>($"/api/residents?region={GatewayFactory.SeededCounty}&pageSize=100", Json.Options);
        Assert.NotEmpty(page!.Items);
        var village = page.Items.GroupBy(r => r.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal).First(g => g.Count() >= count);
        return (village.Key, [.. village.Select(r => r.Id)]);
    }

    private static async Task<PlanningInstance> DayAsync(HttpClient coordinator, string village)
    {
        var response = await coordinator.GetAsync($"/api/planning/villages/{village}/today?from=08:00");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return PlanJson.ReadInstance(text);
    }

    private static async Task<string> PostAsync(HttpClient client, string path, string json)
    {
        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>One visit as the instance format writes it.</summary>
    private static string VisitJson(Visit visit)
    {
        var one = PlanJson.WriteInstance(new PlanningInstance("one", 15, 1.3, [], [visit]));
        return JsonNode.Parse(one)!["visits"]![0]!.ToJsonString();
    }
}
