using Microsoft.Extensions.Logging;

namespace Grid.Grains.Common;

/// <summary>
/// The commit beat of a grain write (decide → commit → tell): save the state, and when the save
/// fails put the activation back to what storage holds, so that nobody is answered from an unsaved
/// change and a retry redoes the work instead of finding it "already done" in memory.
/// </summary>
public static class StateCommit
{
    /// <summary>
    /// Writes <paramref name="state"/>. On failure re-reads the stored state; if even that fails the
    /// activation is deactivated (the next call re-reads storage). The write's exception is rethrown.
    /// </summary>
    public static async Task CommitAsync<T>(this IPersistentState<T> state, IGrainBase owner, ILogger? logger = null)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception writeFailure)
        {
            try
            {
                await state.ReadStateAsync();
                logger?.LogWarning(writeFailure, "Saving {Grain} failed; the activation was put back to its stored state", owner.GrainContext.GrainId);
            }
            catch (Exception readFailure)
            {
                logger?.LogWarning(readFailure, "Saving {Grain} failed and re-reading it failed too; deactivating it", owner.GrainContext.GrainId);
                owner.DeactivateOnIdle();
            }
            throw;
        }
    }
}
