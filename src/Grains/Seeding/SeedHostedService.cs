using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Seeding;

/// <summary>Seeds the demo city once the silo runs; a marker grain makes it idempotent across restarts.</summary>
public sealed class SeedHostedService(
    IGrainFactory grains, SeedSettings settings, SeedStatus status, IHostApplicationLifetime lifetime,
    ILogger<SeedHostedService> logger, ILoggerFactory loggers, Geography.GeographySource geography,
    Grid.Storage.IGrainStateBulkWriter? bulk = null, People.PersonalDataProtector? protector = null) : BackgroundService
{
    /// <summary>
    /// Bump when the seeded data changes shape, so existing data directories are brought up to date.
    /// 2: the starter catalog (items, guides, bundles, benefits).
    /// </summary>
    public const int Version = 2;

    // Hosted services are all constructed before the first one starts, so the city's geometry (the
    // seed's and the locate index's longest step) is built while the silo and the web host start.
    private readonly Task _geometry = settings.Enabled ? geography.GetAsync() : Task.CompletedTask;

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
        var done = await marker.GetAsync();
        if (done is not null && done.Version >= Version)
        {
            status.Message = $"Seeded before: {done.Summary}";
            status.Completed = true;
            return;
        }
        var watch = Stopwatch.StartNew();
        string summary;
        if (done is { } earlier)
        {
            // An older data directory: people, accounts and regions may have been changed by their users
            // since, so only the additive steps run (each writes only what is missing).
            status.Message = $"Bringing the demo seed from version {earlier.Version} to {Version}.";
            var items = await new CatalogSeeder(grains).SeedAsync(stoppingToken);
            summary = $"{earlier.Summary}; upgraded to version {Version}: {items} catalog items";
        }
        else
        {
            status.Message = "Seeding the Xianning demo city.";
            await _geometry;
            summary = await new CitySeeder(grains, settings, loggers.CreateLogger<CitySeeder>(), geography, bulk, protector).SeedAsync(stoppingToken);
        }
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
        services.AddHostedService<Dispatch.CareScheduleStarter>(); // waits for the seed, then starts every township's care-visit schedule
        People.PeopleServiceExtensions.AddGridPeopleServices(services);
        return services;
    }
}
