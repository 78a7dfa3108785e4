using Grid.Grains.People;

namespace Grid.Grains.Entitlements;

/// <summary>Who qualifies: every listed need, at least one of the "any" needs, an age range (from the ID number's birth date) and a care level.</summary>
[GenerateSerializer, Immutable, Alias("grid.eligibility-rule")]
public sealed record EligibilityRule(
    [property: Id(0)] IReadOnlyList<Need> NeedsAll,
    [property: Id(1)] IReadOnlyList<Need> NeedsAny,
    [property: Id(2)] int? MinAge,
    [property: Id(3)] int? MaxAge,
    [property: Id(4)] int? MinCareLevel);

/// <summary>
/// A no-application benefit (免申即享, Art. 12): the responsible department grants it to everyone in
/// <see cref="RegionCode"/> who meets the rule, citing the government's approval.
/// </summary>
[GenerateSerializer, Immutable, Alias("grid.entitlement-policy")]
public sealed record EntitlementPolicy(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Department,
    [property: Id(3)] string RegionCode,
    [property: Id(4)] string? ItemCode,
    [property: Id(5)] string Benefit,
    [property: Id(6)] EligibilityRule Rule,
    [property: Id(7)] string ApprovalReference);

[GenerateSerializer, Immutable, Alias("grid.entitlement-policy-version")]
public sealed record EntitlementPolicyVersion(
    [property: Id(0)] EntitlementPolicy Policy,
    [property: Id(1)] int Version,
    [property: Id(2)] string ChangedBy,
    [property: Id(3)] DateTime ChangedUtc);

/// <summary>The facts a rule reads about a resident.</summary>
public sealed record ResidentFacts(IReadOnlyList<Need> Needs, int CareLevel, DateOnly? BirthDate);
