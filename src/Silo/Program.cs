using Grid.Grains.Dispatch;
using Grid.Grains.Seeding;
using Grid.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;
using Serilog;
using Serilog.Formatting.Compact;

// A standalone silo for cluster mode: membership, grain state and reminders in PostgreSQL.
// It binds and advertises Grid:Cluster:ListenAddress / AdvertisedAddress (loopback when unset) and
// seeds the demo city only when Grid:Seed:Demo is true.
var builder = Host.CreateApplicationBuilder(args);
var grid = builder.Configuration.GetSection("Grid");
var dataPath = Path.GetFullPath(grid["DataDirectory"] ?? ".data");
var siloPort = grid.GetValue("Orleans:SiloPort", 11111);
var gatewayPort = grid.GetValue("Orleans:GatewayPort", 30000);
var connection = grid["Postgres"] ?? throw new InvalidOperationException("Grid:Postgres must be set for a silo.");
var endpoints = SiloEndpoints.From(grid.GetSection("Cluster").Get<ClusterAddressOptions>() ?? new(), siloPort, gatewayPort);

builder.Services.AddSerilog(log => log.ReadFrom.Configuration(builder.Configuration)
    .Enrich.WithProperty("Application", $"Grid.Silo:{siloPort}")
    .WriteTo.Console()
    .WriteTo.File(new CompactJsonFormatter(), Path.Combine(dataPath, "logs", $"silo-{siloPort}-.clef"), rollingInterval: RollingInterval.Day));
builder.Services.AddGridDispatch(builder.Configuration);
builder.Services.Configure<Grid.Grains.Evaluations.EvaluationOptions>(grid.GetSection("Evaluations"));
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(c => { c.ClusterId = grid["Orleans:ClusterId"] ?? "grid"; c.ServiceId = grid["Orleans:ServiceId"] ?? "grid"; });
    silo.Configure<EndpointOptions>(endpoints.ApplyTo);
    silo.UseGridPostgres(connection);
    silo.AddDashboard(); // the gateway shows it under /dashboard
    silo.Services.AddGridSeeding(SeedSettings.ForCluster(grid, dataPath, Path.Combine(AppContext.BaseDirectory, "data", "xianning")));
});

builder.Build().Run();
