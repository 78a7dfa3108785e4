using Grid.Contracts;
using Grid.Storage;

namespace Grid.Grains.Evaluations;

public sealed class RectificationIndexState
{
    public Dictionary<string, RectificationSummary> Items { get; set; } = [];
}

public sealed class RectificationIndexGrain(
    [PersistentState("rectification-index", GridStorage.Name)] IPersistentState<RectificationIndexState> state)
    : Grain, IRectificationIndexGrain
{
    public async Task UpsertAsync(RectificationSummary summary)
    {
        if (state.State.Items.TryGetValue(summary.RecordId, out var known) && known.Version >= summary.Version) return;
        state.State.Items[summary.RecordId] = summary;
        await state.WriteStateAsync();
    }

    /// <summary>Those whose service lies in the scope or whose responsible level does, most urgent first.</summary>
    public Task<IReadOnlyList<RectificationSummary>> ListAsync(RectificationQuery query) =>
        Task.FromResult<IReadOnlyList<RectificationSummary>>(state.State.Items.Values
            .Where(s => RegionCodes.Contains(query.Scope, s.VillageCode) || RegionCodes.Contains(query.Scope, s.ResponsibleRegion))
            .Where(s => query.Overdue is not { } overdue || s.Overdue == overdue)
            .Where(s => query.Status is not { } status || s.Status == status)
            .OrderBy(s => s.CurrentDueUtc ?? DateTime.MaxValue).ThenBy(s => s.RecordId, StringComparer.Ordinal)
            .ToList());
}
