using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Gateway.Tests.Access;

/// <summary>The gateway the access tests probe: its own, so their writes never meet other tests.</summary>
[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessWorld>
{
    public const string Name = "access";
}

/// <summary>
/// Where the probes point. "Own" is the center's village V1 (温泉街道, 咸安区), where the demo worker,
/// center and resident sit; "other" is a village of another township of 咸安区: outside the center,
/// worker, resident and township coordinator, inside the county coordinator, outside coordinator2
/// (通城县) either way. Each place has a real resident, worker and task.
/// </summary>
public class AccessWorld : GatewayFactory
{
    /// <summary>The demo accounts in the order the matrix table lists them.</summary>
    public static readonly string[] Accounts =
    [
        DemoAccounts.Admin, DemoAccounts.DataBureau, DemoAccounts.Department, DemoAccounts.Coordinator,
        DemoAccounts.TownshipCoordinator, DemoAccounts.OtherCoordinator, DemoAccounts.Center, DemoAccounts.Worker, DemoAccounts.Resident,
    ];

    private readonly Dictionary<string, string> _tokens = [];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Place[]? _places;

    public sealed record Place(string Name, string Village, string ResidentId, string WorkerId, double HomeLat = 0, double HomeLng = 0);

    public string ItemCode { get; private set; } = "";
    public string BundleCode { get; private set; } = "";
    public string EntitlementId { get; private set; } = "";
    public string DemoWorkerId { get; private set; } = "";

    public async Task<Place[]> PlacesAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _places ??= await LoadPlacesAsync();
        }
        finally { _gate.Release(); }
    }

    private async Task<Place[]> LoadPlacesAsync()
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        var admin = await ClientAsync(DemoAccounts.Admin);
        var me = await (await ClientAsync(DemoAccounts.Worker)).GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options);
        DemoWorkerId = me!.SubjectId!;
        var v1 = DemoWorkerId[..12];
        var villages = await admin.GetFromJsonAsync<JsonArray>($"/api/regions/{SeededCounty[..6]}000000/children", Json.Options);
        var otherTownship = villages!.Select(v => v!["code"]!.GetValue<string>()).First(c => !c.StartsWith(v1[..9], StringComparison.Ordinal));
        var otherVillages = await admin.GetFromJsonAsync<JsonArray>($"/api/regions/{otherTownship}/children", Json.Options);
        Place? other = null;
        foreach (var code in otherVillages!.Select(v => v!["code"]!.GetValue<string>()))
        {
            var residents = await grains.GetGrain<IVillageDirectoryGrain>(code).GetResidentsAsync();
            var workers = await grains.GetGrain<IVillageDirectoryGrain>(code).GetWorkersAsync();
            foreach (var w in workers.Where(w => w.Active))
                if (await ServedResidentAsync(grains, code, w.GridIds, residents) is { } r) { other = new Place("other", code, r, w.Id); break; }
            if (other is not null) break;
        }
        var ownResidents = await grains.GetGrain<IVillageDirectoryGrain>(v1).GetResidentsAsync();
        var served = (await grains.GetGrain<IVillageDirectoryGrain>(v1).GetWorkersAsync()).First(w => w.Id == DemoWorkerId).GridIds;
        var own = new Place("own", v1, await ServedResidentAsync(grains, v1, served, ownResidents)
            ?? throw new InvalidOperationException("The demo worker serves no resident."), DemoWorkerId);

        ItemCode = (await admin.GetFromJsonAsync<JsonObject>("/api/catalog/items?PageSize=1", Json.Options))!["items"]![0]!["code"]!.GetValue<string>();
        BundleCode = (await admin.GetFromJsonAsync<JsonArray>("/api/bundles", Json.Options))![0]!["bundle"]!["code"]!.GetValue<string>();
        EntitlementId = (await admin.GetFromJsonAsync<JsonArray>("/api/entitlements", Json.Options))![0]!["policy"]!["id"]!.GetValue<string>();
        if (other is null) throw new InvalidOperationException("No village of another township has residents and workers.");
        return [await WithHomeAsync(grains, own), await WithHomeAsync(grains, other)];
    }

    private static async Task<Place> WithHomeAsync(IGrainFactory grains, Place place)
    {
        var resident = (await grains.GetGrain<IResidentGrain>(place.ResidentId).GetAsync())!;
        return place with { HomeLat = resident.HomeLat, HomeLng = resident.HomeLng };
    }

    /// <summary>A resident who lives (now) in the village, in one of the grids.</summary>
    private static async Task<string?> ServedResidentAsync(IGrainFactory grains, string village, IReadOnlyList<string> grids, IReadOnlyList<ResidentSummary> residents)
    {
        foreach (var r in residents.Where(r => grids.Contains(r.GridId)))
            if (await grains.GetGrain<IResidentGrain>(r.Id).GetAsync() is { } p && p.VillageCode == village && grids.Contains(p.GridId)) return r.Id;
        return null;
    }

    /// <summary>A fresh open task for the place's resident, held by the place's worker (moved there by an admin when dispatch chose another).</summary>
    public async Task<string> FreshTaskAsync(Place place)
    {
        var admin = await ClientAsync(DemoAccounts.Admin);
        var now = DateTimeOffset.UtcNow;
        var created = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = JsonContent.Create(new { residentId = place.ResidentId, itemCode = ItemCode, urgency = "Due", windowEnd = now.AddDays(2) }),
            Headers = { { "Idempotency-Key", Guid.NewGuid().ToString("N") } },
        });
        var body = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"Creating a probe task failed: {(int)created.StatusCode} {body}");
        var id = body["id"]!.GetValue<string>();
        if (body["workerId"]?.GetValue<string>() != place.WorkerId)
        {
            var moved = await admin.PostAsJsonAsync($"/api/tasks/{id}/reassign",
                new { actionId = Guid.NewGuid().ToString("N"), workerId = place.WorkerId, reason = "access probe" });
            if (!moved.IsSuccessStatusCode) throw new InvalidOperationException($"Moving the probe task for {place} failed: {(int)moved.StatusCode} {await moved.Content.ReadAsStringAsync()} (created {body}; resident {await admin.GetStringAsync($"/api/residents/{place.ResidentId}")})");
        }
        return id;
    }

    /// <summary>A client with the account's bearer token (one sign-in per account), or none for a stranger.</summary>
    public async Task<HttpClient> ClientAsync(string? account)
    {
        var client = CreateClient();
        if (account is null) return client;
        if (!_tokens.TryGetValue(account, out var token))
        {
            var response = await client.PostAsJsonAsync("/api/auth/token", new TokenRequest(account, DemoPassword));
            response.EnsureSuccessStatusCode();
            token = _tokens[account] = (await response.Content.ReadFromJsonAsync<TokenResponse>(Json.Options))!.AccessToken;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static StringContent JsonBody(string text) => new(text, Encoding.UTF8, "application/json");
}
