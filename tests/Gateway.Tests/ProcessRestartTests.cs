using System.Net;
using System.Net.Http.Json;
using Grid.Contracts;
using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>Durability of the embedded run: a real gateway process is killed with SIGKILL and started again.</summary>
public sealed class ProcessRestartTests
{
    // Regions, catalog and accounts only: these tests are about durability, not people, and a short seed keeps them fast.
    private static readonly Dictionary<string, string> SmallSeed = new() { ["Grid__Seed__People"] = "false" };

    [Fact]
    public async Task AnAcknowledgedWriteAndAPendingDeadlineSurviveSigkillAndTheDeadlineFiresAfterRestart()
    {
        using var data = new TempDirectory();
        await using var gateway = new GatewayProcess(data.Path, SmallSeed);
        await gateway.StartAsync();
        var admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var user = "survivor-" + Guid.NewGuid().ToString("N")[..6];
        var id = Guid.NewGuid().ToString("N");

        var created = await admin.PutAsJsonAsync($"/api/admin/accounts/{user}",
            new CreateAccountRequest(user, "幸存者", "survives-a-kill", Roles.Worker, "421221100001", null));
        var scheduled = await admin.PutAsJsonAsync("/api/admin/deadlines",
            new ScheduleDeadlineRequest(id, DateTimeOffset.UtcNow.AddSeconds(20), "probe"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);

        gateway.Kill();
        await gateway.StartAsync();

        var survivor = await gateway.SignedInClientAsync(user, "survives-a-kill");
        Assert.Equal(user, (await survivor.GetFromJsonAsync<AccountDto>("/api/auth/me", Json.Options))!.UserName);
        admin = await gateway.SignedInClientAsync(DemoAccounts.Admin);
        var until = DateTime.UtcNow.AddMinutes(3);
        DeadlineDto? deadline = null;
        while (DateTime.UtcNow < until)
        {
            deadline = await admin.GetFromJsonAsync<DeadlineDto>($"/api/admin/deadlines/{id}", Json.Options);
            if (deadline!.Status == "Fired") break;
            await Task.Delay(1000);
        }
        Assert.Equal("Fired", deadline!.Status);
        Assert.True(deadline.FiredAt >= deadline.DueAt);
    }

    [Fact]
    public async Task ARestartDoesNotSeedAgain()
    {
        using var data = new TempDirectory();
        await using var gateway = new GatewayProcess(data.Path, SmallSeed);
        await gateway.StartAsync();
        gateway.Kill();

        var started = DateTime.UtcNow;
        await gateway.StartAsync();

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        var health = await gateway.Http.GetStringAsync("/health/ready");
        Assert.Equal("Healthy", health);
        var counties = await gateway.Http.GetFromJsonAsync<List<RegionDto>>("/api/regions/421200000000/children", Json.Options);
        Assert.Equal(6, counties!.Count);
    }
}
