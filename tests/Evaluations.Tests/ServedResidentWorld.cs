using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Grains.Evaluations;
using Grid.Grains.People;
using Grid.Grains.Regions;
using Grid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Evaluations.Tests;

/// <summary>A service really performed: a resident (with a registered proxy) asks, dispatch assigns a worker, the worker completes it.</summary>
public sealed record PerformedService(string RecordId, string Village, string WorkerId, string ResidentId, HttpClient Worker, HttpClient Center);

/// <summary>
/// Drives dispatch over HTTP so the service record, its invitations and its SMS texts come from the
/// real completion path. Uses a township of 咸安区 other than the demo one, so other tests' loads do not interfere.
/// </summary>
public sealed class ServedResidentWorld(GatewayFactory factory)
{
    private const string Password = "evaluation-test-password";
    public const string ProxyPhone = "13900001111";

    public IGrainFactory Grains => factory.Services.GetRequiredService<IGrainFactory>();

    public async Task<PerformedService> PerformAsync()
    {
        var townships = await Grains.GetGrain<IRegionGrain>(GatewayFactory.SeededCounty).GetChildrenAsync();
        var township = townships.Select(t => t.Code).Where(c => c != "421202001000").Order(StringComparer.Ordinal).Last();
        var village = (await Grains.GetGrain<IRegionGrain>(township).GetChildrenAsync()).Select(v => v.Code).Order(StringComparer.Ordinal).First();
        var center = await AccountAsync(Roles.CenterStaff, village, null);
        foreach (var summary in await Grains.GetGrain<IVillageDirectoryGrain>(village).GetResidentsAsync())
        {
            var resident = await WithProxyAsync(summary.Id);
            var asked = await center.PostAsJsonAsync("/api/requests", new CreateRequestDto(resident.Id, "JY-GF-001"), Json.Options);
            var request = await asked.ReadAsync<RequestDto>();
            if (request.WorkerId is not { } workerId) continue;
            var worker = await AccountAsync(Roles.Worker, village, workerId);
            await (await Act(worker, request.Id, "accept", new())).ReadAsync<TaskDto>();
            await (await Act(worker, request.Id, "check-in", new() { Lat = resident.HomeLat, Lng = resident.HomeLng })).ReadAsync<TaskDto>();
            await (await Act(worker, request.Id, "complete", new() { Outcome = "已代办" })).ReadAsync<TaskDto>();
            await SmsAsync(village, request.Id, 2);
            return new PerformedService(request.Id, village, workerId, resident.Id, worker, center);
        }
        throw new InvalidOperationException($"No resident of {village} got a worker.");
    }

    /// <summary>The texts queued for a record's invitations, once the completion's follow-ups have queued them.</summary>
    public async Task<IReadOnlyList<OutgoingSms>> SmsAsync(string village, string recordId, int expected)
    {
        for (var i = 0; ; i++)
        {
            var found = (await Grains.GetGrain<IOutgoingSmsGrain>(village).PendingAsync(500)).Where(m => m.RecordId == recordId).ToList();
            if (found.Count >= expected || i == 100) return found;
            await Task.Delay(100);
        }
    }

    /// <summary>The API path of the link an SMS text carries.</summary>
    public static string ApiPathOf(OutgoingSms sms) => "/api/public/evaluations/qr/" + sms.Text[(sms.Text.IndexOf("/rate/", StringComparison.Ordinal) + 6)..];

    /// <summary>Registers a family proxy with a phone of their own (the resident keeps theirs).</summary>
    public async Task<ResidentProfile> WithProxyAsync(string residentId)
    {
        var grain = Grains.GetGrain<IResidentGrain>(residentId);
        var current = (await grain.GetVersionedAsync())!;
        var profile = current.Value with { Proxies = [new FamilyProxy("李芳", "女儿", ProxyPhone, true)] };
        await grain.SaveAsync(profile, current.Version);
        return profile;
    }

    /// <summary>A signed-in account of its own (created or reset by the admin).</summary>
    public async Task<HttpClient> AccountAsync(string role, string region, string? subject)
    {
        var user = $"ev-{role}-{subject ?? region}".ToLowerInvariant();
        using var admin = await factory.SignedInClientAsync(DemoAccounts.Admin);
        (await admin.PutAsJsonAsync($"/api/admin/accounts/{user}", new CreateAccountRequest(user, user, Password, role, region, subject))).EnsureSuccessStatusCode();
        return await factory.SignedInClientAsync(user, Password);
    }

    private static Task<HttpResponseMessage> Act(HttpClient client, string taskId, string action, TaskActionDto body) =>
        client.PostAsJsonAsync($"/api/tasks/{taskId}/{action}", body with { ActionId = Guid.NewGuid().ToString() }, Json.Options);
}
