using System.Net.Http.Json;
using System.Net;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Delegation;
using Grid.Testing;

namespace Grid.Catalog.Tests;

/// <summary>Signed-in clients per role and the calls of the delegation workflow.</summary>
internal sealed class DelegationFlow(HttpClient department, HttpClient admin, HttpClient dataBureau, string region)
{
    public static readonly string[] Steps = ["party-group-review", "leader-approval", "aggregation", "executive-meeting-decision"];

    public HttpClient Department => department;
    public HttpClient Admin => admin;
    public HttpClient DataBureau => dataBureau;

    public static async Task<DelegationFlow> StartAsync(GatewayFactory gateway, string region) => new(
        await gateway.SignedInClientAsync(DemoAccounts.Department), await gateway.SignedInClientAsync(DemoAccounts.Admin),
        await gateway.SignedInClientAsync(DemoAccounts.DataBureau), region);

    public HttpClient ClientFor(string step) => step switch
    {
        "party-group-review" => department,
        "leader-approval" or "executive-meeting-decision" => admin,
        _ => dataBureau,
    };

    public Task<HttpResponseMessage> ProposeAsync(string item, DelegationChange change = DelegationChange.Add, AdjustmentReason? reason = null,
        ServiceLevel level = ServiceLevel.Township, FrequencyClass? surveyed = FrequencyClass.High, HttpClient? by = null) =>
        (by ?? department).PostAsJsonAsync($"/api/delegation/regions/{region}/proposals",
            new ProposalDraft(item, change, level, reason, "群众需求强烈,乡镇便民服务中心有承接能力", surveyed), Json.Options);

    public async Task<DelegationProposal> ProposedAsync(string item, DelegationChange change = DelegationChange.Add, AdjustmentReason? reason = null,
        ServiceLevel level = ServiceLevel.Township)
    {
        var response = await ProposeAsync(item, change, reason, level);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DelegationProposal>(Json.Options))!;
    }

    public Task<HttpResponseMessage> StepAsync(string id, string step, HttpClient? by = null, bool approved = true) =>
        (by ?? ClientFor(step)).PostAsJsonAsync($"/api/delegation/regions/{region}/proposals/{id}/steps/{step}",
            new { approved, reference = $"{step} 纪要第7号", note = approved ? null : "承接能力不足" });

    public async Task<DelegationProposal> ThroughAllStepsAsync(string id)
    {
        DelegationProposal? last = null;
        foreach (var step in Steps)
        {
            var response = await StepAsync(id, step);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Content.ReadFromJsonAsync<DelegationProposal>(Json.Options);
        }
        return last!;
    }

    public Task<HttpResponseMessage> PublishAsync(DateOnly effective, HttpClient? by = null) =>
        (by ?? dataBureau).PostAsJsonAsync($"/api/delegation/regions/{region}/publications", new { effectiveDate = effective });

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
}
