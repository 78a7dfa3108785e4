using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

/// <summary>
/// Test helpers over a seeded gateway: a village of 咸安区 no other test uses (so loads and queues
/// do not interfere), and signed-in clients for any worker, resident or center of it.
/// </summary>
public sealed class DispatchWorld(GatewayFactory factory)
{
    public const string Password = "dispatch-test-password";
    private static int _next;

    public IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    /// <summary>A village of 咸安区 outside 温泉街道 (whose first village the demo accounts use), new on each call.</summary>
    public async Task<string> FreshVillageAsync()
    {
        var townships = await Grains.GetGrain<IRegionGrain>(GatewayFactory.SeededCounty).GetChildrenAsync();
        var villages = new List<string>();
        foreach (var t in townships.Where(t => t.Code != "421202001000").OrderBy(t => t.Code, StringComparer.Ordinal))
            villages.AddRange((await Grains.GetGrain<IRegionGrain>(t.Code).GetChildrenAsync()).Select(v => v.Code).Order(StringComparer.Ordinal));
        return villages[Interlocked.Increment(ref _next) % villages.Count];
    }

    public Task<IReadOnlyList<ResidentSummary>> ResidentsAsync(string village) =>
        Grains.GetGrain<IVillageDirectoryGrain>(village).GetResidentsAsync();

    public Task<HttpClient> WorkerAsync(string workerId) => AccountAsync(Roles.Worker, workerId[..12], workerId);

    public Task<HttpClient> ResidentAsync(string residentId) => AccountAsync(Roles.Resident, residentId[..12], residentId);

    public Task<HttpClient> CenterAsync(string village) => AccountAsync(Roles.CenterStaff, village, null);

    public Task<HttpClient> CoordinatorAsync(string region) => AccountAsync(Roles.Coordinator, region, null);

    public Task<HttpClient> AdminAsync() => factory.SignedInClientAsync(DemoAccounts.Admin);

    private async Task<HttpClient> AccountAsync(string role, string region, string? subject)
    {
        var user = $"{role}-{subject ?? region}".ToLowerInvariant();
        using var admin = await AdminAsync();
        var put = await admin.PutAsJsonAsync($"/api/admin/accounts/{user}", new CreateAccountRequest(user, user, Password, role, region, subject));
        put.EnsureSuccessStatusCode();
        return await factory.SignedInClientAsync(user, Password);
    }
}

public static class HttpExtensions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(Json.Options))!;

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string taskId, string action, TaskActionDto body) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/{action}", body, Json.Options);

    public static Task<HttpResponseMessage> RequestAsync(this HttpClient client, CreateRequestDto body, string? key = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body, options: Json.Options) };
        message.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(message);
    }
}
