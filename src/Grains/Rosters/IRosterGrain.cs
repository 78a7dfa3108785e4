namespace Grid.Grains.Rosters;

/// <summary>A party-service center's assisted-agency roster, keyed by its village or community code.</summary>
[Alias("grid.IRosterGrain")]
public interface IRosterGrain : IGrainWithStringKey
{
    [Alias("draft")] Task<RosterDraft> GetDraftAsync();

    /// <summary>Replaces the draft when <paramref name="ifRevision"/> is the current revision (412 otherwise).</summary>
    [Alias("save-draft")] Task<RosterDraft> SaveDraftAsync(IReadOnlyList<RosterEntry> entries, int ifRevision, string by);

    /// <summary>Publishes the draft at <paramref name="ifRevision"/> as the next version; publishing the same revision again returns that version.</summary>
    [Alias("publish")] Task<RosterVersion> PublishAsync(int ifRevision, string by);

    [Alias("current")] Task<RosterVersion?> GetCurrentAsync();

    [Alias("version")] Task<RosterVersion?> GetVersionAsync(int number);

    [Alias("versions")] Task<IReadOnlyList<RosterVersion>> GetVersionsAsync();
}
