namespace Grid.Contracts;

/// <summary>Who qualifies: every listed need, at least one of the "any" needs, an age range (from the ID number's birth date) and a care level.</summary>
public sealed record EligibilityRuleDto(IReadOnlyList<Need> NeedsAll, IReadOnlyList<Need> NeedsAny, int? MinAge, int? MaxAge, int? MinCareLevel);

/// <summary>A no-application benefit (免申即享, Art. 12) granted to everyone in the region who meets the rule.</summary>
public sealed record EntitlementPolicyDto(
    string Id, string Name, string Department, string RegionCode, string? ItemCode, string Benefit, EligibilityRuleDto Rule, string ApprovalReference);

public sealed record EntitlementPolicyVersionDto(EntitlementPolicyDto Policy, int Version, string ChangedBy, DateTime ChangedUtc);

/// <summary>A resident who qualifies for a no-application benefit, with personal data masked.</summary>
public sealed record EligibleResidentDto(string ResidentId, string MaskedName, string MaskedIdNumber, string VillageCode, string GridId, IReadOnlyList<string> Reasons);
