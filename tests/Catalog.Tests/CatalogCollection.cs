using Grid.Testing;

namespace Grid.Catalog.Tests;

[CollectionDefinition(Name)]
public sealed class CatalogCollection : ICollectionFixture<GatewayFactory>
{
    public const string Name = "catalog";
}
