using Grid.Grains.Seeding;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Grid.Gateway.Hosting;

/// <summary>/health/live: the process answers. /health/ready: the cluster answers a grain call and the seed is done.</summary>
public static class HealthEndpoints
{
    public static void AddGridHealth(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

    public static void MapGridHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}

public sealed class ClusterHealthCheck(IGrainFactory grains, SeedStatus seed) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        SeedMarker? marker;
        try
        {
            marker = await grains.GetGrain<ISeedMarkerGrain>("xianning").GetAsync().WaitAsync(TimeSpan.FromSeconds(5), ct);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", e);
        }
        // In cluster mode the silos seed; their marker says when they are done.
        return seed.Completed || marker is not null ? HealthCheckResult.Healthy(seed.Completed ? seed.Message : $"Seeded by the silos: {marker!.Summary}") : HealthCheckResult.Unhealthy(seed.Message);
    }
}
