using Grid.Grains.Common;
using Grid.Storage;

namespace Grid.Grains.Rosters;

public sealed class RosterGrain(
    [PersistentState("roster", GridStorage.Name)] IPersistentState<RosterState> state, TimeProvider clock) : Grain, IRosterGrain
{
    public Task<RosterDraft> GetDraftAsync() => Task.FromResult(state.State.Draft);

    public async Task<RosterDraft> SaveDraftAsync(IReadOnlyList<RosterEntry> entries, int ifRevision, string by)
    {
        CheckRevision(ifRevision);
        state.State.Draft = new RosterDraft([.. entries], state.State.Draft.Revision + 1, clock.GetUtcNow().UtcDateTime, by);
        await state.WriteStateAsync();
        return state.State.Draft;
    }

    public async Task<RosterVersion> PublishAsync(int ifRevision, string by)
    {
        var draft = state.State.Draft;
        if (state.State.Versions.LastOrDefault() is { } last && last.DraftRevision == draft.Revision && ifRevision == draft.Revision)
            return last;
        CheckRevision(ifRevision);
        if (draft.Entries.Count == 0)
            throw ValidationException.For("entries", "The draft has no one on it; add at least one person before publishing.");
        var version = new RosterVersion(state.State.Versions.Count + 1, clock.GetUtcNow().UtcDateTime, by, draft.Entries, draft.Revision);
        state.State.Versions.Add(version);
        await state.WriteStateAsync();
        return version;
    }

    public Task<RosterVersion?> GetCurrentAsync() => Task.FromResult(state.State.Versions.LastOrDefault());

    public Task<RosterVersion?> GetVersionAsync(int number) =>
        Task.FromResult(number >= 1 && number <= state.State.Versions.Count ? state.State.Versions[number - 1] : null);

    public Task<IReadOnlyList<RosterVersion>> GetVersionsAsync() => Task.FromResult<IReadOnlyList<RosterVersion>>(state.State.Versions);

    private void CheckRevision(int ifRevision)
    {
        if (ifRevision != state.State.Draft.Revision)
            throw new PreconditionFailedException($"The draft is at revision {state.State.Draft.Revision}, not {ifRevision}; read it again and reapply your change.");
    }
}
