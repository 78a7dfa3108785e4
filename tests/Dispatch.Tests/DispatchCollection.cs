using Grid.Grains.Seeding;
using Grid.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Dispatch.Tests;

[CollectionDefinition(Name)]
public sealed class DispatchCollection : ICollectionFixture<DispatchGateway>
{
    public const string Name = "dispatch";
}

/// <summary>
/// The shared gateway, waiting longer for the seed than the default fixture: on a busy build
/// machine the seed can take minutes. The escalation test's gateways use the same patience.
/// </summary>
public class DispatchGateway : GatewayFactory, IAsyncLifetime
{
    /// <summary>Storage is the real SQLite provider behind <see cref="FaultyGrainStorage"/>; no fault is armed unless a test arms one.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddFaultyGrainStorage());
    }

    public new async Task InitializeAsync()
    {
        var status = Services.GetRequiredService<SeedStatus>();
        var deadline = DateTime.UtcNow.AddMinutes(8);
        while (!status.Completed && DateTime.UtcNow < deadline) await Task.Delay(200);
        if (!status.Completed) throw new TimeoutException("The demo seed did not finish: " + status.Message);
    }
}
