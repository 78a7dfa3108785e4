using Grid.Storage;

namespace Grid.Grains.People;

public sealed class VillageDirectoryGrain(
    [PersistentState("villagedirectory", GridStorage.Name)] IPersistentState<VillageDirectoryState> state) : Grain, IVillageDirectoryGrain
{
    public Task<IReadOnlyList<ResidentSummary>> GetResidentsAsync() =>
        Task.FromResult<IReadOnlyList<ResidentSummary>>(state.State.Residents);

    public Task<IReadOnlyList<WorkerSummary>> GetWorkersAsync() =>
        Task.FromResult<IReadOnlyList<WorkerSummary>>(state.State.Workers);

    public Task<IReadOnlyList<DispatchWorker>> GetDispatchWorkersAsync() =>
        Task.FromResult<IReadOnlyList<DispatchWorker>>([.. state.State.Workers.Select(w => new DispatchWorker(w, state.State.Dispatch.GetValueOrDefault(w.Id)))]);

    public Task DefineAsync(IReadOnlyList<ResidentSummary> residents, IReadOnlyList<WorkerSummary> workers, IReadOnlyList<WorkerProfile> profiles)
    {
        state.State.Residents = [.. residents];
        state.State.Workers = [.. workers];
        state.State.Dispatch = profiles.ToDictionary(p => p.Id, p => p.ForDispatch(), StringComparer.Ordinal);
        return state.WriteStateAsync();
    }

    public Task UpsertResidentAsync(ResidentSummary resident)
    {
        state.State.Residents.RemoveAll(r => r.Id == resident.Id);
        state.State.Residents.Add(resident);
        return state.WriteStateAsync();
    }

    public Task RemoveResidentAsync(string residentId) =>
        state.State.Residents.RemoveAll(r => r.Id == residentId) > 0 ? state.WriteStateAsync() : Task.CompletedTask;

    public Task UpsertWorkerAsync(WorkerSummary worker, WorkerProfile profile)
    {
        state.State.Workers.RemoveAll(w => w.Id == worker.Id);
        state.State.Workers.Add(worker);
        state.State.Dispatch[worker.Id] = profile.ForDispatch();
        return state.WriteStateAsync();
    }

    public Task RemoveWorkerAsync(string workerId)
    {
        var removed = state.State.Workers.RemoveAll(w => w.Id == workerId) > 0;
        removed |= state.State.Dispatch.Remove(workerId);
        return removed ? state.WriteStateAsync() : Task.CompletedTask;
    }

    public async Task<string> AllocateIdAsync(PersonKind kind, string? idempotencyKey)
    {
        var slot = $"{kind}:{idempotencyKey}";
        if (idempotencyKey is not null && state.State.Allocations.TryGetValue(slot, out var earlier)) return earlier;
        var village = this.GetPrimaryKeyString();
        string id;
        if (kind == PersonKind.Resident)
        {
            state.State.LastResidentNumber = Math.Max(state.State.LastResidentNumber, Highest(state.State.Residents.Select(r => r.Id), village + "-R")) + 1;
            id = $"{village}-R{state.State.LastResidentNumber:000}";
        }
        else
        {
            state.State.LastWorkerNumber = Math.Max(state.State.LastWorkerNumber, Highest(state.State.Workers.Select(w => w.Id), village + "-W")) + 1;
            id = $"{village}-W{state.State.LastWorkerNumber:00}";
        }
        if (idempotencyKey is not null) state.State.Allocations[slot] = id;
        await state.WriteStateAsync();
        return id;
    }

    private static int Highest(IEnumerable<string> ids, string prefix) => ids
        .Where(id => id.StartsWith(prefix, StringComparison.Ordinal))
        .Select(id => int.TryParse(id[prefix.Length..], out var n) ? n : 0)
        .DefaultIfEmpty(0).Max();
}
