using Grid.Grains.Common;
using Grid.Storage;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.People;

/// <summary>
/// A resident. A save also owes the resident's filing (grid cell, village directory), saved with it
/// and paid right after; if paying fails the save still stands and a timer re-drives the filing.
/// ID number and phones are sealed in storage (<see cref="SealedState{T}"/>); a row still in plaintext
/// is re-saved sealed when the resident activates.
/// </summary>
public sealed class ResidentGrain(
    [PersistentState("resident", GridStorage.Name)] IPersistentState<ResidentState> stored,
    PersonalDataProtector protector,
    ILogger<ResidentGrain> logger) : Grain, IResidentGrain
{
    private readonly SealedState<ResidentState> state = new(stored, protector.Seal, protector.Open);
    private IGrainTimer? _retry;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Profile is not null && state.Plaintext) await state.CommitAsync(this, logger);
        if (state.State.Filing.Owed) ScheduleRetry();
    }

    public Task<ResidentProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task<Versioned<ResidentProfile>?> GetVersionedAsync() =>
        Task.FromResult(state.State.Profile is { } p ? new Versioned<ResidentProfile>(p, state.State.Version) : null);

    public Task<IReadOnlyList<VisitRecord>> GetVisitsAsync() =>
        Task.FromResult<IReadOnlyList<VisitRecord>>(state.State.Visits);

    /// <summary>The seed's bulk path: it files cells and directories itself.</summary>
    public Task DefineAsync(ResidentProfile profile, IReadOnlyList<VisitRecord> visits)
    {
        state.State.Profile = profile;
        state.State.Visits = [.. visits];
        state.State.Version++;
        return state.CommitAsync(this, logger);
    }

    public async Task<int> SaveAsync(ResidentProfile profile, int? ifVersion)
    {
        Versions.Check("Resident", profile.Id, state.State.Profile is not null, state.State.Version, ifVersion);
        var before = state.State.Profile;
        state.State.Filing.Moved(before is null ? [] : [before.GridId], before?.VillageCode, [profile.GridId], profile.VillageCode);
        state.State.Profile = profile;
        state.State.Version++;
        await state.CommitAsync(this, logger);
        var version = state.State.Version;
        await PayFilingAsync();
        return version;
    }

    public async Task EnsureFiledAsync()
    {
        if (state.State.Profile is null) return;
        // A replayed write may follow a write that never got as far as owing the filing: file anyway.
        state.State.Filing.Owed = true;
        if (!await PayFilingAsync()) throw new InvalidOperationException($"Resident {state.State.Profile.Id} is saved but not yet filed; it is retried.");
    }

    public Task AddVisitAsync(VisitRecord visit)
    {
        if (state.State.Visits.Contains(visit)) return Task.CompletedTask; // a re-sent visit (a task's outbox) is kept once
        state.State.Visits.Add(visit);
        return state.CommitAsync(this, logger);
    }

    public Task RecordVisitAsync(VisitRecord visit) => AddVisitAsync(visit);

    /// <summary>Used by a boundary change, whose steps refile cells and directories themselves.</summary>
    public async Task MoveAsync(string gridId, string villageCode)
    {
        if (state.State.Profile is not { } p || (p.GridId == gridId && p.VillageCode == villageCode)) return;
        state.State.Profile = p with { GridId = gridId, VillageCode = villageCode };
        state.State.Version++;
        await state.CommitAsync(this, logger);
    }

    private async Task<bool> PayFilingAsync()
    {
        if (!state.State.Filing.Owed || state.State.Profile is not { } p) return true;
        var paid = await PersonFiling.PayAsync(state, state.State.Filing, this, logger,
            () => PersonFiling.FileResidentAsync(GrainFactory, p, state.State.Filing));
        if (!paid) ScheduleRetry();
        return paid;
    }

    private void ScheduleRetry() => _retry ??= this.RegisterGrainTimer(async ct =>
    {
        if (await PayFilingAsync()) { _retry?.Dispose(); _retry = null; }
    }, new GrainTimerCreationOptions { DueTime = PersonFiling.RetryEvery, Period = PersonFiling.RetryEvery });
}
