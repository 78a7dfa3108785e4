using Grid.Testing;
using Grid.WritePath.Bench;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/WritePath.Bench -- [facts=100000]
var facts = args.Length > 0 ? int.Parse(args[0]) : 100_000;
await using var gateway = new GatewayFactory();
await gateway.InitializeAsync();
var grains = gateway.Services.GetRequiredService<IGrainFactory>();
await StatsBench.RunAsync(gateway, grains, facts);
