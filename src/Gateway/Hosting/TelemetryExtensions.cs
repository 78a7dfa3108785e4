using System.Security.Cryptography;
using System.Text;
using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Grid.Gateway.Hosting;

/// <summary>
/// OpenTelemetry for the gateway: traces from the HTTP request through Orleans grain calls to grain storage,
/// metrics on /metrics (Prometheus text) for the admin role or the scrape token Grid:Telemetry:ScrapeToken,
/// and OTLP export of both only when an endpoint is configured (Grid:Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT).
/// </summary>
public static class TelemetryExtensions
{
    public const string MetricsPolicy = "metrics";

    /// <summary>Orleans' activity sources: grain calls (application and runtime), activation, storage.</summary>
    public static readonly string[] OrleansSources =
        ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Lifecycle", "Microsoft.Orleans.Storage"];

    /// <summary>Call after AddGridOrleans: it wraps the grain storage registered there and adds to the same silo or client.</summary>
    public static void AddGridTelemetry(this WebApplicationBuilder builder, GridOptions options)
    {
        if (options.Mode == GridMode.Cluster) builder.UseOrleansClient(client => client.AddActivityPropagation());
        else builder.UseOrleans(silo => silo.AddActivityPropagation());
        builder.Services.MeasureGrainStorage();

        var otlp = OtlpEndpoint(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("grid-gateway"))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrape(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource(OrleansSources);
                if (otlp is not null) tracing.AddOtlpExporter(o => o.Endpoint = otlp);
            })
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter(GridMetrics.MeterName, "Microsoft.Orleans")
                    .AddPrometheusExporter();
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });

        var scrapeToken = builder.Configuration["Grid:Telemetry:ScrapeToken"];
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsPolicy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(Roles.Admin) || (context.Resource is HttpContext http && HasScrapeToken(http, scrapeToken))));
    }

    /// <summary>GET /metrics: Prometheus text of every meter above.</summary>
    public static void MapGridMetrics(this WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsPolicy);

    private static bool IsScrape(PathString path) => path.StartsWithSegments("/metrics");

    private static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration["Grid:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } value
            ? new Uri(value) : null;

    private static bool HasScrapeToken(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var header = http.Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        if (!header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)) return false;
        // Constant time, so the comparison does not leak how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[bearer.Length..].Trim()), Encoding.UTF8.GetBytes(token));
    }
}
