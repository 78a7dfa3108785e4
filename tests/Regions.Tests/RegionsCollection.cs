using Grid.Testing;

namespace Grid.Regions.Tests;

[CollectionDefinition(Name)]
public sealed class RegionsCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = "regions";
}
