using Grid.Grains.Seeding;
using Grid.Testing;
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
    public new async Task InitializeAsync()
    {
        var status = Services.GetRequiredService<SeedStatus>();
        var deadline = DateTime.UtcNow.AddMinutes(8);
        while (!status.Completed && DateTime.UtcNow < deadline) await Task.Delay(200);
        if (!status.Completed) throw new TimeoutException("The demo seed did not finish: " + status.Message);
    }
}
