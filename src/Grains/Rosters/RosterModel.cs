namespace Grid.Grains.Rosters;

/// <summary>One person on an assisted-agency roster (Art. 29: names, contact and service scope are made public).</summary>
[GenerateSerializer, Immutable, Alias("grid.roster-entry")]
public sealed record RosterEntry(
    [property: Id(0)] string PersonName,
    [property: Id(1)] string Role,
    [property: Id(2)] string Phone,
    [property: Id(3)] string ServiceScope,
    [property: Id(4)] string Hours,
    [property: Id(5)] string? WorkerId);

[GenerateSerializer, Immutable, Alias("grid.roster-draft")]
public sealed record RosterDraft(
    [property: Id(0)] IReadOnlyList<RosterEntry> Entries,
    [property: Id(1)] int Revision,
    [property: Id(2)] DateTime? UpdatedAtUtc,
    [property: Id(3)] string? UpdatedBy);

/// <summary>A published roster: numbered from 1 and never changed afterwards.</summary>
[GenerateSerializer, Immutable, Alias("grid.roster-version")]
public sealed record RosterVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] DateTime PublishedAtUtc,
    [property: Id(2)] string PublishedBy,
    [property: Id(3)] IReadOnlyList<RosterEntry> Entries,
    [property: Id(4)] int DraftRevision);

public sealed class RosterState
{
    public RosterDraft Draft { get; set; } = new([], 0, null, null);
    public List<RosterVersion> Versions { get; set; } = [];
}
