using Grid.Grains.Hotline;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Grains.Seeding;
using Grid.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Formatting.Compact;

// A standalone silo for cluster mode: membership, grain state and reminders in PostgreSQL.
// It binds and advertises Grid:Cluster:ListenAddress / AdvertisedAddress (loopback when unset) and
// seeds the demo city only when Grid:Seed:Demo is true.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = Grid.Grains.Common.HostContentRoot.Resolve() });
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
builder.Services.AddGridNotifications(builder.Configuration, generateInto: null); // a cluster configures its VAPID keys
builder.Services.AddGridHotline(builder.Configuration);
// Resident and worker state is sealed with this key ring: every silo (and gateway) of a cluster shares Grid:DataProtection:KeysPath.
// No default: a per-silo ring would leave each silo unable to open what another sealed.
builder.Services.AddGridPersonalData(grid["DataProtection:KeysPath"] is { Length: > 0 } keys ? Path.GetFullPath(keys)
    : throw new InvalidOperationException("Grid:DataProtection:KeysPath must be set for a silo: one key-ring directory shared by every silo and gateway of the cluster."));
builder.Services.Configure<Grid.Grains.Evaluations.EvaluationOptions>(grid.GetSection("Evaluations"));
builder.Services.Configure<Grid.Grains.Accounts.PasswordHashingOptions>(grid.GetSection("Auth"));
builder.UseOrleans(silo =>
{
    silo.Configure<ClusterOptions>(c => { c.ClusterId = grid["Orleans:ClusterId"] ?? "grid"; c.ServiceId = grid["Orleans:ServiceId"] ?? "grid"; });
    silo.Configure<EndpointOptions>(endpoints.ApplyTo);
    silo.UseGridPostgres(connection);
    silo.AddActivityPropagation(); // a grain call from the gateway continues the request's trace
    silo.AddDashboard(); // the gateway shows it under /dashboard
    silo.Services.AddGridSeeding(SeedSettings.ForCluster(grid, dataPath, Path.Combine(AppContext.BaseDirectory, "data", "xianning")));
});

builder.Services.MeasureGrainStorage();
// Traces and metrics leave a silo only by OTLP; without an endpoint nothing is collected (the gateway's /metrics shows its own process).
if ((grid["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } otlp)
{
    builder.Services.AddOpenTelemetry()
        .ConfigureResource(r => r.AddService("grid-silo", serviceInstanceId: siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        .WithTracing(t => t.AddSource("Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage")
            .AddOtlpExporter(o => o.Endpoint = new Uri(otlp)))
        .WithMetrics(m => m.AddMeter(Grid.Grains.Common.GridMetrics.MeterName, "Microsoft.Orleans").AddOtlpExporter(o => o.Endpoint = new Uri(otlp)));
}

builder.Build().Run();
