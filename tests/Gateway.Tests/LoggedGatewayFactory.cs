using Grid.Testing;

namespace Grid.Gateway.Tests;

/// <summary>
/// A gateway that logs at Information (every request line reaches its Serilog file under the data directory)
/// and believes it runs behind a TLS proxy (Grid:Http:BehindProxy): forwarded headers and HSTS.
/// </summary>
public sealed class LoggedGatewayFactory : GatewayFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        .. base.Settings().Where(s => s.Key != "Serilog:MinimumLevel:Default"),
        new("Serilog:MinimumLevel:Default", "Information"),
        new("Grid:Http:BehindProxy", "true"),
    ];

    public string LogDirectory => Path.Combine(DataPath, "logs");
}

[CollectionDefinition(Name)]
public sealed class LoggedGatewayCollection : ICollectionFixture<LoggedGatewayFactory>
{
    public const string Name = "logged gateway";
}
