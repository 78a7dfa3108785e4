using Grid.Storage;

namespace Grid.Grains.People;

public sealed class ResidentGrain(
    [PersistentState("resident", GridStorage.Name)] IPersistentState<ResidentState> state) : Grain, IResidentGrain
{
    public Task<ResidentProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task<Versioned<ResidentProfile>?> GetVersionedAsync() =>
        Task.FromResult(state.State.Profile is { } p ? new Versioned<ResidentProfile>(p, state.State.Version) : null);

    public Task<IReadOnlyList<VisitRecord>> GetVisitsAsync() =>
        Task.FromResult<IReadOnlyList<VisitRecord>>(state.State.Visits);

    public Task DefineAsync(ResidentProfile profile, IReadOnlyList<VisitRecord> visits)
    {
        state.State.Profile = profile;
        state.State.Visits = [.. visits];
        state.State.Version++;
        return state.WriteStateAsync();
    }

    public async Task<int> SaveAsync(ResidentProfile profile, int? ifVersion)
    {
        Versions.Check("Resident", profile.Id, state.State.Profile is not null, state.State.Version, ifVersion);
        state.State.Profile = profile;
        state.State.Version++;
        await state.WriteStateAsync();
        return state.State.Version;
    }

    public Task AddVisitAsync(VisitRecord visit)
    {
        if (state.State.Visits.Contains(visit)) return Task.CompletedTask; // a re-sent visit (a task's outbox) is kept once
        state.State.Visits.Add(visit);
        return state.WriteStateAsync();
    }

    public Task RecordVisitAsync(VisitRecord visit) => AddVisitAsync(visit);

    public async Task MoveAsync(string gridId, string villageCode)
    {
        if (state.State.Profile is not { } p || (p.GridId == gridId && p.VillageCode == villageCode)) return;
        state.State.Profile = p with { GridId = gridId, VillageCode = villageCode };
        state.State.Version++;
        await state.WriteStateAsync();
    }
}
