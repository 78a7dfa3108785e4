using Grid.Contracts;
using Grid.Grains.Common;
using Grid.Grains.Regions;
using Grid.Grains.Seeding;
using Grid.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Dispatch;

public sealed class CareScheduleRegistrarState
{
    public List<string> Started { get; set; } = [];
}

/// <summary>See <see cref="ICareScheduleRegistrarGrain"/>: remembers which townships' schedules it started, so later starts cost nothing.</summary>
public sealed class CareScheduleRegistrarGrain(
    [PersistentState("carescheduleregistrar", GridStorage.Name)] IPersistentState<CareScheduleRegistrarState> state,
    ILogger<CareScheduleRegistrarGrain> logger) : Grain, ICareScheduleRegistrarGrain
{
    public async Task<int> EnsureAllAsync()
    {
        var counties = await GrainFactory.GetGrain<IRegionGrain>(this.GetPrimaryKeyString()).GetChildrenAsync();
        var townships = (await Task.WhenAll(counties.Select(c => GrainFactory.GetGrain<IRegionGrain>(c.Code).GetChildrenAsync())))
            .SelectMany(t => t).Select(t => t.Code).Where(c => RegionCodes.LevelOf(c) == RegionLevel.Township).ToList();
        var missing = townships.Except(state.State.Started).ToList();
        foreach (var batch in missing.Chunk(16))
            await Task.WhenAll(batch.Select(t => GrainFactory.GetGrain<ICareScheduleGrain>(t).EnsureStartedAsync()));
        if (missing.Count > 0)
        {
            state.State.Started.AddRange(missing);
            await state.CommitAsync(this, logger);
            logger.LogInformation("Started the care-visit schedules of {Count} townships", missing.Count);
        }
        return state.State.Started.Count;
    }
}

/// <summary>Once the silo is seeded (or seeding is off), makes sure every township's care-visit schedule runs.</summary>
public sealed class CareScheduleStarter(IGrainFactory grains, SeedStatus seed, ILogger<CareScheduleStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!seed.Completed) await Task.Delay(500, stoppingToken);
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<ICareScheduleRegistrarGrain>(RegionCodes.City).EnsureAllAsync();
                return;
            }
            catch (Exception ex) when (attempt < 5)
            {
                logger.LogWarning(ex, "Starting the care-visit schedules failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(10 * attempt), stoppingToken);
            }
        }
    }
}
