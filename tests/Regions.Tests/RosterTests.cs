using System.Net;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Regions.Tests;

[Collection(RegionsCollection.Name)]
public sealed class RosterTests(GatewayFactory gateway)
{
    private static RosterEntryDto Entry(string name) => new(name, "网格员", "0715-8123456", "社保、医保、民政事项代办", "周一至周五 8:30-17:30", null);

    [Fact]
    public async Task PublishedVersionsAreNumberedNeverChangeAndArePublic()
    {
        var village = (await Places.LoadAsync(gateway)).V1;
        var url = $"/api/villages/{village}/roster";

        var draft = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Get, url + "/draft");
        var saved = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Put, url + "/draft", new RosterDraftRequest([Entry("王芳")]), draft.Headers.ETag!.Tag);
        var first = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Post, url + "/publish", null, saved.Headers.ETag!.Tag);
        var resaved = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Put, url + "/draft", new RosterDraftRequest([Entry("王芳"), Entry("李强")]), saved.Headers.ETag!.Tag);
        var second = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Post, url + "/publish", null, resaved.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var v1 = await first.ReadAsync<RosterVersionDto>();
        var v2 = await second.ReadAsync<RosterVersionDto>();
        Assert.Equal(v1.Number + 1, v2.Number);

        var anonymous = gateway.CreateClient();
        var current = await (await anonymous.GetAsync($"/api/public/villages/{village}/roster")).ReadAsync<RosterVersionDto>();
        var earlier = await (await anonymous.GetAsync($"/api/public/villages/{village}/roster/versions/{v1.Number}")).ReadAsync<RosterVersionDto>();
        var list = await (await anonymous.GetAsync($"/api/public/villages/{village}/roster/versions")).ReadAsync<List<RosterVersionInfoDto>>();

        Assert.Equal(v2.Number, current.Number);
        Assert.Equal(["王芳", "李强"], current.Entries.Select(e => e.PersonName));
        Assert.Equal(["王芳"], earlier.Entries.Select(e => e.PersonName));
        Assert.Equal("0715-8123456", current.Entries[0].Phone);
        Assert.Contains(list, v => v.Number == v1.Number && v.EntryCount == 1);
    }

    [Fact]
    public async Task AStaleOrMissingIfMatchDoesNotOverwriteTheDraft()
    {
        var url = $"/api/villages/{(await Places.LoadAsync(gateway)).V1}/roster/draft";
        var draft = await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Get, url);
        await Clients.SendAsync(gateway, DemoAccounts.Center, HttpMethod.Put, url, new RosterDraftRequest([Entry("张伟")]), draft.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.PreconditionFailed,
            await Clients.StatusAsync(gateway, DemoAccounts.Center, HttpMethod.Put, url, new RosterDraftRequest([Entry("刘洋")]), draft.Headers.ETag!.Tag));
        Assert.Equal((HttpStatusCode)428, await Clients.StatusAsync(gateway, DemoAccounts.Center, HttpMethod.Put, url, new RosterDraftRequest([Entry("刘洋")])));
    }

    [Fact]
    public async Task OnlyTheCentersOwnStaffMayEditItsRoster()
    {
        var places = await Places.LoadAsync(gateway);
        var entries = new RosterDraftRequest([Entry("赵敏")]);

        Assert.Equal(HttpStatusCode.Forbidden, await Clients.StatusAsync(gateway, DemoAccounts.Center, HttpMethod.Put, $"/api/villages/{places.Other}/roster/draft", entries, "\"0\""));
        Assert.Equal(HttpStatusCode.Forbidden, await Clients.StatusAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Put, $"/api/villages/{places.V1}/roster/draft", entries, "\"0\""));
        Assert.Equal(HttpStatusCode.Forbidden, await Clients.StatusAsync(gateway, DemoAccounts.Worker, HttpMethod.Get, $"/api/villages/{places.V1}/roster/draft"));
        Assert.Equal(HttpStatusCode.OK, await Clients.StatusAsync(gateway, DemoAccounts.Coordinator, HttpMethod.Get, $"/api/villages/{places.V1}/roster/draft"));
    }

    [Fact]
    public async Task AVillageThatNeverPublishedHasNoPublicRosterYet()
    {
        var other = (await Places.LoadAsync(gateway)).Other;

        var response = await gateway.CreateClient().GetAsync($"/api/public/villages/{other}/roster");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
