using Grid.Grains.Common;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.People;

/// <summary>
/// Pays a person's <see cref="Filing"/> after the person is saved: out of the stale cells and
/// directories, into the current ones, then marks it paid. A failure leaves it owed; the grain's
/// retry timer (and the gateway's replay of a create) run it again until the cells and directory confirm.
/// </summary>
internal static class PersonFiling
{
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(10);

    public static async Task FileResidentAsync(IGrainFactory grains, ResidentProfile p, Filing filing)
    {
        await Task.WhenAll(filing.StaleGrids.Select(g => grains.GetGrain<IGridCellGrain>(g).UpdateMembersAsync(MemberChanges.Residents([], [p.Id]))));
        await grains.GetGrain<IGridCellGrain>(p.GridId).UpdateMembersAsync(MemberChanges.Residents([p.Id], []));
        await Task.WhenAll(filing.StaleVillages.Select(v => grains.GetGrain<IVillageDirectoryGrain>(v).RemoveResidentAsync(p.Id)));
        await grains.GetGrain<IVillageDirectoryGrain>(p.VillageCode).UpsertResidentAsync(p.Summary());
    }

    public static async Task FileWorkerAsync(IGrainFactory grains, WorkerProfile p, Filing filing, DateOnly today)
    {
        await Task.WhenAll(filing.StaleGrids.Select(g => grains.GetGrain<IGridCellGrain>(g).UpdateMembersAsync(MemberChanges.Workers([], [p.Id]))));
        await Task.WhenAll(p.GridsOn(today).Select(g => grains.GetGrain<IGridCellGrain>(g).UpdateMembersAsync(MemberChanges.Workers([p.Id], []))));
        await Task.WhenAll(filing.StaleVillages.Select(v => grains.GetGrain<IVillageDirectoryGrain>(v).RemoveWorkerAsync(p.Id)));
        await grains.GetGrain<IVillageDirectoryGrain>(p.VillageCode).UpsertWorkerAsync(p.Summary(today), p);
    }

    /// <summary>Runs <paramref name="file"/> and saves the filing paid; on failure logs and keeps it owed. True when paid.</summary>
    public static async Task<bool> PayAsync<T>(IPersistentState<T> state, Filing filing, IGrainBase owner, ILogger logger, Func<Task> file)
    {
        try
        {
            await file();
            filing.Done();
            await state.CommitAsync(owner, logger);
            return true;
        }
        catch (Exception ex) when (ex is not DomainException)
        {
            logger.LogWarning(ex, "Filing {Person} into its grid cells and directory failed; it stays owed and is retried", owner.GrainContext.GrainId);
            return false;
        }
    }
}
