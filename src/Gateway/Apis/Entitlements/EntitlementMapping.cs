using Grid.Contracts;
using Grid.Grains.Entitlements;

namespace Grid.Gateway.Apis.Entitlements;

/// <summary>Entitlement grain records ↔ the HTTP contract.</summary>
internal static class EntitlementMapping
{
    public static EntitlementPolicyDto ToDto(this EntitlementPolicy p) => new(
        p.Id, p.Name, p.Department, p.RegionCode, p.ItemCode, p.Benefit,
        new EligibilityRuleDto(p.Rule.NeedsAll, p.Rule.NeedsAny, p.Rule.MinAge, p.Rule.MaxAge, p.Rule.MinCareLevel), p.ApprovalReference);

    public static EntitlementPolicyVersionDto ToDto(this EntitlementPolicyVersion v) => new(v.Policy.ToDto(), v.Version, v.ChangedBy, v.ChangedUtc);

    public static EntitlementPolicy ToModel(this EntitlementPolicyDto p) => new(
        p.Id, p.Name, p.Department, p.RegionCode, p.ItemCode, p.Benefit,
        p.Rule is { } r ? new EligibilityRule(r.NeedsAll ?? [], r.NeedsAny ?? [], r.MinAge, r.MaxAge, r.MinCareLevel) : null!, p.ApprovalReference);
}
