using System.Globalization;
using Grid.Grains.Common;
using Grid.Grains.People;

namespace Grid.Grains.Entitlements;

public static class EligibilityRules
{
    /// <summary>Whether the facts meet the rule, and the reasons a person reads ("年龄 83 ≥ 80").</summary>
    public static (bool Eligible, IReadOnlyList<string> Reasons) Evaluate(EligibilityRule rule, ResidentFacts facts, DateOnly today)
    {
        var reasons = new List<string>();
        if (rule.NeedsAll.Any(n => !facts.Needs.Contains(n))) return (false, []);
        if (rule.NeedsAll.Count > 0) reasons.Add("needs " + string.Join("+", rule.NeedsAll));
        if (rule.NeedsAny.Count > 0)
        {
            var any = rule.NeedsAny.Where(facts.Needs.Contains).ToList();
            if (any.Count == 0) return (false, []);
            reasons.Add("needs " + string.Join("/", any));
        }
        if (rule.MinCareLevel is { } care)
        {
            if (facts.CareLevel < care) return (false, []);
            reasons.Add($"care level {facts.CareLevel} ≥ {care}");
        }
        if (rule.MinAge is not null || rule.MaxAge is not null)
        {
            if (facts.BirthDate is not { } birth) return (false, []);
            var age = AgeOn(birth, today);
            if (age < rule.MinAge || age > rule.MaxAge) return (false, []);
            reasons.Add($"age {age}");
        }
        return (true, reasons);
    }

    public static int AgeOn(DateOnly birth, DateOnly today) =>
        today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);

    /// <summary>The birth date in an 18-digit resident ID number (digits 7–14), or null when it is not well-formed.</summary>
    public static DateOnly? BirthDateOf(string? idNumber) =>
        idNumber is { Length: 18 } && DateOnly.TryParseExact(idNumber.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;

    public static void Validate(EntitlementPolicy? p)
    {
        if (p is null) throw ValidationException.For("policy", "Send the policy as JSON.");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(p.Name)) errors["name"] = ["Name the benefit policy."];
        if (string.IsNullOrWhiteSpace(p.Department)) errors["department"] = ["Name the responsible department."];
        if (!Contracts.RegionCodes.IsValid(p.RegionCode)) errors["regionCode"] = ["Give the 12-digit code of the region where the policy applies."];
        if (string.IsNullOrWhiteSpace(p.Benefit)) errors["benefit"] = ["Say what is granted, e.g. 每月100元高龄津贴."];
        if (string.IsNullOrWhiteSpace(p.ApprovalReference)) errors["approvalReference"] = ["Cite the government's approval (本级政府同意文号), Art. 12."];
        if (p.Rule is null || p.Rule.NeedsAll is null || p.Rule.NeedsAny is null)
            errors["rule"] = ["Give the rule with needsAll and needsAny lists (they may be empty)."];
        else
        {
            if (p.Rule.NeedsAll.Concat(p.Rule.NeedsAny).Any(n => !Enum.IsDefined(n))) errors["rule"] = ["Needs are LivingAlone, Disabled, SeverelyIll, MartyrFamily or Aged."];
            else if (p.Rule.MinAge is < 0 or > 130 || p.Rule.MaxAge is < 0 or > 130 || p.Rule.MinAge > p.Rule.MaxAge) errors["rule"] = ["Ages must be 0–130 with minAge ≤ maxAge."];
            else if (p.Rule.MinCareLevel is < 1 or > 3) errors["rule"] = ["Care levels run from 1 to 3."];
            else if (p.Rule is { NeedsAll.Count: 0, NeedsAny.Count: 0, MinAge: null, MaxAge: null, MinCareLevel: null })
                errors["rule"] = ["A rule must test at least one attribute, or every resident would qualify."];
        }
        if (errors.Count > 0) throw new ValidationException(errors);
    }
}

/// <summary>Masks personal data for lists shown to staff who grant benefits but need not see it in full.</summary>
public static class PersonalDataMask
{
    public static string Name(string name) => name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);

    public static string IdNumber(string id) => id.Length < 10 ? "****" : id[..6] + new string('*', id.Length - 10) + id[^4..];
}
