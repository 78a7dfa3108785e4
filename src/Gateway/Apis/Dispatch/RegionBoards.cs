using Grid.Contracts;
using Grid.Grains.Dispatch;
using Grid.Grains.People;
using Grid.Grains.Regions;

namespace Grid.Gateway.Apis.Dispatch;

/// <summary>Fans out from a region to its villages' task boards and worker directories.</summary>
internal static class RegionBoards
{
    public static async Task<IReadOnlyList<string>> VillagesOfAsync(IGrainFactory grains, string region)
    {
        var level = RegionCodes.LevelOf(region);
        if (level == RegionLevel.Village) return [region];
        var children = await grains.GetGrain<IRegionGrain>(region).GetChildrenAsync();
        if (level == RegionLevel.Township) return children.Select(c => c.Code).ToList();
        var below = await Task.WhenAll(children.Select(c => VillagesOfAsync(grains, c.Code)));
        return below.SelectMany(v => v).ToList();
    }

    public static async Task<IReadOnlyList<TaskSummary>> OpenTasksAsync(IGrainFactory grains, IReadOnlyList<string> villages)
    {
        var boards = await Task.WhenAll(villages.Select(v => grains.GetGrain<IVillageTasksGrain>(v).ListAsync()));
        return boards.SelectMany(b => b).ToList();
    }

    public static async Task<IReadOnlyList<WorkerProfile>> WorkersAsync(IGrainFactory grains, IReadOnlyList<string> villages)
    {
        var directories = await Task.WhenAll(villages.Select(v => grains.GetGrain<IVillageDirectoryGrain>(v).GetWorkersAsync()));
        var profiles = await Task.WhenAll(directories.SelectMany(d => d).Select(w => grains.GetGrain<IWorkerGrain>(w.Id).GetAsync()));
        return profiles.OfType<WorkerProfile>().ToList();
    }
}
