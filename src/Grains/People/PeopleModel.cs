namespace Grid.Grains.People;

[GenerateSerializer, Alias("grid.worker-role")]
public enum WorkerRole { GridWorker, PartyCadre, CommunityWorker, Volunteer }

/// <summary>A grid a worker serves, from a date and, when it ended, until a date (exclusive).</summary>
[GenerateSerializer, Immutable, Alias("grid.grid-assignment")]
public sealed record GridAssignment(
    [property: Id(0)] string GridId,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly? Until);

[GenerateSerializer, Immutable, Alias("grid.worker-profile")]
public sealed record WorkerProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WorkerRole Role,
    [property: Id(3)] string VillageCode,
    [property: Id(4)] IReadOnlyList<GridAssignment> Grids,
    [property: Id(5)] IReadOnlyList<string> Skills,
    [property: Id(6)] int DailyCapacity,
    [property: Id(7)] TimeOnly WorkStart,
    [property: Id(8)] TimeOnly WorkEnd,
    [property: Id(9)] string Phone,
    [property: Id(10)] bool Active,
    [property: Id(11)] double Lat,
    [property: Id(12)] double Lng);

[GenerateSerializer, Immutable, Alias("grid.family-proxy")]
public sealed record FamilyProxy(
    [property: Id(0)] string Name,
    [property: Id(1)] string Relation,
    [property: Id(2)] string Phone,
    [property: Id(3)] bool HasPowerOfAttorney);

[GenerateSerializer, Immutable, Alias("grid.consent")]
public sealed record Consent(
    [property: Id(0)] bool Given,
    [property: Id(1)] DateTime RecordedAtUtc,
    [property: Id(2)] string RecordedBy,
    [property: Id(3)] string Scope);

[GenerateSerializer, Immutable, Alias("grid.visit-record")]
public sealed record VisitRecord(
    [property: Id(0)] DateTime AtUtc,
    [property: Id(1)] string WorkerId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? Note);

/// <summary>A special-needs resident. IdNumber, Phone, Address and health needs are personal data.</summary>
[GenerateSerializer, Immutable, Alias("grid.resident-profile")]
public sealed record ResidentProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string IdNumber,
    [property: Id(3)] string Phone,
    [property: Id(4)] IReadOnlyList<Need> Needs,
    [property: Id(5)] int CareLevel,
    [property: Id(6)] double HomeLat,
    [property: Id(7)] double HomeLng,
    [property: Id(8)] string Address,
    [property: Id(9)] string GridId,
    [property: Id(10)] string VillageCode,
    [property: Id(11)] IReadOnlyList<FamilyProxy> Proxies,
    [property: Id(12)] Consent? Consent);

[GenerateSerializer, Immutable, Alias("grid.grid-cell-profile")]
public sealed record GridCellProfile(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string VillageCode,
    [property: Id(3)] string GeometryWkt,
    [property: Id(4)] IReadOnlyList<string> WorkerIds,
    [property: Id(5)] IReadOnlyList<string> ResidentIds);

[GenerateSerializer, Immutable, Alias("grid.resident-summary")]
public sealed record ResidentSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<Need> Needs,
    [property: Id(3)] string GridId,
    [property: Id(4)] int CareLevel);

[GenerateSerializer, Immutable, Alias("grid.worker-summary")]
public sealed record WorkerSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WorkerRole Role,
    [property: Id(3)] IReadOnlyList<string> GridIds,
    [property: Id(4)] bool Active);

/// <summary>A directory's worker with the profile dispatch ranks by; null where the directory has none yet (filed before it kept them).</summary>
[GenerateSerializer, Immutable, Alias("grid.dispatch-worker")]
public sealed record DispatchWorker(
    [property: Id(0)] WorkerSummary Worker,
    [property: Id(1)] WorkerProfile? Profile);

[GenerateSerializer, Alias("grid.person-kind")]
public enum PersonKind { Resident, Worker }

/// <summary>A value and the version a client echoes in If-Match.</summary>
[GenerateSerializer, Immutable, Alias("grid.versioned")]
public sealed record Versioned<T>([property: Id(0)] T Value, [property: Id(1)] int Version);

[GenerateSerializer, Immutable, Alias("grid.member-changes")]
public sealed record MemberChanges(
    [property: Id(0)] IReadOnlyList<string> AddResidents,
    [property: Id(1)] IReadOnlyList<string> RemoveResidents,
    [property: Id(2)] IReadOnlyList<string> AddWorkers,
    [property: Id(3)] IReadOnlyList<string> RemoveWorkers)
{
    public static MemberChanges Residents(IReadOnlyList<string> add, IReadOnlyList<string> remove) => new(add, remove, [], []);
    public static MemberChanges Workers(IReadOnlyList<string> add, IReadOnlyList<string> remove) => new([], [], add, remove);
}

public static class WorkerProfiles
{
    /// <summary>The grids a worker serves on a day (assignments open on it).</summary>
    public static IReadOnlyList<string> GridsOn(this WorkerProfile w, DateOnly day) =>
        [.. w.Grids.Where(g => g.From <= day && (g.Until is null || g.Until > day)).Select(g => g.GridId).Distinct()];

    public static WorkerSummary Summary(this WorkerProfile w, DateOnly day) => new(w.Id, w.Name, w.Role, w.GridsOn(day), w.Active);

    /// <summary>The profile as the village directory keeps it for dispatch: everything the scorer reads, no phone (personal data stays sealed in the worker's own state).</summary>
    public static WorkerProfile ForDispatch(this WorkerProfile w) => w with { Phone = "" };
}

public static class ResidentProfiles
{
    public static ResidentSummary Summary(this ResidentProfile r) => new(r.Id, r.Name, r.Needs, r.GridId, r.CareLevel);
}
