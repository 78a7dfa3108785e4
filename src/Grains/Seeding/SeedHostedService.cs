using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Seeding;

/// <summary>Seeds the demo city once the silo runs; a marker grain makes it idempotent across restarts.</summary>
public sealed class SeedHostedService(
    IGrainFactory grains, SeedSettings settings, SeedStatus status, IHostApplicationLifetime lifetime,
    ILogger<SeedHostedService> logger, ILoggerFactory loggers, Geography.GeographySource geography) : BackgroundService
{
    /// <summary>Bump when the seeded data changes shape, so existing data directories are seeded again.</summary>
    public const int Version = 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled)
        {
            status.Message = "Seeding is turned off.";
            status.Completed = true;
            return;
        }
        await WaitForStartAsync(stoppingToken);
        var marker = grains.GetGrain<ISeedMarkerGrain>("xianning");
        if (await marker.GetAsync() is { } done && done.Version == Version)
        {
            status.Message = $"Seeded before: {done.Summary}";
            status.Completed = true;
            return;
        }
        status.Message = "Seeding the Xianning demo city.";
        var watch = Stopwatch.StartNew();
        var summary = await new CitySeeder(grains, settings, loggers.CreateLogger<CitySeeder>(), geography).SeedAsync(stoppingToken);
        await marker.SetAsync(new SeedMarker(Version, DateTime.UtcNow, summary));
        logger.LogInformation("Seeded {Summary} in {Seconds:F1} s", summary, watch.Elapsed.TotalSeconds);
        status.Message = $"Seeded: {summary}";
        status.Completed = true;
    }

    private Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(ct);
    }
}

public static class SeedingServiceExtensions
{
    public static IServiceCollection AddGridSeeding(this IServiceCollection services, SeedSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SeedStatus>();
        services.AddHostedService<SeedHostedService>();
        People.PeopleServiceExtensions.AddGridPeopleServices(services);
        return services;
    }
}
