using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.People;

/// <summary>A worker; the phone is sealed in storage and a plaintext row re-saved sealed on activation (see <see cref="ResidentGrain"/>).</summary>
public sealed class WorkerGrain(
    [PersistentState("worker", GridStorage.Name)] IPersistentState<WorkerState> stored,
    PersonalDataProtector protector) : Grain, IWorkerGrain
{
    private readonly SealedState<WorkerState> state = new(stored, protector.Seal, protector.Open);

    public Task<WorkerProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task<Versioned<WorkerProfile>?> GetVersionedAsync() =>
        Task.FromResult(state.State.Profile is { } p ? new Versioned<WorkerProfile>(p, state.State.Version) : null);

    public Task DefineAsync(WorkerProfile profile)
    {
        state.State.Profile = profile;
        state.State.Version++;
        return state.CommitAsync(this);
    }

    /// <summary>Saves the worker with its filing owed (see <see cref="Filing"/>), then pays it; a failed filing is retried, the save stands.</summary>
    public async Task<int> SaveAsync(WorkerProfile profile, int? ifVersion)
    {
        Versions.Check("Worker", profile.Id, state.State.Profile is not null, state.State.Version, ifVersion);
        var today = WorkerFiling.Today(this);
        state.State.Filing.Moved(state.State.Profile?.GridsOn(today) ?? [], state.State.Profile?.VillageCode, profile.GridsOn(today), profile.VillageCode);
        state.State.Profile = profile;
        state.State.Version++;
        await state.CommitAsync(this, WorkerFiling.Logger(this));
        var version = state.State.Version;
        await WorkerFiling.PayAsync(this, state);
        return version;
    }

    public async Task EnsureFiledAsync()
    {
        if (state.State.Profile is null) return;
        state.State.Filing.Owed = true;
        if (!await WorkerFiling.PayAsync(this, state)) throw new InvalidOperationException($"Worker {state.State.Profile.Id} is saved but not yet filed; it is retried.");
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Profile is not null && state.Plaintext) await state.CommitAsync(this, WorkerFiling.Logger(this));
        if (state.State.Filing.Owed) WorkerFiling.ScheduleRetry(this, state);
    }

    public async Task RegridAsync(string fromGridId, string? toGridId, string villageCode, DateOnly on)
    {
        if (state.State.Profile is not { } p) return;
        var open = p.Grids.FirstOrDefault(g => g.GridId == fromGridId && g.Until is null);
        if (open is null && p.VillageCode == villageCode) return;
        var grids = p.Grids.ToList();
        if (open is not null)
        {
            grids[grids.IndexOf(open)] = open with { Until = on };
            if (toGridId is not null) grids.Add(new GridAssignment(toGridId, on, null));
        }
        state.State.Profile = p with { Grids = grids, VillageCode = villageCode };
        state.State.Version++;
        await state.CommitAsync(this);
    }
}

internal static class Versions
{
    /// <summary>Create needs no record yet; replace needs the caller's version to be the current one.</summary>
    public static void Check(string kind, string id, bool exists, int current, int? ifVersion)
    {
        if (ifVersion is null && exists) throw new ConflictException($"{kind} {id} already exists; replace it with PUT and If-Match.");
        if (ifVersion is { } v && !exists) throw new NotFoundException($"{kind} {id} does not exist.");
        if (ifVersion is { } w && w != current)
            throw new PreconditionFailedException($"{kind} {id} is at version {current}, not {w}; read it again and reapply your change.");
    }
}
