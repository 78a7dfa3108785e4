namespace Grid.Contracts;

/// <summary>Special-needs categories (特殊群体); stored by name in grain state.</summary>
public enum Need { LivingAlone, Disabled, SeverelyIll, MartyrFamily, Aged }

public sealed record GridAssignmentDto(string GridId, DateOnly From, DateOnly? Until);

/// <summary>A worker. <c>Phone</c> is masked unless the caller needs it (see docs/people-and-privacy.md).</summary>
public sealed record WorkerDto(
    string Id, string Name, string Role, string VillageCode, IReadOnlyList<GridAssignmentDto> Grids,
    IReadOnlyList<string> Skills, int DailyCapacity, string WorkStart, string WorkEnd, string Phone,
    bool PhoneMasked, bool Active, double Lat, double Lng);

public sealed record WorkerSummaryDto(string Id, string Name, string Role, string VillageCode, IReadOnlyList<string> GridIds, bool Active);

/// <summary>Create or replace a worker; times are "HH:mm" Asia/Shanghai.</summary>
public sealed record WorkerRequest(
    string Name, string Role, string VillageCode, IReadOnlyList<GridAssignmentDto>? Grids, IReadOnlyList<string>? Skills,
    int DailyCapacity, string WorkStart, string WorkEnd, string Phone, bool Active, double Lat, double Lng);

public sealed record FamilyProxyDto(string Name, string Relation, string Phone, bool HasPowerOfAttorney);

public sealed record ConsentDto(bool Given, DateTimeOffset RecordedAt, string RecordedBy, string Scope);

/// <summary>
/// A special-needs resident. <c>IdNumber</c>, <c>Phone</c>, proxy phones and <c>Address</c> are masked
/// for roles that do not need them; the <c>…Masked</c> flags say which.
/// </summary>
public sealed record ResidentDto(
    string Id, string Name, string IdNumber, bool IdNumberMasked, string Phone, bool PhoneMasked,
    IReadOnlyList<string> Needs, int CareLevel, double HomeLat, double HomeLng, string Address, bool AddressMasked,
    string GridId, string VillageCode, IReadOnlyList<FamilyProxyDto> Proxies, ConsentDto? Consent);

public sealed record ResidentSummaryDto(string Id, string Name, IReadOnlyList<string> Needs, string GridId, string VillageCode, int CareLevel);

/// <summary>Create or replace a resident; the home location is resolved to a grid.</summary>
public sealed record ResidentRequest(
    string Name, string IdNumber, string Phone, IReadOnlyList<string>? Needs, int CareLevel,
    double HomeLat, double HomeLng, string Address, IReadOnlyList<FamilyProxyDto>? Proxies, ConsentRequest? Consent);

public sealed record ConsentRequest(bool Given, string Scope);

public sealed record VisitDto(DateTimeOffset At, string WorkerId, string Kind, string? Note);

public sealed record VisitRequest(DateTimeOffset? At, string Kind, string? Note);
