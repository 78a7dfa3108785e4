using System.Net.Http.Json;
using System.Net;
using Grid.Contracts;
using Grid.Grains.Catalog;
using Grid.Grains.Delegation;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Catalog.Tests;

[Collection(CatalogCollection.Name)]
public sealed class DelegationVersionsApiTests(GatewayFactory gateway)
{
    [Fact]
    public async Task AnAdjustmentPublishesANewVersionAndTheEarlierOneStaysReadableUnchanged()
    {
        const string region = "421202108000"; // 高桥镇
        var flow = await DelegationFlow.StartAsync(gateway, region);
        foreach (var item in new[] { "MZ-GF-001", "MZ-GF-002" })
            await flow.ThroughAllStepsAsync((await flow.ProposedAsync(item)).Id);
        Assert.Equal(HttpStatusCode.Created, (await flow.PublishAsync(DelegationFlow.Today)).StatusCode);
        var anonymous = gateway.CreateClient();
        var v1Before = await anonymous.GetStringAsync($"/api/public/regions/{region}/delegation-list/versions/1");

        var noReason = await flow.ProposeAsync("MZ-GF-001", DelegationChange.Adjust, reason: null, level: ServiceLevel.Village);
        var adjust = await flow.ProposedAsync("MZ-GF-001", DelegationChange.Adjust, AdjustmentReason.QualityAssessment, ServiceLevel.Village);
        var remove = await flow.ProposedAsync("MZ-GF-002", DelegationChange.Remove, AdjustmentReason.PublicDemand);
        await flow.ThroughAllStepsAsync(adjust.Id);
        await flow.ThroughAllStepsAsync(remove.Id);
        Assert.Equal(HttpStatusCode.Created, (await flow.PublishAsync(DelegationFlow.Today)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(v1Before, await anonymous.GetStringAsync($"/api/public/regions/{region}/delegation-list/versions/1"));
        var current = await anonymous.GetFromJsonAsync<DelegationListVersion>($"/api/public/regions/{region}/delegation-list", Json.Options);
        Assert.Equal(2, current!.Number);
        var entry = Assert.Single(current.Entries);
        Assert.Equal(("MZ-GF-001", ServiceLevel.Village), (entry.ItemCode, entry.TargetLevel));
        Assert.Equal([(DelegationChange.Adjust, (AdjustmentReason?)AdjustmentReason.QualityAssessment), (DelegationChange.Remove, AdjustmentReason.PublicDemand)],
            current.Changes.Select(c => (c.Change, c.Reason)).ToList());
        var v1 = await anonymous.GetFromJsonAsync<DelegationListVersion>($"/api/public/regions/{region}/delegation-list/versions/1", Json.Options);
        Assert.Equal(2, v1!.Entries.Count);
        var versions = await anonymous.GetFromJsonAsync<List<DelegationVersionSummary>>($"/api/public/regions/{region}/delegation-list/versions", Json.Options);
        Assert.Equal([1, 2], versions!.Select(v => v.Number).ToList());
    }

    [Fact]
    public async Task AVersionEffectiveLaterIsNotYetCurrentAndAPastDateIsRefused()
    {
        const string region = "421202200000"; // 大幕乡
        var flow = await DelegationFlow.StartAsync(gateway, region);
        await flow.ThroughAllStepsAsync((await flow.ProposedAsync("MZ-GF-001")).Id);

        var past = await flow.PublishAsync(DelegationFlow.Today.AddDays(-1));
        var future = await flow.PublishAsync(DelegationFlow.Today.AddDays(30));
        var current = await gateway.CreateClient().GetAsync($"/api/public/regions/{region}/delegation-list");
        var v1 = await gateway.CreateClient().GetAsync($"/api/public/regions/{region}/delegation-list/versions/1");

        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal(HttpStatusCode.Created, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
    }

    [Fact]
    public async Task PublicReadsAnswerProblemsForUnknownVersionsAndBadCodes()
    {
        var anonymous = gateway.CreateClient();

        var noVersion = await anonymous.GetAsync("/api/public/regions/421221100000/delegation-list/versions/99");
        var badCode = await anonymous.GetAsync("/api/public/regions/42/delegation-list");
        var unknownRegion = await anonymous.GetAsync("/api/public/regions/421299999000/delegation-list");

        Assert.Equal(HttpStatusCode.NotFound, noVersion.StatusCode);
        Assert.Equal("application/problem+json", noVersion.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRegion.StatusCode);
    }

    [Fact]
    public async Task TheFrequencyClassComesFromRequestVolumeWhenThePlatformHasIt()
    {
        const string busy = "421221101000", quiet = "421221102000"; // 高铁岭镇, 官桥镇 (嘉鱼县)
        var volume = gateway.Services.GetRequiredService<IGrainFactory>().GetGrain<IRequestVolumeGrain>("MZ-GF-008");
        var today = DelegationFlow.Today;
        for (var m = 0; m < 12; m++) await volume.RecordAsync("421221101001", today.AddMonths(-m), 15);
        await volume.RecordAsync("421221102001", today, 1);

        var high = await (await DelegationFlow.StartAsync(gateway, busy)).ProposedAsync("MZ-GF-008");
        var low = await (await DelegationFlow.StartAsync(gateway, quiet)).ProposedAsync("MZ-GF-008"); // surveyed High is overruled by the data

        Assert.Equal(("platform-requests", FrequencyClass.High, (long?)180), (high.Frequency.Source, high.Frequency.Class, high.Frequency.Requests));
        Assert.Equal(("platform-requests", FrequencyClass.Low), (low.Frequency.Source, low.Frequency.Class));
    }

    [Fact]
    public async Task WithoutRequestVolumeOrASurveyAProposalIsRefusedNamingTheField()
    {
        var flow = await DelegationFlow.StartAsync(gateway, "421221103000");

        var response = await flow.ProposeAsync("MZ-GF-001", surveyed: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("surveyedFrequency", await response.Content.ReadAsStringAsync());
    }
}
