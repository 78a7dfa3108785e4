using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Dispatch.Audit;

public sealed class GrainAuditTrail(IGrainFactory grains, ILogger<GrainAuditTrail> logger) : IAuditTrail
{
    public Task WriteAsync(AuditEntry e)
    {
        logger.LogInformation("Audit {Action} on {SubjectType} {SubjectId} by {Actor} in {Region}: {Detail}",
            e.Action, e.SubjectType, e.SubjectId, e.Actor, e.RegionCode, e.Detail);
        return grains.GetGrain<IAuditLogGrain>(e.RegionCode).AppendAsync(e);
    }
}

public sealed class AuditLogState
{
    public List<AuditEntry> Entries { get; set; } = [];
}

/// <summary>A region's recent audit entries; the oldest fall off past <see cref="Keep"/> (the log file keeps them all).</summary>
public sealed class AuditLogGrain(
    [PersistentState("auditlog", GridStorage.Name)] IPersistentState<AuditLogState> state) : Grain, IAuditLogGrain
{
    public const int Keep = 2000;

    public Task AppendAsync(AuditEntry entry)
    {
        state.State.Entries.Add(entry);
        if (state.State.Entries.Count > Keep) state.State.Entries.RemoveRange(0, state.State.Entries.Count - Keep);
        return state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> RecentAsync(int take) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(state.State.Entries.TakeLast(take).Reverse().ToList());
}
