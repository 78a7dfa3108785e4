using System.Net.Http.Json;
using System.Net;
using Grid.Contracts;
using Grid.Grains.Delegation;
using Grid.Testing;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class DelegationWorkflowApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AProposalPassesEveryStepIsPublishedAndIsReadAnonymously()
    {
        const string region = "421202002000"; // 浮山街道
        var flow = await DelegationFlow.StartAsync(gateway, region);
        var proposal = await flow.ProposedAsync("MZ-GF-001");

        var decided = await flow.ThroughAllStepsAsync(proposal.Id);
        var published = await flow.PublishAsync(DelegationFlow.Today);
        var list = await gateway.CreateClient().GetFromJsonAsync<DelegationListVersion>($"/api/public/regions/{region}/delegation-list", Json.Options);

        Assert.Equal(ProposalStage.Drafted, proposal.Stage);
        Assert.Equal("department-survey", proposal.Frequency.Source);
        Assert.Equal(ProposalStage.Decided, decided.Stage);
        Assert.Equal(["Department", "Department", "Admin", "DataBureau", "Admin"], decided.Trail.Select(t => t.Role).ToList());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(1, list!.Number);
        Assert.Equal(DelegationFlow.Today, list.EffectiveDate);
        var entry = Assert.Single(list.Entries);
        Assert.Equal(("MZ-GF-001", "高龄津贴申领", FrequencyClass.High), (entry.ItemCode, entry.ItemName, entry.Frequency));
        var after = await flow.Department.GetFromJsonAsync<DelegationProposal>($"/api/delegation/regions/{region}/proposals/{proposal.Id}", Json.Options);
        Assert.Equal((ProposalStage.Published, (int?)1), (after!.Stage, after.PublishedInVersion));
    }

    [Theory]
    [InlineData("party-group-review", "admin")]
    [InlineData("party-group-review", "databureau")]
    [InlineData("leader-approval", "department")]
    [InlineData("leader-approval", "databureau")]
    [InlineData("aggregation", "department")]
    [InlineData("aggregation", "admin")]
    [InlineData("executive-meeting-decision", "department")]
    [InlineData("executive-meeting-decision", "databureau")]
    public async Task EachStepRefusesTheRolesThatDoNotRecordIt(string step, string wrongUser)
    {
        var region = step switch { "party-group-review" => "421202100000", "leader-approval" => "421202101000", "aggregation" => "421202102000", _ => "421202103000" };
        var flow = await DelegationFlow.StartAsync(gateway, region);
        var item = wrongUser switch { "admin" => "MZ-GF-002", "databureau" => "MZ-GF-003", _ => "MZ-GF-007" };
        var proposal = await flow.ProposedAsync(item);
        foreach (var earlier in DelegationFlow.Steps.TakeWhile(s => s != step))
            Assert.Equal(HttpStatusCode.OK, (await flow.StepAsync(proposal.Id, earlier)).StatusCode);

        var refused = await flow.StepAsync(proposal.Id, step, await gateway.SignedInClientAsync(wrongUser));
        var allowed = await flow.StepAsync(proposal.Id, step);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task OnlyDepartmentsDraftOnlyTheirItemsAndOnlyTheDataBureauPublishes()
    {
        var flow = await DelegationFlow.StartAsync(gateway, "421202104000");
        var coordinator = await gateway.SignedInClientAsync(DemoAccounts.Coordinator);
        var outsider = await gateway.SignedInClientAsync(DemoAccounts.OtherCoordinator);

        Assert.Equal(HttpStatusCode.Forbidden, (await flow.ProposeAsync("MZ-GF-001", by: flow.DataBureau)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await flow.ProposeAsync("MZ-GF-001", by: coordinator)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await flow.ProposeAsync("RS-GG-001")).StatusCode); // 人社局's item
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.GetAsync("/api/delegation/regions/421202104000/proposals")).StatusCode);
        var proposal = await flow.ProposedAsync("MZ-GF-001");
        await flow.ThroughAllStepsAsync(proposal.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await flow.PublishAsync(DelegationFlow.Today, flow.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await flow.PublishAsync(DelegationFlow.Today, flow.Department)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await flow.PublishAsync(DelegationFlow.Today)).StatusCode);
    }

    [Fact]
    public async Task StepsOutOfOrderAreRefused()
    {
        var flow = await DelegationFlow.StartAsync(gateway, "421202105000");
        var proposal = await flow.ProposedAsync("MZ-GF-001");

        Assert.Equal(HttpStatusCode.Conflict, (await flow.StepAsync(proposal.Id, "leader-approval")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.StepAsync(proposal.Id, "aggregation")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.StepAsync(proposal.Id, "executive-meeting-decision")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.PublishAsync(DelegationFlow.Today)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await flow.StepAsync(proposal.Id, "party-group-review")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.StepAsync(proposal.Id, "party-group-review")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.StepAsync(proposal.Id, "aggregation")).StatusCode);
    }

    [Fact]
    public async Task ARejectedProposalGoesNoFurtherAndIsNeverPublished()
    {
        var flow = await DelegationFlow.StartAsync(gateway, "421202106000");
        var proposal = await flow.ProposedAsync("MZ-GF-001");
        Assert.Equal(HttpStatusCode.OK, (await flow.StepAsync(proposal.Id, "party-group-review")).StatusCode);

        var rejected = await flow.StepAsync(proposal.Id, "leader-approval", approved: false);
        var further = await flow.StepAsync(proposal.Id, "aggregation");

        Assert.Equal(ProposalStage.Rejected, (await rejected.Content.ReadFromJsonAsync<DelegationProposal>(Json.Options))!.Stage);
        Assert.Equal(HttpStatusCode.Conflict, further.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await flow.PublishAsync(DelegationFlow.Today)).StatusCode);
    }

    [Fact]
    public async Task AStepNeedsAReferenceAndAKnownStepName()
    {
        var flow = await DelegationFlow.StartAsync(gateway, "421202107000");
        var proposal = await flow.ProposedAsync("MZ-GF-001");
        var url = $"/api/delegation/regions/421202107000/proposals/{proposal.Id}/steps";

        var noReference = await flow.Department.PostAsJsonAsync($"{url}/party-group-review", new { approved = true, reference = "" });
        var unknown = await flow.Department.PostAsJsonAsync($"{url}/mayor-approval", new { approved = true, reference = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, noReference.StatusCode);
        Assert.Contains("reference", await noReference.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }
}
