using Grid.Testing;

namespace Grid.Dispatch.Tests;

[CollectionDefinition(Name)]
public sealed class DispatchCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = "dispatch";
}
