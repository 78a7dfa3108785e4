using Grid.WritePath.Bench;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project bench/WritePath.Bench -- [audit|stats|all] [count=100000]
// The test host finds the gateway's content root through the manifest beside this program, read from the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var which = args.Length > 0 ? args[0] : "all";
var count = args.Length > 1 ? int.Parse(args[1]) : 100_000;
await using var gateway = new BenchGateway();
await gateway.InitializeAsync();
var grains = gateway.Services.GetRequiredService<IGrainFactory>();
if (which is "audit" or "all") await AuditBench.RunAsync(gateway, grains, count);
if (which is "stats" or "all") await StatsBench.RunAsync(gateway, grains, count);
