namespace Grid.Contracts;

/// <summary>One person on a center's assisted-agency (帮办代办) roster: published contact for residents.</summary>
public sealed record RosterEntryDto(string PersonName, string Role, string Phone, string ServiceScope, string Hours, string? WorkerId);

public sealed record RosterDraftDto(string VillageCode, IReadOnlyList<RosterEntryDto> Entries, int Revision, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record RosterDraftRequest(IReadOnlyList<RosterEntryDto> Entries);

/// <summary>A published roster version: numbered from 1, never changed after publishing.</summary>
public sealed record RosterVersionDto(string VillageCode, string VillageName, int Number, DateTimeOffset PublishedAt, IReadOnlyList<RosterEntryDto> Entries);

public sealed record RosterVersionInfoDto(int Number, DateTimeOffset PublishedAt, int EntryCount);
