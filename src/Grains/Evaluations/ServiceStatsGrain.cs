using Grid.Storage;

namespace Grid.Grains.Evaluations;

public sealed class ServiceStatsState
{
    public Dictionary<string, ServiceFact> Facts { get; set; } = [];
}

public sealed class ServiceStatsGrain(
    [PersistentState("service-stats", GridStorage.Name)] IPersistentState<ServiceStatsState> state) : Grain, IServiceStatsGrain
{
    public async Task UpsertAsync(ServiceFact fact)
    {
        if (state.State.Facts.TryGetValue(fact.RecordId, out var known) && known.Version >= fact.Version) return;
        state.State.Facts[fact.RecordId] = fact;
        await state.WriteStateAsync();
    }

    public Task<EvaluationTally> TallyAsync(StatsFilter filter) =>
        Task.FromResult(EvaluationStatistics.Tally(state.State.Facts.Values, filter));

    public Task<IReadOnlyList<ItemTally>> TallyByItemAsync(StatsFilter filter) =>
        Task.FromResult(EvaluationStatistics.TallyByItem(state.State.Facts.Values, filter));
}
